// Paced pollers in their own thread: each of `pollers` clients sends one request every
// `intervalMs` (like a lobby screen), for `seconds`; reports latencies. Open loop: a slow
// answer does not slow the schedule, so queueing shows in the latency.
import { parentPort, workerData } from 'node:worker_threads';

const { urls, headers, pollers, intervalMs, seconds } = workerData;
const latencies = [];
const statuses = {};
const inFlight = new Set();
const end = performance.now() + seconds * 1000;
async function once(index) {
  const t0 = performance.now();
  const response = await fetch(urls[index % urls.length], { headers: headers?.[index % headers.length] });
  await response.arrayBuffer();
  latencies.push(performance.now() - t0);
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
}
const timers = [];
for (let p = 0; p < pollers; p++) {
  // Spread the pollers' phases over the interval.
  timers.push(
    setTimeout(
      () => {
        const fire = () => {
          if (performance.now() >= end) return;
          const request = once(p).finally(() => inFlight.delete(request));
          inFlight.add(request);
        };
        fire();
        timers.push(setInterval(fire, intervalMs));
      },
      (p * intervalMs) / pollers,
    ),
  );
}
await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 50));
for (const t of timers) clearInterval(t);
await Promise.allSettled([...inFlight]);
parentPort.postMessage({ latencies, statuses, seconds });
