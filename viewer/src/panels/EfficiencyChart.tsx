import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { evaluatePlatesOnlyModule } from '../../../src/module/platesOnlyMode';
import { libReference, logSpace } from '../../../src/module/sweep';
import { csvBlob, downloadBlob } from '../domain/exportFiles';

const SYSTEMS_KWH = [1, 10, 100, 1000];
const COLOURS = ['#c0392b', '#d68910', '#2471a3', '#1e8449'];

type Metric = 'massEfficiency' | 'volumeEfficiency';

/**
 * Cell-to-module conversion efficiency against stack pressure for several system sizes
 * (plates-only module model: Tan et al.'s method).
 */
export function EfficiencyChart({ markPressure }: { markPressure: number | null }) {
  const [metric, setMetric] = useState<Metric>('massEfficiency');
  const pressures = useMemo(() => logSpace(0.1, 100, 41), []);
  const rows = useMemo(
    () =>
      pressures.map((p) => {
        const row: Record<string, number> = { pressure: p };
        for (const s of SYSTEMS_KWH) {
          const r = evaluatePlatesOnlyModule({ systemKWh: s, pressureMPa: p });
          row[`m${s}`] = 100 * r.massEfficiency;
          row[`v${s}`] = 100 * r.volumeEfficiency;
        }
        return row;
      }),
    [pressures],
  );
  const prefix = metric === 'massEfficiency' ? 'm' : 'v';
  const lib = 100 * libReference[metric];
  const exportCsv = () => {
    const head = ['pressure_MPa', ...SYSTEMS_KWH.flatMap((s) => [`mass_eff_${s}kWh`, `volume_eff_${s}kWh`])];
    const lines = rows.map((r) =>
      [r.pressure, ...SYSTEMS_KWH.flatMap((s) => [r[`m${s}`] / 100, r[`v${s}`] / 100])].join(','),
    );
    downloadBlob(csvBlob(`${head.join(',')}\n${lines.join('\n')}\n`), 'efficiency.csv');
  };
  return (
    <div className="efficiency">
      <div className="top-view-toolbar">
        <label>
          Efficiency{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
            <option value="massEfficiency">by mass</option>
            <option value="volumeEfficiency">by volume</option>
          </select>
        </label>
        <span className="muted">
          Plates-only module (Tan et al.): two steel end plates sized by Roark for L/500, 100 × 300 mm cells
        </span>
        <button type="button" onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <ResponsiveContainer width="100%" height={420}>
        <LineChart data={rows} margin={{ top: 16, right: 32, bottom: 24, left: 8 }}>
          <CartesianGrid stroke="#e3e7ec" />
          <XAxis
            dataKey="pressure"
            type="number"
            scale="log"
            domain={[0.1, 100]}
            ticks={[0.1, 0.3, 1, 3, 10, 30, 100]}
            allowDataOverflow
            label={{ value: 'stack pressure [MPa]', position: 'insideBottom', offset: -12 }}
          />
          <YAxis
            domain={[0, 100]}
            label={{ value: 'conversion efficiency [%]', angle: -90, position: 'insideLeft' }}
          />
          <Tooltip
            formatter={(v) => `${Number(v).toFixed(1)} %`}
            labelFormatter={(p) => `${Number(p).toFixed(2)} MPa`}
          />
          <Legend verticalAlign="top" />
          {SYSTEMS_KWH.map((s, i) => (
            <Line
              key={s}
              dataKey={`${prefix}${s}`}
              name={`${s} kWh`}
              stroke={COLOURS[i]}
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
          <ReferenceLine
            y={lib}
            stroke="#555"
            strokeDasharray="6 4"
            label={{ value: `LIB ${lib.toFixed(0)} %`, position: 'insideTopRight' }}
          />
          {markPressure !== null && (
            <ReferenceLine
              x={markPressure}
              stroke="#8e44ad"
              label={{ value: 'this case', position: 'insideTopLeft' }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
