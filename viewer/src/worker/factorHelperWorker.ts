/// <reference lib="webworker" />
/** The helper thread of the two-thread factorization (browser): the solver's helper loop on its messages. */
import { type HelperMessage, helperLoop } from '../../../src/index';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = helperLoop();
scope.onmessage = (event: MessageEvent<HelperMessage>) => handle(event.data);
