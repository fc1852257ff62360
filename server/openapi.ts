// The OpenAPI registry every route registers into (server/route.ts), and the document built from it.
import { OpenAPIRegistry, OpenApiGeneratorV31, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export const registry = new OpenAPIRegistry();

registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
registry.registerComponent('securitySchemes', 'screenToken', {
  type: 'apiKey',
  in: 'header',
  name: 'X-Screen-Token',
  description: '大屏设备令牌（管理员登记设备时显示一次）',
});
registry.registerComponent('securitySchemes', 'screenTokenQuery', {
  type: 'apiKey',
  in: 'query',
  name: 'token',
  description: '同 X-Screen-Token，供大屏页面从地址栏传入',
});
registry.registerComponent('parameters', 'RequestId', {
  name: 'X-Request-Id',
  in: 'header',
  required: false,
  schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{8,64}$' },
  description: '请求编号，用于排查问题；不合规时由服务器生成。每个响应都带 X-Request-Id。',
});

/** The error envelope every 4xx/5xx answer uses. */
export const ErrorEnvelope = registry.register(
  'Error',
  z.object({
    error: z.object({
      code: z.string().meta({ example: 'SLOT_FULL' }),
      message: z.string().meta({ example: '该时段已约满' }),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
);

/** What WeChat Pay expects from its callbacks when they fail (routes with errorForm 'wechatpay'). */
export const WechatPayFail = registry.register('WechatPayFail', z.object({ code: z.literal('FAIL'), message: z.string().meta({ example: '签名验证失败' }) }));

/** GeoReport v2's error array (routes with errorForm 'open311'): `[{code: <HTTP status>, description}]`. */
export const GeoReportErrors = registry.register(
  'GeoReportErrors',
  z.array(z.object({ code: z.number().int().meta({ example: 403 }), description: z.string().meta({ example: 'api_key 无效' }) })).min(1),
);

/** The error schema of a route's error form. */
export const errorSchemaOf = (form: 'envelope' | 'wechatpay' | 'open311' | undefined) =>
  form === 'wechatpay' ? WechatPayFail : form === 'open311' ? GeoReportErrors : ErrorEnvelope;

/** A refusal's body in a route's error form. */
export function errorBodyOf(
  form: 'envelope' | 'wechatpay' | 'open311',
  status: number,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): unknown {
  if (form === 'wechatpay') return { code: 'FAIL', message };
  if (form === 'open311') {
    // GeoReport has no field details: the offending fields go into the description.
    const fields = details?.fields && typeof details.fields === 'object' ? Object.entries(details.fields) : [];
    const detail = fields.map(([field, problem]) => `${field.replace(/^(body|query|params)\./, '')}：${String(problem)}`).join('；');
    return [{ code: status, description: detail ? `${message}（${detail}）` : message }];
  }
  return { error: { code, message, ...(details ? { details } : {}) } };
}

let cached: object | undefined;

/** Builds (once) the OpenAPI 3.1 document of every registered route. */
export function openApiDocument(): object {
  cached ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'OneTrip API',
      version: '1.0.0',
      description: '政务服务中心“最多跑一次”后端接口：事项清单、预约、网上预审、办件、好差评、缴费、大屏与公示。',
    },
    servers: [{ url: '/' }],
  });
  return cached;
}
