// Reading applications: one by id, and the filters and sorts of the hot lists, exported so the
// index test explains exactly the queries the services run (models/application.ts has the indexes).
import { isValidObjectId, type Types } from 'mongoose';
import { APPLICATION_STATUSES, ApplicationModel, type Application, type ApplicationStatus } from '../../models/application.ts';
import type { StaffPrincipal } from '../../server/auth/principal.ts';

/** An application as read with lean(). */
export type ApplicationDoc = Application & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };

/** The application or null; malformed ids are simply unknown. */
export async function findApplication(id: string): Promise<ApplicationDoc | null> {
  if (!isValidObjectId(id)) return null;
  return ApplicationModel.findById(id).lean<ApplicationDoc>();
}

/** Every status but draft: drafts are the citizen's own. */
const SHOWN_TO_STAFF = APPLICATION_STATUSES.filter((status) => status !== 'draft');

/** The staff work queue: in scope, of `status` (anything but drafts without one), oldest change first. */
export function staffListQuery(staff: Pick<StaffPrincipal, 'role' | 'department'>, status: ApplicationStatus | undefined) {
  // `$in` of the other statuses rather than `$ne: 'draft'`: index bounds, not a filter on every document.
  const filter: Record<string, unknown> = { status: status ?? { $in: SHOWN_TO_STAFF } };
  // A department's own cases and the bundles (一件事) it has a part of.
  if (staff.role !== 'center_admin') filter.departments = staff.department;
  return { filter, sort: { updatedAt: 1, _id: 1 } as const };
}

/** A citizen's own applications, newest first. */
export function ownListQuery(citizenId: string) {
  const filter: Record<string, unknown> = { citizenId };
  return { filter, sort: { createdAt: -1, _id: -1 } as const };
}

/** Applications written at or after `since` (all of them without one), in the order they changed. */
export function changedSinceQuery(since: Date | null) {
  const filter: Record<string, unknown> = since ? { updatedAt: { $gte: since } } : {};
  return { filter, sort: { updatedAt: 1, _id: 1 } as const };
}
