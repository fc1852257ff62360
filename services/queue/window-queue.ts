// What a window sees of its queue: the ticket it is serving, who waits for it in call order
// (the same filter and sort call-next uses, so the first listed is the next called) and the
// tickets skipped (过号) today that may still come back.
import { QueueTicketModel } from '../../models/queue-ticket.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { config } from '../../server/config.ts';
import { windowGroupOf } from '../booking/window-group.ts';
import { zonedDate } from '../calendar/zoned-time.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { callableWindow } from './calling.ts';

/** The most tickets a list answers (a hall day has a few hundred at most per window). */
const LIST_LIMIT = 300;

/** The window groups `windowCode` serves (the items served at it), smallest first. */
export function windowGroupsAt(windowCode: string, catalogue: CatalogueSnapshot): string[] {
  const groups = new Set<string>();
  for (const guide of catalogue.byCode.values()) {
    const codes = guide.windows.map((w) => w.code);
    if (codes.includes(windowCode)) groups.add(windowGroupOf(codes));
  }
  return [...groups].sort((a, b) => a.split('+').length - b.split('+').length || a.localeCompare(b));
}

export async function windowQueue(windowCode: string, staff: StaffPrincipal, now: Date, catalogue: CatalogueSnapshot) {
  const window = callableWindow(windowCode, staff, catalogue);
  const date = zonedDate(now, config.TZ_NAME);
  const [current, waiting, skipped] = await Promise.all([
    QueueTicketModel.findOne({ calledWindow: windowCode, status: 'called', date }).sort({ calledAt: -1 }).lean(),
    QueueTicketModel.find({ date, windows: windowCode, status: 'waiting' }).sort({ queueKey: 1 }).limit(LIST_LIMIT).lean(),
    QueueTicketModel.find({ date, windows: windowCode, status: 'skipped' }).sort({ queueKey: 1 }).limit(LIST_LIMIT).lean(),
  ]);
  const groups = windowGroupsAt(windowCode, catalogue);
  return {
    window: { code: window.code, name: window.name, windowGroup: groups[0] ?? windowCode, windowGroups: groups },
    current,
    waiting,
    skipped,
  };
}
