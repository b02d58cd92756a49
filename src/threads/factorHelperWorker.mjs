// Worker-thread entry in plain JS: register tsx (resolved from this package), then load the TypeScript helper.
import { register } from 'tsx/esm/api';

register();
await import('./factorHelperWorker.ts');
