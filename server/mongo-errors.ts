// Recognising database answers. No imports, so models and integrations can use it too.

const DUPLICATE_KEY = 11000;

/** True when a write lost on a unique key (the race-proof "someone else has it" answer). */
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number } | null)?.code === DUPLICATE_KEY;
}
