import { CASE_LIBRARY } from '../domain/caseLibrary';
import { OpenFilesButton } from './OpenFilesButton';

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
      <OpenFilesButton
        label="Open…"
        title="Open a case file, or a result folder's result.json with its fields.json and case.json (or drop them on the window)"
        accept=".json,application/json"
        onOpenFiles={onOpenFiles}
        inputTestId="file-input"
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
