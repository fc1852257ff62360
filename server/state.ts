// What middleware leaves on ctx.state for the handlers.
import type { Caches } from './caches.ts';
import type { Logger } from './logger.ts';
import type { Principal } from './auth/principal.ts';

export interface AppState {
  requestId: string;
  log: Logger;
  principal?: Principal;
  /** This request's "now", from the app's clock (injectable, so tests pick the day). */
  now: Date;
  /** The instance's in-memory catalogue, screen snapshots and published progress. */
  caches: Caches;
}
