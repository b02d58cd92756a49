import { useCallback, useMemo, useState } from 'react';
import { efficiencyCsv } from '../../../src/module/csv';
import { evaluatePlatesOnlyModule } from '../../../src/module/platesOnlyMode';
import { logSpace, sweep } from '../../../src/module/sweep';
import { efficiencyChartSpec } from '../../../src/presentation/figures/efficiencySpec';
import { downloadBlob } from '../domain/exportFiles';
import { type FigureSize, VegaFigure } from './VegaFigure';

/** System sizes to pick from [kWh]: the CLI's default sweep (1, 10, 20) and two larger packs. */
const SYSTEMS_KWH = [1, 10, 20, 100, 1000];
/** The CLI's default sweep: 41 log-spaced pressures from 1 to 100 MPa. */
const PRESSURES_MPA = logSpace(1, 100, 41);
const MODE = 'plates-only mode: Roark end plates only';

export interface EfficiencyChartProps {
  /** the shown case's mean stack pressure [MPa], marked on the chart; null for none */
  markPressure: number | null;
}

/**
 * Cell-to-module conversion efficiency by mass and by volume against stack pressure for one
 * system size (plates-only module model, Tan et al.'s method): the chart `stackpress module
 * --plates-only` writes, with tooltips and this case's pressure marked above the curves.
 */
export function EfficiencyChart({ markPressure }: EfficiencyChartProps) {
  const [systemKWh, setSystemKWh] = useState(10);
  const rows = useMemo(
    () =>
      sweep((s, p) => evaluatePlatesOnlyModule({ systemKWh: s, pressureMPa: p }), [systemKWh], PRESSURES_MPA),
    [systemKWh],
  );
  const spec = useCallback(
    (size: FigureSize) =>
      efficiencyChartSpec(rows, systemKWh, MODE, {
        thisCase: markPressure !== null ? { pressureMPa: markPressure } : null,
        width: size.width,
        height: size.height,
      }),
    [rows, systemKWh, markPressure],
  );
  return (
    <div className="efficiency">
      <div className="top-view-toolbar">
        <label>
          System{' '}
          <select
            value={systemKWh}
            onChange={(e) => setSystemKWh(Number(e.target.value))}
            data-testid="efficiency-system"
          >
            {SYSTEMS_KWH.map((s) => (
              <option key={s} value={s}>
                {s} kWh
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          Plates-only module (Tan et al.): two steel end plates sized by Roark for L/500, 100 × 300 mm cells
        </span>
        <button
          type="button"
          onClick={() =>
            downloadBlob(
              new Blob([efficiencyCsv(rows)], { type: 'text/csv' }),
              `efficiency-${systemKWh}kWh.csv`,
            )
          }
          data-testid="efficiency-csv"
        >
          Export CSV
        </button>
      </div>
      <VegaFigure spec={spec} aspect={1240 / 1754} testId="efficiency-chart" />
    </div>
  );
}
