// Request and answer schemas of /api/v1/admin/screens and /api/v1/admin/announcements.
import { z } from 'zod';

const code = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, '只能包含字母、数字、下划线和连字符');
export const DeviceParams = z.object({ code });
export const DeviceInput = z.object({ code, name: z.string().trim().min(1).max(64), hallCode: z.string().trim().min(1).max(64) });
export const DevicePatch = z.object({ name: z.string().trim().min(1).max(64), hallCode: z.string().trim().min(1).max(64), active: z.boolean() }).partial();
export const DeviceOut = z.object({ code: z.string(), name: z.string(), hallCode: z.string(), active: z.boolean() });
export const DeviceWithToken = DeviceOut.extend({ token: z.string().describe('设备令牌，仅在创建或重置时显示一次') });

export const AnnouncementParams = z.object({ id: z.string().regex(/^[0-9a-f]{24}$/i, '编号格式不正确') });
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
export const AnnouncementInput = z.object({
  hallCode: z.string().trim().min(1).max(64).nullable().default(null).describe('null = 所有大厅'),
  text: z.string().trim().min(1).max(500),
  startsAt: instant.nullable().optional(),
  endsAt: instant.nullable().optional(),
  active: z.boolean().default(true),
  sortOrder: z.number().int().default(0),
});
export const AnnouncementPatch = AnnouncementInput.partial();
export const AnnouncementOut = z.object({
  id: z.string(), hallCode: z.string().nullable(), text: z.string(), startsAt: z.string().nullable(), endsAt: z.string().nullable(),
  active: z.boolean(), sortOrder: z.number().int(),
});
