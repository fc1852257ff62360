// Stand-in for the calendar module (services/calendar/, branch `booking`): the lead swaps this
// file's body for the calendar's addWorkingDays at merge. Uses the national calendar of
// chinese-days (statutory holidays and 调休 make-up working days) without local overrides.
import chineseDays from 'chinese-days';

const DAY_MS = 86_400_000;

/** The `n`-th working day after `date` (YYYY-MM-DD); `n` = 0 answers `date` itself. */
export function addWorkingDays(date: string, n: number): string {
  let current = date;
  for (let counted = 0; counted < n; ) {
    current = nextDay(current);
    if (chineseDays.isWorkday(current)) counted += 1;
  }
  return current;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
