// Clocks for tests of fixed-window counters (rate limits, the login lockout).

/**
 * Real time, shifted so that the calling test file starts `into` ms into a fixed window of
 * `windowMs` (windows are aligned to the epoch, as services/rate-limit/counter.ts cuts them):
 * the counts a file makes then never straddle two windows, however slowly a loaded machine runs it.
 */
export function clockInsideWindow(windowMs: number, into = 60_000): () => Date {
  const shift = (Date.now() % windowMs) - into;
  return () => new Date(Date.now() - shift);
}
