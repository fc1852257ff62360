// Screen devices never leave with their token hash; announcements with ISO instants.
export const presentDevice = (d: { _id: string; name: string; hallCode: string; speech?: boolean | null; active?: boolean | null }) => ({
  code: d._id,
  name: d.name,
  hallCode: d.hallCode,
  speech: d.speech !== false,
  active: d.active !== false,
});

export const presentAnnouncement = (a: {
  _id: unknown;
  hallCode?: string | null;
  text: string;
  startsAt?: Date | null;
  endsAt?: Date | null;
  active?: boolean | null;
  sortOrder?: number | null;
}) => ({
  id: String(a._id),
  hallCode: a.hallCode ?? null,
  text: a.text,
  startsAt: a.startsAt ? a.startsAt.toISOString() : null,
  endsAt: a.endsAt ? a.endsAt.toISOString() : null,
  active: a.active !== false,
  sortOrder: a.sortOrder ?? 0,
});
