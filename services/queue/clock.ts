// Business-calendar arithmetic in TZ_NAME: the local date and time of an instant, and the
// instant of a local date and time (for slot windows and "today").

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(instant: Date, timeZone: string): Record<string, string> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return Object.fromEntries(formatter.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** YYYY-MM-DD of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const p = partsOf(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** HH:mm of `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): string {
  const p = partsOf(instant, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** The instant of local `date` `time` (HH:mm) in `timeZone`. */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  // The zone's offset at that moment: format the UTC guess locally and compare.
  const p = partsOf(new Date(asUtc), timeZone);
  const shown = Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`);
  return new Date(asUtc - (shown - asUtc));
}

/** `date` plus `days` calendar days (YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
