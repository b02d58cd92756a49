import { useRef } from 'react';
import { CASE_LIBRARY } from '../domain/caseLibrary';

export interface CaseToolbarProps {
  /** library id of the loaded case, or '' for a file */
  caseId: string;
  busy: boolean;
  /** a case is open (a result.json alone has nothing to solve) */
  canSolve: boolean;
  onPickLibrary: (id: string) => void;
  /** one case file, or a result folder's files (result.json, fields.json, case.json) */
  onOpenFiles: (files: File[]) => void;
  onSolve: () => void;
}

/** Case choice: the bundled examples, a case file from disk, or a result folder's files. */
export function CaseToolbar({
  caseId,
  busy,
  canSolve,
  onPickLibrary,
  onOpenFiles,
  onSolve,
}: CaseToolbarProps) {
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
        title="Open a case file, or a result folder's result.json with its fields.json and case.json (or drop them on the window)"
      >
        Open…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length > 0) onOpenFiles(files);
          e.target.value = '';
        }}
      />
      <button
        type="button"
        className="primary"
        onClick={onSolve}
        disabled={busy || !canSolve}
        data-testid="solve"
      >
        Solve
      </button>
    </div>
  );
}
