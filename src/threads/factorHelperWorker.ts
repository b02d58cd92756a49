/** The helper thread of the two-thread factorization (Node): runs the solver's helper loop on its messages. */
import { parentPort } from 'node:worker_threads';
import { helperLoop } from '../../solver/sparse/index';

if (!parentPort) throw new Error('factorHelperWorker must run in a worker thread');
parentPort.on('message', helperLoop());
// A JIT warm-up here (factoring a small plate) made no measurable difference to a fresh
// process's first factorization, and competes with the model build for the second core.
parentPort.postMessage('ready');
