import { useRef } from 'react';

/**
 * A button that opens the file picker for several files at once, and hands what was picked to
 * `onOpenFiles` (the input is reset, so picking the same files again opens them again).
 */
export function OpenFilesButton(props: {
  label: string;
  title: string;
  accept: string;
  onOpenFiles: (files: File[]) => void;
  buttonTestId?: string;
  inputTestId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => input.current?.click()}
        title={props.title}
        data-testid={props.buttonTestId}
      >
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        multiple
        hidden
        data-testid={props.inputTestId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          if (files.length > 0) props.onOpenFiles(files);
          e.target.value = '';
        }}
      />
    </>
  );
}
