// Warns department admins (staff_notices + log) about 差评 rectifications falling due.
import { warnDueRectifications } from '../services/applications/rectification.ts';
import type { Job } from './types.ts';

export const rectificationWarningJob: Job = {
  name: 'rectification-warning',
  schedule: '0 9 * * *',
  run: (now) => warnDueRectifications(now),
};
