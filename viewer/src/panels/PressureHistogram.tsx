import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colormapRgb, colormapTable } from '../domain/colormap';
import { type FilmGrade, filmDensity, filmRgb } from '../domain/film';
import { histogram } from '../domain/histogram';

export interface PressureHistogramProps {
  values: Float64Array;
  min: number;
  max: number;
  film: FilmGrade | null;
}

const table = colormapTable();

/** Area fraction of the footprint per pressure bin, bars coloured like the map. */
export function PressureHistogram({ values, min, max, film }: PressureHistogramProps) {
  const bins = histogram(values, min, max, 36).map((b) => ({
    ...b,
    percent: 100 * b.fraction,
    label: b.centre.toFixed(2),
  }));
  const colour = (p: number) => {
    const [r, g, b] = film
      ? filmRgb(filmDensity(p, film))
      : colormapRgb((p - min) / Math.max(1e-12, max - min), table);
    return `rgb(${r}, ${g}, ${b})`;
  };
  return (
    <div className="histogram" data-testid="histogram">
      <ResponsiveContainer width="100%" height={190}>
        <BarChart data={bins} margin={{ top: 8, right: 12, bottom: 18, left: 0 }} barCategoryGap={0}>
          <CartesianGrid stroke="#e3e7ec" vertical={false} />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 10 }}
            interval={5}
            label={{ value: 'pressure [MPa]', position: 'insideBottom', offset: -10, fontSize: 11 }}
          />
          <YAxis
            tick={{ fontSize: 10 }}
            width={40}
            label={{ value: 'area %', angle: -90, position: 'insideLeft', fontSize: 11 }}
          />
          <Tooltip formatter={(v) => `${Number(v).toFixed(2)} %`} labelFormatter={(l) => `${l} MPa`} />
          <Bar dataKey="percent" isAnimationActive={false} stroke="#6b7480" strokeWidth={0.3}>
            {bins.map((b) => (
              <Cell key={b.from} fill={colour(b.centre)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
