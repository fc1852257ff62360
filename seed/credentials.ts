// Sign-in secrets of the seeded accounts. Outside production they are the documented demo
// values (seed/README.md), so a developer can sign in at once; in production each run draws
// fresh random ones, which seed/index.ts prints once for the accounts it created.
import { randomBytes } from 'node:crypto';

export const DEMO_STAFF_PASSWORD = 'onetrip-demo-2026';
export const DEMO_SCREEN_TOKEN = 'demo-screen-token-hall1';

export interface SeedCredentials {
  staffPassword: string;
  screenToken: string;
  /** True when drawn at random (production): the caller must hand them over. */
  generated: boolean;
}

/** The demo credentials, or random ones in production. */
export function seedCredentials(nodeEnv: string): SeedCredentials {
  if (nodeEnv !== 'production') {
    return { staffPassword: DEMO_STAFF_PASSWORD, screenToken: DEMO_SCREEN_TOKEN, generated: false };
  }
  return { staffPassword: randomBytes(12).toString('base64url'), screenToken: randomBytes(24).toString('base64url'), generated: true };
}
