// Reads that many callers ask for at once, answered from one database query. Two rules:
// - identical reads under way at once share one query (a crowd polling the same list at 8:00
//   costs the database one query at a time, not one per caller);
// - with `freshMs` > 0 an answer is kept that long, and for as long again it is still served
//   while one caller's read replaces it, so nobody waits for a refresh. An answer is thus never
//   older than 2 × freshMs; with freshMs 0 nothing is kept once the query answers.
// The answers are the database's at the time of the query: decisions (a seat taken, a case
// moved) never read from here, only lists shown to people.

export interface SharedReadOptions<A extends unknown[], V> {
  keyOf: (...args: A) => string;
  load: (...args: A) => Promise<V>;
  /** How long an answer is served as is; 0 shares only the reads under way. */
  freshMs: number;
  /** Answers kept at most (the oldest goes first): callers choose the keys. */
  maxEntries?: number;
  /** Monotonic milliseconds; tests pass their own. */
  clock?: () => number;
}

export interface SharedReads<A extends unknown[], V> {
  read(...args: A): Promise<V>;
  /** Forgets every kept answer (on shutdown). */
  clear(): void;
}

interface Kept<V> {
  value: V;
  loadedAt: number;
}

/** `load` behind shared, briefly kept reads (see the header). */
export function sharedReads<A extends unknown[], V>(options: SharedReadOptions<A, V>): SharedReads<A, V> {
  const { keyOf, load, freshMs, maxEntries = 1000, clock = () => performance.now() } = options;
  const running = new Map<string, Promise<V>>();
  const kept = new Map<string, Kept<V>>();

  const loadShared = (key: string, args: A): Promise<V> => {
    const shared = running.get(key);
    if (shared) return shared;
    const started = load(...args)
      .then((value) => {
        if (freshMs > 0) keep(key, value);
        return value;
      })
      .finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };

  const keep = (key: string, value: V) => {
    kept.delete(key);
    kept.set(key, { value, loadedAt: clock() });
    if (kept.size > maxEntries) kept.delete(kept.keys().next().value!);
  };

  return {
    read(...args) {
      const key = keyOf(...args);
      const answer = kept.get(key);
      const age = answer ? clock() - answer.loadedAt : Infinity;
      if (answer && age < freshMs) return Promise.resolve(answer.value);
      if (answer && age < 2 * freshMs) {
        // Served as it is while one read replaces it; a failed refresh leaves it to expire.
        loadShared(key, args).catch(() => {});
        return Promise.resolve(answer.value);
      }
      return loadShared(key, args);
    },
    clear() {
      kept.clear();
    },
  };
}
