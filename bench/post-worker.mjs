// POST load from its own thread (own event loop), so the server's thread only serves: every
// request of `requests` ({url, headers, body}) is sent, `concurrency` at a time. Plain JS.
import { parentPort, workerData } from 'node:worker_threads';

const { requests, concurrency } = workerData;
const latencies = [];
const answers = new Array(requests.length);
let next = 0;
const started = performance.now();
async function worker() {
  while (next < requests.length) {
    const index = next++;
    const { url, headers, body } = requests[index];
    const t0 = performance.now();
    const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    latencies.push(performance.now() - t0);
    answers[index] = { status: response.status, code: response.status >= 400 ? JSON.parse(text).error?.code : undefined };
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
parentPort.postMessage({ ms: performance.now() - started, latencies, answers });
