import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { MAX_TIMEOUT_MS } from '../cli/caseJob';
import { inputHash } from '../cli/inputHash';

/**
 * What a queued case carries: the resolved case, where it came from, and its time limit.
 * Anyone who reaches Redis can push a job, so a worker checks this shape before anything else.
 */
const queuedCaseSchema = z.object({
  raw: z.custom<unknown>((v) => v !== undefined, { message: 'missing (the resolved case)' }),
  input: z.object({
    file: z.string().max(4096),
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex (64 characters 0-9a-f)'),
  }),
  timeoutMs: z.number().int().min(1).max(MAX_TIMEOUT_MS),
});

export type QueuedCase = z.infer<typeof queuedCaseSchema> & { raw: unknown };

/**
 * The job's payload as a case, or an UnrecoverableError (no retry can fix a payload) naming what
 * is wrong. The hash must be the case's own: results are shared between workers by this hash.
 */
export function parseQueuedCase(data: unknown): QueuedCase {
  const parsed = queuedCaseSchema.safeParse(data);
  if (!parsed.success) {
    // one issue per field: zod may report a bad number twice (not an integer, too big)
    const byPath = new Map<string, string>();
    for (const i of parsed.error.issues) {
      const path = i.path.length > 0 ? i.path.join('.') : 'payload';
      const ms = path === 'timeoutMs' ? ` (a whole number of ms, 1–${MAX_TIMEOUT_MS})` : '';
      if (!byPath.has(path)) byPath.set(path, `${path}: ${i.message}${ms}`);
    }
    throw new UnrecoverableError(`job payload is not a stackpress case: ${[...byPath.values()].join('; ')}`);
  }
  const job = parsed.data as QueuedCase;
  let hash: string;
  try {
    hash = inputHash(job.raw);
  } catch (e) {
    // e.g. a raw nested too deep to walk: no case is
    throw new UnrecoverableError(`job payload is not a stackpress case: raw: ${(e as Error).message}`);
  }
  if (hash !== job.input.hash)
    throw new UnrecoverableError(
      `job payload is not a stackpress case: input.hash ${job.input.hash} is not the sha256 of its raw case`,
    );
  return job;
}
