// What middleware leaves on ctx.state for the handlers.
import type { Caches } from './caches.ts';
import type { Logger } from './logger.ts';
import type { Principal } from './auth/principal.ts';
import type { AnswerContract } from './route.ts';

export interface AppState {
  requestId: string;
  log: Logger;
  principal?: Principal;
  /** This request's "now", from the app's clock (injectable, so tests pick the day). */
  now: Date;
  /** The instance's in-memory catalogue, screen snapshots and published progress. */
  caches: Caches;
  /** What the matched route declared it answers (set by defineRoute; checked in tests). */
  contract?: AnswerContract;
}
