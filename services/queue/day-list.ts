// The day's appointments in a staff member's scope, with citizen names masked.
import type { Types } from 'mongoose';
import { AppointmentModel, type Appointment } from '../../models/appointment.ts';
import { CitizenModel } from '../../models/citizen.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { forbidden } from '../../server/errors.ts';
import { findPage, type Page } from '../../server/pagination.ts';
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import { decryptPii } from '../pii/crypto.ts';
import { maskName } from '../pii/mask.ts';

export interface DayListQuery extends Page {
  date: string;
  window?: string;
}

/** One page of the day's appointments (by slot start), scoped to the caller's department. */
export async function listDayAppointments(staff: StaffPrincipal, query: DayListQuery, catalogue: CatalogueSnapshot) {
  const filter: Record<string, unknown> = { date: query.date };
  if (staff.role !== 'center_admin') filter.department = staff.department;
  if (query.window) {
    const window = catalogue.windowsByCode.get(query.window);
    if (window && staff.role !== 'center_admin' && window.department !== staff.department) throw forbidden('无权查看其他部门的窗口');
    filter.itemCode = { $in: [...catalogue.byCode.values()].filter((g) => g.windows.some((w) => w.code === query.window)).map((g) => g.code) };
  }
  const { items: appointments, total } = await findPage<Appointment & { _id: Types.ObjectId }>(AppointmentModel, filter, { start: 1, _id: 1 }, query);
  const names = await maskedNames(appointments.map((a) => a.citizenId));
  return { appointments, names, total };
}

/** citizenId → masked name ('' when no profile). */
async function maskedNames(citizenIds: unknown[]): Promise<Map<string, string>> {
  const citizens = await CitizenModel.find({ _id: { $in: citizenIds } }, { nameEnc: 1 }).lean();
  return new Map(citizens.map((c) => [String(c._id), c.nameEnc ? maskName(safeDecrypt(c.nameEnc)) : '']));
}

function safeDecrypt(sealed: string): string {
  try {
    return decryptPii(sealed);
  } catch {
    return '';
  }
}
