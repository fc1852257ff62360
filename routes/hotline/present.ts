// The only places a hotline request's answer is shaped: the citizen's view (no internal notes,
// no staff ids) and the staff view (masked contact, none on a 举报).
import type { HotlineCategory } from '../../models/hotline-category.ts';
import type { HotlineRequestDoc } from '../../models/hotline-request.ts';
import { contactForDepartment } from '../../services/hotline/reporter.ts';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

function common(request: HotlineRequestDoc) {
  return {
    id: String(request._id),
    number: request.number,
    type: request.type,
    category: request.category,
    text: request.text,
    location: { address: request.location?.address ?? '', lat: request.location?.lat ?? null, long: request.location?.long ?? null },
    photos: request.photos.length,
    status: request.status,
    receivedAt: request.receivedAt.toISOString(),
    replyDue: request.replyDue.toISOString(),
    replies: request.replies.map((r) => ({ outcome: r.outcome, text: r.text, at: r.at.toISOString() })),
    rating: request.rating?.value ?? null,
    ratingDue: iso(request.ratingDue),
    closedAt: iso(request.closedAt),
    mergedInto: request.mergedInto ?? null,
  };
}

/** The citizen's view: the whole history except the departments' internal notes. */
export function presentForCitizen(request: HotlineRequestDoc) {
  return {
    ...common(request),
    history: request.history
      .filter((h) => !h.internal)
      .map((h) => ({ action: h.action, at: h.at.toISOString(), by: h.by?.kind ?? 'system', note: citizenNote(h.action, h.note) })),
  };
}

// Dispatch notes name departments, return reasons are between the center and departments.
const citizenNote = (action: string, note: string) => (['returned', 'extension_requested'].includes(action) ? '' : note);

/** A handling department's or the center's view. */
export function presentForStaff(request: HotlineRequestDoc) {
  return {
    ...common(request),
    channel: request.channel,
    anonymous: request.anonymous,
    contactAllowed: request.contactAllowed,
    department: request.department ?? null,
    coHandlers: request.coHandlers,
    signDue: iso(request.signDue),
    signedAt: iso(request.signedAt),
    contactDue: request.contactDue.toISOString(),
    contactedAt: iso(request.contactedAt),
    originalReplyDue: request.originalReplyDue.toISOString(),
    extension: { status: request.extension?.status ?? 'none', reason: request.extension?.reason ?? '', days: request.extension?.days ?? 0 },
    returns: request.returns,
    reopened: request.reopened,
    contact: contactForDepartment(request),
    history: request.history.map((h) => ({ action: h.action, at: h.at.toISOString(), by: h.by?.kind ?? 'system', note: h.note, internal: h.internal })),
  };
}

export function presentCategory(category: HotlineCategory) {
  return {
    code: category.code,
    name: category.name,
    parent: category.parent ?? null,
    department: category.department ?? null,
    contactDays: category.contactDays ?? null,
    replyDays: category.replyDays ?? null,
    signHours: category.signHours ?? null,
    active: category.active,
    sortOrder: category.sortOrder,
  };
}
