import { useRef } from 'react';
import { CASE_LIBRARY } from '../domain/caseLibrary';

export interface CaseToolbarProps {
  /** library id of the loaded case, or '' for a file */
  caseId: string;
  busy: boolean;
  onPickLibrary: (id: string) => void;
  onOpenFile: (file: File) => void;
  onSolve: () => void;
}

/** Case choice: the bundled examples, or a case / result.json file from disk. */
export function CaseToolbar({ caseId, busy, onPickLibrary, onOpenFile, onSolve }: CaseToolbarProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="case-toolbar">
      <label>
        Case{' '}
        <select value={caseId} onChange={(e) => onPickLibrary(e.target.value)} data-testid="case-select">
          {caseId === '' && <option value="">(from file)</option>}
          {CASE_LIBRARY.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id}.json
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title="Open a case file or a result.json (or drop one on the window)"
      >
        Open…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onOpenFile(f);
          e.target.value = '';
        }}
      />
      <button type="button" className="primary" onClick={onSolve} disabled={busy} data-testid="solve">
        Solve
      </button>
    </div>
  );
}
