// A window group is the set of windows serving an item: the key of its schedule, slots and
// queue numbering. Written as the sorted window codes joined by '+'.
import type { Guide } from '../catalogue/guide.ts';

/** The window-group key of a set of window codes. */
export function windowGroupOf(windowCodes: readonly string[]): string {
  return [...new Set(windowCodes)].sort().join('+');
}

/** The window group of an item's guide. */
export function windowGroupOfItem(guide: Pick<Guide, 'windows'>): string {
  return windowGroupOf(guide.windows.map((w) => w.code));
}
