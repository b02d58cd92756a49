// Worker-thread entry in plain JS: register tsx (resolved from this package), then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./caseWorker.ts');
