import { cssGradient, NO_CONTACT_CSS } from '../../../src/presentation/colourScale';
import { significant } from '../domain/format';
import './figures.css';

export interface ColorBarProps {
  /** the ends of the scale [MPa] */
  min: number;
  max: number;
  unit?: string;
  title?: string;
}

const TICKS = [1, 0.75, 0.5, 0.25, 0];

/**
 * The DOM colour bar over the 3D view and the comparison: the shared pressure scale from `min` to
 * `max` [MPa] and, below it, the grey every picture uses where no contact is made, so an open gap is
 * never read as the bottom of the scale.
 */
export function ColorBar({ min, max, unit = 'MPa', title = 'Contact pressure' }: ColorBarProps) {
  return (
    <div className="colorbar" data-testid="colorbar">
      <div className="colorbar-title">
        {title} <span className="unit">[{unit}]</span>
      </div>
      <div className="colorbar-body">
        <div className="colorbar-ramp" style={{ background: cssGradient('pressure', 'to top') }} />
        <div className="colorbar-ticks">
          {TICKS.map((t) => {
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
      <div className="colorbar-no-contact">
        <span className="swatch" style={{ background: NO_CONTACT_CSS }} data-testid="colorbar-no-contact" />
        no contact
      </div>
    </div>
  );
}
