import { useEffect, useState } from 'react';
import type { EditableParameter } from '../domain/caseEdits';

export interface EditPanelProps {
  params: EditableParameter[];
  busy: boolean;
  onSolve: (values: Record<string, number>) => void;
}

/** The editable case parameters, grouped; "Re-solve" applies them. */
export function EditPanel({ params, busy, onSolve }: EditPanelProps) {
  const [values, setValues] = useState<Record<string, number>>({});
  useEffect(() => setValues(Object.fromEntries(params.map((p) => [p.key, p.value]))), [params]);
  const groups = [...new Set(params.map((p) => p.group))];
  const changed = params.some((p) => values[p.key] !== undefined && values[p.key] !== p.value);
  if (params.length === 0)
    return <p className="muted">No editable parameters (the case did not validate).</p>;
  return (
    <form
      className="edit-panel"
      onSubmit={(e) => {
        e.preventDefault();
        onSolve(values);
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
                    if (Number.isFinite(v)) setValues((old) => ({ ...old, [p.key]: v }));
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
        <button
          type="button"
          disabled={!changed || busy}
          onClick={() => setValues(Object.fromEntries(params.map((p) => [p.key, p.value])))}
        >
          Reset
        </button>
      </div>
    </form>
  );
}
