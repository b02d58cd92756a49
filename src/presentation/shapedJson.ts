/**
 * The first steps of reading any file stackpress wrote (fields.json, tolerance.json,
 * design.json): the text as JSON, then its zod shape, each failure one message that names the
 * key — the rest of each decoder checks what only its own schema knows.
 */
import type { z } from 'zod';

/** The file's error class: a message in, an Error out. */
export type FileErrorClass = new (message: string) => Error;

/** `text` as JSON, or `error` "not JSON (…)". */
export function parseJsonText(text: string, error: FileErrorClass): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new error(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** `json` in `shape`, or `error` naming the first key that is not: "designs.1.design: … — not a <schema> file". */
export function shapedJson<S extends z.ZodType>(
  json: unknown,
  shape: S,
  schema: string,
  error: FileErrorClass,
): z.output<S> {
  const parsed = shape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new error(`${issue.path.join('.') || '(top level)'}: ${issue.message} — not a ${schema} file`);
  }
  return parsed.data;
}
