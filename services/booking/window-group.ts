// Window groups. Decision: an item's window group is derived, not stored — the sorted, distinct
// codes of the windows serving it, joined with '+' (e.g. "W01+W02"). Items served by the same
// windows share one schedule and one set of slots, which is what the hall actually has: the
// same staff at the same counters. Changing an item's windows moves it to another group (and
// its schedule), so the catalogue needs no extra field an admin could forget to set.

/** The window group of a set of window codes. */
export function windowGroupOf(windowCodes: readonly string[]): string {
  return [...new Set(windowCodes)].sort().join('+');
}

/** The window codes of a group. */
export function windowsOfGroup(windowGroup: string): string[] {
  return windowGroup.split('+').filter(Boolean);
}
