// The prefix of a department's queue tickets: its configured `ticketPrefix`, else the first two
// letters of its code (GA → GA, SCJG → SC), so departments of a hall call distinct numbers by
// default. Two departments that end up with one prefix share its counter (numbered per hall,
// prefix and day: models/queue-counter.ts), so a number is still never issued twice in a hall.
import type { CatalogueSnapshot } from '../catalogue/store.ts';

export const FALLBACK_PREFIX = 'A';

/** The default prefix of department `code`. */
export function defaultTicketPrefix(code: string): string {
  const letters = code.toUpperCase().replace(/[^A-Z]/g, '');
  return letters.slice(0, 2) || FALLBACK_PREFIX;
}

/** The prefix the department's tickets use now. */
export function ticketPrefixOf(departmentCode: string, catalogue: Pick<CatalogueSnapshot, 'departmentsByCode'>): string {
  return catalogue.departmentsByCode.get(departmentCode)?.ticketPrefix || defaultTicketPrefix(departmentCode);
}
