// Publishes the hotline's monthly figures: recomputes this month and the last from the records
// into hotline_monthly, and writes them for the public site and lobby screens next to the
// service figures (PUBLISH_DIR/hotline/figures.json).
import { publishHotlineFigures } from '../services/hotline/publish.ts';
import type { Job } from './types.ts';

export const hotlineFiguresJob: Job = {
  name: 'hotline-figures',
  schedule: '15 */10 * * * *',
  run: (now) => publishHotlineFigures(now),
};
