import type { ProbeReading } from '../domain/probe';

/** The values under the pointer in the 3D view. */
export function ProbeReadout({ reading }: { reading: ProbeReading | null }) {
  if (!reading)
    return <div className="probe muted">Hover the model to probe pressure, gap and deflection</div>;
  return (
    <div className="probe" data-testid="probe">
      <div>
        x {reading.x.toFixed(1)} · y {reading.y.toFixed(1)} mm
      </div>
      {reading.onFootprint ? (
        <div>
          p <b>{reading.pressure.toFixed(3)} MPa</b> · gap {(1000 * reading.gap).toFixed(2)} µm
        </div>
      ) : (
        <div className="muted">off the cell footprint</div>
      )}
      {reading.deflection.map((d) => (
        <div key={d.name}>
          w {d.name}: {(1000 * d.w).toFixed(2)} µm
        </div>
      ))}
    </div>
  );
}
