import type { EditableParameter } from '../domain/caseEdits';

export interface EditPanelProps {
  params: EditableParameter[];
  /** the current values by parameter key (the store's) */
  values: Record<string, number>;
  busy: boolean;
  onChange: (key: string, value: number) => void;
  onSolve: () => void;
  /** restore the values of the case as opened */
  onReset: () => void;
}

/** The editable case parameters, grouped; "Re-solve" solves them, "Reset" restores the case as opened. */
export function EditPanel({ params, values, busy, onChange, onSolve, onReset }: EditPanelProps) {
  const groups = [...new Set(params.map((p) => p.group))];
  const changed = params.some((p) => values[p.key] !== undefined && values[p.key] !== p.value);
  if (params.length === 0) return <p className="muted">No editable parameters (no valid case is open).</p>;
  return (
    // noValidate: an out-of-range value goes to the solver, whose refusal names the field, the
    // value with its unit and the range allowed, and clears the result; the browser's bubble would
    // only block the click and leave the old result looking current
    <form
      className="edit-panel"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSolve();
      }}
    >
      {groups.map((g) => (
        <fieldset key={g}>
          <legend>{g}</legend>
          {params
            .filter((p) => p.group === g)
            .map((p) => (
              <label key={p.key} className="param">
                <span>
                  {p.label} <span className="unit">[{p.unit}]</span>
                </span>
                <input
                  type="number"
                  data-testid={`edit-${p.key}`}
                  min={p.min}
                  max={p.max}
                  step="any"
                  value={values[p.key] ?? p.value}
                  onChange={(e) => {
                    const v = e.target.valueAsNumber;
                    if (Number.isFinite(v)) onChange(p.key, v);
                  }}
                />
              </label>
            ))}
        </fieldset>
      ))}
      <div className="edit-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="resolve">
          Re-solve
        </button>
        <button type="button" disabled={!changed} onClick={onReset} data-testid="reset">
          Reset
        </button>
      </div>
    </form>
  );
}
