// Request and response schemas of the 12345 hotline (citizens, staff, admins).
import { z } from 'zod';
import { HOTLINE_STATUSES, HOTLINE_TYPES, RATINGS, REPLY_OUTCOMES } from '../../models/hotline-request.ts';
import { PageQuery } from '../../server/pagination.ts';

const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, '编码只能包含字母、数字、下划线和连字符');
export const RequestParams = z.object({ id: z.string().trim().min(1).max(64) });
export const CategoryParams = z.object({ code: Code });

const Location = z.strictObject({
  address: z.string().trim().max(200).default(''),
  lat: z.number().min(-90).max(90).nullable().default(null),
  long: z.number().min(-180).max(180).nullable().default(null),
});
const RequestFields = {
  type: z.enum(HOTLINE_TYPES),
  category: Code,
  text: z.string().trim().min(5, '诉求内容至少5个字').max(2000),
  location: Location.optional(),
  contactAllowed: z.boolean().default(true),
  anonymous: z.boolean().default(false),
};
export const SubmitBody = z.object(RequestFields).meta({
  example: {
    type: '投诉',
    category: 'CXJS-WYGL',
    text: '小区电梯停运三天，物业不予维修',
    location: { address: '城关镇幸福小区3幢', lat: 30.27, long: 120.15 },
    contactAllowed: true,
  },
});
export const CallBody = z
  .strictObject({
    ...RequestFields,
    callerPhone: z.string().regex(/^1\d{10}$|^0\d{9,11}$/, '来电号码格式不正确'),
    callerName: z.string().trim().min(1).max(40).optional(),
  })
  .meta({ example: { type: '求助', category: 'SHBZ-SBJF', text: '社保缴费页面一直提示失败，请帮忙处理', callerPhone: '13800138000', callerName: '李四' } });
export const PhotoBody = z.object({ file: z.any().optional().openapi({ type: 'string', format: 'binary' }) }).meta({ example: { file: '(JPG 或 PNG 照片)' } });
export const RatingBody = z.object({ rating: z.enum(RATINGS) }).meta({ example: { rating: '满意' } });
export const CallbackBody = z.strictObject({ rating: z.enum(RATINGS) }).meta({ example: { rating: '基本满意' } });
export const DispatchBody = z
  .strictObject({ department: Code.optional(), coHandlers: z.array(Code).max(5).optional() })
  .meta({ example: { department: 'ZJ', coHandlers: ['SCJG'] } });
const Reason = z.string().trim().min(2, '请填写原因').max(500);
export const ReturnBody = z.strictObject({ reason: Reason }).meta({ example: { reason: '不属于本部门职责，应由街道办理' } });
export const NoteBody = z.strictObject({ text: z.string().trim().min(1).max(1000) }).meta({ example: { text: '已联系物业公司负责人' } });
export const ContactBody = z.strictObject({ note: z.string().trim().max(500).default('') }).meta({ example: { note: '电话联系市民，约定明日上门' } });
export const ExtensionBody = z.strictObject({ reason: Reason, days: z.number().int().min(1).max(10) }).meta({ example: { reason: '需协调供电部门', days: 3 } });
export const ExtensionDecisionBody = z
  .strictObject({ approve: z.boolean(), note: z.string().trim().max(500).default('') })
  .meta({ example: { approve: true, note: '同意延期' } });
export const ReplyBody = z
  .strictObject({ outcome: z.enum(REPLY_OUTCOMES), text: z.string().trim().min(5, '答复内容至少5个字').max(2000) })
  .meta({ example: { outcome: '已解决', text: '经协调，物业已于今日恢复电梯运行' } });
export const MergeBody = z.strictObject({ into: z.string().trim().min(1).max(64) }).meta({ example: { into: '12345-20261201-000001' } });
export const RevealQuery = z.strictObject({ purpose: z.string().trim().min(2, '请说明查看目的').max(200) });
export const StaffListQuery = PageQuery.extend({ status: z.enum(HOTLINE_STATUSES, { error: '不是有效的诉求状态' }).optional() });

export const CategoryBody = z
  .strictObject({
    code: Code,
    name: z.string().trim().min(1).max(40),
    parent: Code.nullable().default(null),
    department: Code.nullable().default(null),
    contactDays: z.number().int().min(0).max(30).nullable().default(null),
    replyDays: z.number().int().min(0).max(60).nullable().default(null),
    signHours: z.number().min(0.5).max(48).nullable().default(null),
    active: z.boolean().default(true),
    sortOrder: z.number().int().min(0).max(10_000).default(0),
  })
  .meta({ example: { code: 'CXJS-WYGL', name: '物业管理', parent: 'CXJS', department: 'ZJ', replyDays: 5 } });
export const CategoryPatch = z
  .strictObject({
    name: z.string().trim().min(1).max(40).optional(),
    parent: Code.nullable().optional(),
    department: Code.nullable().optional(),
    contactDays: z.number().int().min(0).max(30).nullable().optional(),
    replyDays: z.number().int().min(0).max(60).nullable().optional(),
    signHours: z.number().min(0.5).max(48).nullable().optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .meta({ example: { department: 'ZJ', signHours: 2 } });
export const PartnerBody = z.strictObject({ name: z.string().trim().min(2).max(60) }).meta({ example: { name: '市民随手拍平台' } });
export const MonthQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
    .optional(),
});

const Instant = z.string();
export const CategoryOut = z.object({
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  department: z.string().nullable(),
  contactDays: z.number().nullable(),
  replyDays: z.number().nullable(),
  signHours: z.number().nullable(),
  active: z.boolean(),
  sortOrder: z.number(),
});
const ReplyOut = z.object({ outcome: z.enum(REPLY_OUTCOMES), text: z.string(), at: Instant });
const HistoryOut = z.object({ action: z.string(), at: Instant, by: z.string(), note: z.string() });
export const CitizenRequestOut = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(HOTLINE_TYPES),
  category: z.string(),
  text: z.string(),
  location: z.object({ address: z.string(), lat: z.number().nullable(), long: z.number().nullable() }),
  photos: z.number().int(),
  status: z.enum(HOTLINE_STATUSES),
  receivedAt: Instant,
  replyDue: Instant,
  replies: z.array(ReplyOut),
  rating: z.enum(RATINGS).nullable(),
  ratingDue: Instant.nullable(),
  closedAt: Instant.nullable(),
  mergedInto: z.string().nullable(),
  history: z.array(HistoryOut),
});
export const StaffRequestOut = CitizenRequestOut.extend({
  channel: z.string(),
  anonymous: z.boolean(),
  contactAllowed: z.boolean(),
  department: z.string().nullable(),
  coHandlers: z.array(z.string()),
  signDue: Instant.nullable(),
  signedAt: Instant.nullable(),
  contactDue: Instant,
  contactedAt: Instant.nullable(),
  originalReplyDue: Instant,
  extension: z.object({ status: z.string(), reason: z.string(), days: z.number() }),
  returns: z.number().int(),
  reopened: z.boolean(),
  contact: z.object({ name: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  history: z.array(HistoryOut.extend({ internal: z.boolean() })),
});
export const ReporterOut = z.object({ name: z.string().nullable(), phone: z.string().nullable(), citizenId: z.string().nullable(), anonymous: z.boolean() });
export const PartnerOut = z.object({ id: z.string(), name: z.string(), apiKey: z.string() });
export const FiguresRow = z.object({
  month: z.string(),
  department: z.string(),
  received: z.number().int(),
  signedOnTime: z.number().int(),
  contactedOnTime: z.number().int(),
  repliedOnTime: z.number().int(),
  replied: z.number().int(),
  replyRate: z.number(),
  rated: z.number().int(),
  satisfied: z.number().int(),
  satisfactionRate: z.number().nullable(),
  returned: z.number().int(),
  extended: z.number().int(),
  reopened: z.number().int(),
});
export const FiguresOut = z.object({ month: z.string(), computedAt: Instant.nullable(), departments: z.array(FiguresRow) });
