import { type Job, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { MAX_TIMEOUT_MS } from '../cli/caseJob';
import type { DesignEvaluation } from '../design/designEvaluation';
import type { SolverLanes } from './solverLanes';

/** Most bytes of a design job's payload: a problem is a spec and its base case, a few kB (maps inline aside). */
export const MAX_DESIGN_PAYLOAD_BYTES = 8 * 1024 * 1024;

/**
 * What a queued design carries: the problem (plain JSON, checked again in the solver thread as a
 * spec file is), the design's values and the evaluation's time limit. Anyone who reaches Redis can
 * push a job, so the worker checks this shape before a thread sees it.
 */
const queuedDesignSchema = z
  .object({
    kind: z.literal('design'),
    problem: z.record(z.string(), z.unknown()),
    design: z.record(z.string(), z.unknown()),
    timeoutMs: z.number().int().min(1).max(MAX_TIMEOUT_MS),
  })
  .strict();

export type QueuedDesign = z.infer<typeof queuedDesignSchema>;

/** Whether a job's payload claims to be a design (then it is checked as one, never as a case). */
export function isQueuedDesign(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'design';
}

/** The payload as a design job, or an UnrecoverableError (no retry can fix a payload) naming what is wrong. */
export function parseQueuedDesign(data: unknown): QueuedDesign {
  const parsed = queuedDesignSchema.safeParse(data);
  if (!parsed.success) {
    const byPath = new Map<string, string>();
    for (const i of parsed.error.issues) {
      const path = i.path.length > 0 ? i.path.join('.') : 'payload';
      if (!byPath.has(path)) byPath.set(path, `${path}: ${i.message}`);
    }
    throw new UnrecoverableError(
      `job payload is not a stackpress design: ${[...byPath.values()].slice(0, 10).join('; ')}`,
    );
  }
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(parsed.data));
  } catch (e) {
    throw new UnrecoverableError(`job payload is not a stackpress design: ${(e as Error).message}`);
  }
  if (bytes > MAX_DESIGN_PAYLOAD_BYTES)
    throw new UnrecoverableError(
      `job payload is not a stackpress design: ${bytes} bytes — at most ${MAX_DESIGN_PAYLOAD_BYTES}`,
    );
  return parsed.data;
}

/**
 * A queue worker's processing of a design job: checked, evaluated on a free solver lane (whose
 * session later designs on the same mesh reuse), and answered with the evaluation. A bad payload,
 * problem or design fails the job unretried; a crash or a timeout is retried; the worker goes on.
 */
export async function processQueuedDesign(
  job: Job<unknown, unknown>,
  lanes: SolverLanes,
  log: (line: string) => void,
): Promise<DesignEvaluation> {
  const tag = `design ${String(job.id).slice(0, 12)} try ${job.attemptsMade + 1}`;
  let data: QueuedDesign;
  try {
    data = parseQueuedDesign(job.data);
  } catch (e) {
    log(`rejected job ${String(job.id).slice(0, 64)}: ${(e as Error).message}`);
    throw e;
  }
  const t0 = performance.now();
  const outcome = await lanes.use((thread) =>
    thread.evaluateDesign({
      kind: 'design',
      id: 0,
      problem: data.problem,
      design: data.design,
      timeoutMs: data.timeoutMs,
    }),
  );
  if (outcome.status === 'evaluated') {
    log(`done ${tag} in ${((performance.now() - t0) / 1000).toFixed(2)} s: ${outcome.evaluation.status}`);
    return outcome.evaluation;
  }
  const message = outcome.status === 'failed' ? outcome.error : 'aborted';
  log(`failed ${tag}: ${message.split('\n')[0]}`);
  if (outcome.status === 'failed' && outcome.errorName === 'InputError')
    throw new UnrecoverableError(message);
  throw new Error(message);
}
