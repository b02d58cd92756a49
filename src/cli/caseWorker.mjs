// Worker-thread entry when running from the sources (vitest, tsx): a new thread does not inherit
// its parent's loader, so register tsx, then load the TypeScript worker. The compiled package
// starts dist/cli/caseWorker.js instead (src/threads/threadEntry.ts chooses).
import { register } from 'tsx/esm/api';

register();
await import('./caseWorker.ts');
