// GET /api/v1/screens/:hallCode: the lobby screen's poll, answered from memory with a strong
// ETag (If-None-Match → 304) and the server's time (X-Server-Time, on 304s too, so the
// screen's clock follows the server's and not the PC's). No database query per poll.
import Router from '@koa/router';
import { z } from 'zod';
import { forbidden, notFound } from '../../server/errors.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { screenAnswer } from '../../services/screens/answer.ts';

export const screensRouter = new Router<AppState>({ prefix: '/api/v1' });

const CallShown = z
  .object({
    ticketNo: z.string(),
    calledAt: z.string(),
    callCount: z.number().int().describe('第几次呼叫（重呼时递增）；增加时大屏再次播报'),
    announcedAt: z.string().describe('最近一次呼叫（含重呼）的时刻，ISO 8601'),
  })
  .nullable();
const SnapshotOut = z.object({
  hallCode: z.string(),
  date: z.string(),
  timeZone: z.string().describe('中心所在时区（IANA，如 Asia/Shanghai）：大屏时钟按此显示'),
  windows: z.array(z.object({ code: z.string(), name: z.string(), location: z.string(), current: CallShown, previous: CallShown })),
  waiting: z.array(z.object({ windowGroup: z.string(), windows: z.array(z.string()), count: z.number().int() })),
  today: z.object({ booked: z.number().int(), arrived: z.number().int(), served: z.number().int(), averageWaitMinutes: z.number().nullable() }),
  hotline: z
    .object({ month: z.string(), received: z.number().int(), satisfactionRate: z.number().nullable() })
    .describe('12345 热线本月（各部门合计）：受理件数、满意率（满意与基本满意占已评价）'),
  announcements: z.array(z.object({ id: z.string(), text: z.string() })),
  screen: z.object({ code: z.string(), speech: z.boolean().describe('本设备是否语音播报叫号') }).describe('发起请求的大屏设备的设置'),
});

defineRoute(
  screensRouter,
  {
    method: 'get',
    path: '/screens/:hallCode',
    summary: '大厅大屏数据（叫号、等候、当日统计、公告）',
    tags: ['大屏'],
    access: 'screen',
    params: z.object({ hallCode: z.string().min(1).max(64) }),
    response: SnapshotOut,
    headers: z.object({ 'If-None-Match': z.string().max(4096).optional().describe('上次响应的 ETag；未变化时答 304') }),
    responseHeaders: z.object({
      ETag: z.string().describe('快照版本（强 ETag，含本设备设置）'),
      'X-Server-Time': z.string().describe('服务器当前时刻（ISO 8601），304 时也发送；大屏时钟据此校准'),
    }),
    responses: { 304: { description: '未变化（If-None-Match 与 ETag 相同），无响应体' } },
    errors: { 404: 'NOT_FOUND（该大厅的数据尚未生成）' },
  },
  async (ctx, { params }) => {
    const principal = ctx.state.principal;
    if (principal?.kind !== 'screen' || principal.hallCode !== params.hallCode) throw forbidden('该设备不属于此大厅');
    const cached = ctx.state.caches.screens.snapshot(params.hallCode);
    if (!cached) throw notFound('该大厅的大屏数据'); // not built yet, or a hall without windows
    const snapshot = screenAnswer(cached, principal);
    ctx.set('X-Server-Time', ctx.state.now.toISOString());
    ctx.set('ETag', snapshot.etag);
    ctx.set('Cache-Control', 'no-cache');
    if (
      ctx
        .get('If-None-Match')
        .split(',')
        .some((tag) => tag.trim() === snapshot.etag)
    ) {
      ctx.status = 304;
      return;
    }
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = snapshot.body;
  },
);
