// Deadlines of cases and rectifications, from the one working-day calendar (services/calendar).
import { deadlineAfter } from '../calendar/store.ts';
import { logger } from '../../server/logger.ts';

/** The `n`-th working day after `date` (YYYY-MM-DD); `n` = 0 answers `date` itself. */
export async function addWorkingDays(date: string, n: number): Promise<string> {
  const deadline = await deadlineAfter(date, n);
  if (deadline.provisional) {
    logger.warn({ from: date, workingDays: n, deadline: deadline.date }, 'deadline crosses a year without official holiday data; counted Monday–Friday');
  }
  return deadline.date;
}
