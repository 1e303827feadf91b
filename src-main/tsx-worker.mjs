// Runs a TypeScript worker entry from source: registers tsx in this worker thread, then imports the
// entry named in workerData.entry. Used when the CLI runs from source (bin/jixiao.mjs); a bundled
// build starts the compiled worker file directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
