// Request and answer schemas of /api/v1/admin/webhooks.
import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../models/webhook.ts';

export const WebhookParams = z.object({ id: z.string().regex(/^[0-9a-fA-F]{24}$/, '编号格式不正确') });

const url = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const parsed = new URL(value);
      return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password;
    } catch {
      return false;
    }
  }, '请填写以 http:// 或 https:// 开头的推送地址（不含用户名和密码）');
const events = z
  .array(z.enum(WEBHOOK_EVENTS, '不支持的事件类型'))
  .min(1, '请至少选择一个事件')
  .max(WEBHOOK_EVENTS.length * 2);
const description = z.string().trim().max(200);

export const WebhookInput = z.strictObject({ url, events, description: description.optional(), active: z.boolean().optional() }).meta({
  example: {
    url: 'https://zwfw.example.gov.cn/onetrip/webhook',
    events: ['application.status_changed', 'evaluation.created'],
    description: '市一体化政务服务平台',
  },
});
export const WebhookPatch = z
  .strictObject({ url, events, description, active: z.boolean() })
  .partial()
  .meta({ example: { events: ['application.status_changed', 'evaluation.created', 'hotline.replied'], active: true } });

export const WebhookOut = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const WebhookWithSecret = WebhookOut.extend({
  secret: z.string().describe('签名密钥，仅在创建或重置时显示一次；HMAC-SHA256(secret, t + "." + body)'),
});

export const DeliveryOut = z.object({
  id: z.string(),
  eventId: z.string().describe('事件编号（X-OneTrip-Event-Id），重试时不变，接收方据此去重'),
  event: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable().describe('下次重试时间（待发送时）'),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  payload: z.record(z.string(), z.unknown()).describe('推送的事件内容 {id, type, createdAt, data}'),
  log: z.array(z.object({ at: z.string(), httpStatus: z.number().int().nullable(), error: z.string().nullable(), durationMs: z.number().int().nullable() })),
});
