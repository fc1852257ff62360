// The answer shape of an appointment: the fields that leave the server, listed explicitly.
import type { Types } from 'mongoose';
import { windowsOfGroup } from '../../services/booking/window-group.ts';
import type { CatalogueSnapshot } from '../../services/catalogue/store.ts';

interface AppointmentLike {
  _id: Types.ObjectId;
  status: 'booked' | 'checked_in' | 'served' | 'cancelled' | 'no_show';
  itemCode: string;
  windowGroup: string;
  date: string;
  start: string;
  end: string;
  startsAt: Date;
  checkInCode: string;
  rescheduledFrom?: Types.ObjectId | null;
}

/** The contract's appointment answer; `window` is where to go (the group's first window). */
export function presentAppointment(appointment: AppointmentLike, catalogue: CatalogueSnapshot) {
  const windows = windowsOfGroup(appointment.windowGroup).map((code) => {
    const window = catalogue.windowsByCode.get(code);
    return { code, name: window?.name ?? code, hallCode: window?.hallCode ?? '', location: window?.location ?? '' };
  });
  return {
    id: String(appointment._id),
    status: appointment.status,
    itemCode: appointment.itemCode,
    itemName: catalogue.byCode.get(appointment.itemCode)?.name ?? appointment.itemCode,
    date: appointment.date,
    start: appointment.start,
    end: appointment.end,
    startsAt: appointment.startsAt.toISOString(),
    window: windows[0]!,
    windows,
    checkInCode: appointment.checkInCode,
    rescheduledFrom: appointment.rescheduledFrom ? String(appointment.rescheduledFrom) : null,
  };
}
