// Load generator running in its own thread (own event loop, own core) so that measured
// latency is the server's, not the client's queueing. Plain JS: no loader in the worker.
import { parentPort, workerData } from 'node:worker_threads';

const { urls, total, concurrency, headers } = workerData;
const latencies = [];
const statuses = {};
let issued = 0;
const started = performance.now();
async function worker() {
  while (issued < total) {
    const index = issued++;
    const t0 = performance.now();
    const response = await fetch(urls[index % urls.length], { headers: headers?.[index % headers.length] });
    await response.arrayBuffer();
    latencies.push(performance.now() - t0);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
parentPort.postMessage({ seconds: (performance.now() - started) / 1000, latencies, statuses });
