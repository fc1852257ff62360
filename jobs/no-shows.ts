// Marks bookings not checked in by slot end + NO_SHOW_GRACE_MINUTES as no-shows and bans repeat offenders.
import { markNoShows } from '../services/booking/no-shows.ts';
import type { Job } from './types.ts';

export const noShowJob: Job = {
  name: 'no-shows',
  schedule: '*/15 * * * *',
  run: (now) => markNoShows(now),
};
