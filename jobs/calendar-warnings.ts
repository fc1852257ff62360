// Logs, once a day, the warnings of years the slot horizon reaches without holiday data, so an
// operator reading the logs sees them too (admins see them on the dashboard and in /readyz).
import { logger } from '../server/logger.ts';
import { currentCalendarWarnings } from '../services/calendar/store.ts';
import type { Job } from './types.ts';

export const calendarWarningsJob: Job = {
  name: 'calendar-warnings',
  schedule: '0 7 * * *',
  async run(now) {
    const warnings = await currentCalendarWarnings(now);
    for (const warning of warnings) logger.warn({ code: warning.code, year: warning.year }, warning.message);
    return { warnings: warnings.length };
  },
};
