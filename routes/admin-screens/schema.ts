// Request and answer schemas of /api/v1/admin/screens and /api/v1/admin/announcements.
import { z } from 'zod';

const code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '只能包含字母、数字、下划线和连字符');
export const DeviceParams = z.object({ code });
const speech = z.boolean().describe('叫号时播放提示音并语音播报（默认开启）');
export const DeviceInput = z
  .strictObject({ code, name: z.string().trim().min(1).max(64), hallCode: z.string().trim().min(1).max(64), speech: speech.optional() })
  .meta({ example: { code: 'HALL1-SCREEN-2', name: '一楼大厅东侧大屏', hallCode: 'HALL1' } });
export const DevicePatch = z
  .strictObject({ name: z.string().trim().min(1).max(64), hallCode: z.string().trim().min(1).max(64), speech, active: z.boolean() })
  .partial()
  .meta({ example: { name: '一楼大厅西侧大屏', speech: false } });
export const DeviceOut = z.object({ code: z.string(), name: z.string(), hallCode: z.string(), speech: z.boolean(), active: z.boolean() });
export const DeviceWithToken = DeviceOut.extend({ token: z.string().describe('设备令牌，仅在创建或重置时显示一次') });

export const AnnouncementParams = z.object({ id: z.string().regex(/^[0-9a-fA-F]{24}$/, '编号格式不正确') });
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const AnnouncementFields = z.strictObject({
  hallCode: z.string().trim().min(1).max(64).nullable().default(null).describe('null = 所有大厅'),
  text: z.string().trim().min(1).max(500),
  startsAt: instant.nullable().optional(),
  endsAt: instant.nullable().optional(),
  active: z.boolean().default(true),
  sortOrder: z.number().int().default(0),
});
export const AnnouncementInput = AnnouncementFields.meta({
  example: {
    hallCode: 'HALL1',
    text: '五一假期（5月1日至5日）大厅暂停办公，5月6日起正常办理。',
    startsAt: '2026-04-25T08:00:00+08:00',
    endsAt: '2026-05-06T00:00:00+08:00',
    active: true,
    sortOrder: 10,
  },
});
export const AnnouncementPatch = AnnouncementFields.partial().meta({ example: { text: '不动产登记窗口今日延时服务至18:00。', sortOrder: 5 } });
export const AnnouncementOut = z.object({
  id: z.string(),
  hallCode: z.string().nullable(),
  text: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
