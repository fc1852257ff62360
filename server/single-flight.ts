// Identical reads under way at once share one database query: a request that arrives while the
// same query is running gets that query's answer instead of sending its own. Nothing is kept
// once the query answers, so an answer is never older than the query it came from; a crowd
// polling the same list at 8:00 costs the database one query at a time, not one per caller.

/** `load` wrapped so concurrent calls with the same `keyOf` share one call. */
export function singleFlight<A extends unknown[], V>(keyOf: (...args: A) => string, load: (...args: A) => Promise<V>): (...args: A) => Promise<V> {
  const running = new Map<string, Promise<V>>();
  return (...args) => {
    const key = keyOf(...args);
    const shared = running.get(key);
    if (shared) return shared;
    const started = load(...args).finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
