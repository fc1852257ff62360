// The promised deadline of a case (承诺时限).
import { addWorkingDays } from './working-days.ts';

/**
 * The last day of a case accepted on `acceptedDate`: the `promisedLimitDays`-th working day
 * after the day of acceptance; 即办件 (0 days) are due the same day.
 */
export function caseDeadline(acceptedDate: string, promisedLimitDays: number): Promise<string> {
  return addWorkingDays(acceptedDate, Math.max(0, promisedLimitDays));
}

/** A case still being handled (accepted) after its last day `deadline`, on business date `today`. */
export const isOverdue = (application: { status: string; deadline?: string | null }, today: string): boolean =>
  application.status === 'accepted' && !!application.deadline && application.deadline < today;
