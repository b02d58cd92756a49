import { colormapCssGradient } from '../domain/colormap';
import { significant } from '../domain/format';

export interface ColorBarProps {
  min: number;
  max: number;
  unit?: string;
  title?: string;
}

/** A vertical colour bar through the pressure colormap with its range in MPa. */
export function ColorBar({ min, max, unit = 'MPa', title = 'Contact pressure' }: ColorBarProps) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div className="colorbar" data-testid="colorbar">
      <div className="colorbar-title">
        {title} <span className="unit">[{unit}]</span>
      </div>
      <div className="colorbar-body">
        <div className="colorbar-ramp" style={{ background: colormapCssGradient('to top') }} />
        <div className="colorbar-ticks">
          {ticks
            .slice()
            .reverse()
            .map((t) => {
              const v = min + t * (max - min);
              const testId = t === 1 ? 'colorbar-max' : t === 0 ? 'colorbar-min' : undefined;
              return (
                <span
                  key={t}
                  style={{ bottom: `${100 * t}%` }}
                  data-testid={testId}
                  data-value={testId ? String(v) : undefined}
                >
                  {significant(v, 4)}
                </span>
              );
            })}
        </div>
      </div>
    </div>
  );
}
