// Oversight for center admins: the audit log (read-only: there is no route that changes it)
// and access to a citizen's data, which always states a purpose and is itself audited.
import Router from '@koa/router';
import mongoose from 'mongoose';
import { z } from 'zod';
import { AuditLogModel } from '../../models/audit-log.ts';
import { notFound } from '../../server/errors.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { PageQuery, pageSchema, findPage } from '../../server/pagination.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { recordAudit } from '../../services/audit/record.ts';
import { readOwnProfile } from '../../services/citizens/profile.ts';
import { ProfileOut } from '../me/schema.ts';
import { AuditEntryOut, presentAuditEntry } from './oversight-schema.ts';

export const oversightRouter = new Router<AppState>({ prefix: '/api/v1/admin' });

defineRoute(
  oversightRouter,
  {
    method: 'get',
    path: '/audit-logs',
    summary: '审计日志（只读）',
    tags: ['管理：审计'],
    access: 'center_admin',
    query: PageQuery.extend({ entity: z.string().trim().max(40).optional(), entityId: z.string().trim().max(80).optional() }),
    response: pageSchema(AuditEntryOut),
  },
  async (ctx, { query }) => {
    const filter: Record<string, string> = {};
    if (query.entity) filter.entity = query.entity;
    if (query.entityId) filter.entityId = query.entityId;
    const found = await findPage<Parameters<typeof presentAuditEntry>[0]>(AuditLogModel, filter, { at: -1, _id: -1 }, query);
    ctx.body = { ...found, items: found.items.map(presentAuditEntry) };
  },
);

defineRoute(
  oversightRouter,
  {
    method: 'get',
    path: '/citizens/:id',
    summary: '查看市民信息（须说明用途，留痕；证件号与手机号仍脱敏）',
    tags: ['管理：审计'],
    access: 'center_admin',
    params: z.object({ id: z.string().refine((v) => mongoose.isValidObjectId(v), '编号格式不正确') }),
    query: z.object({ purpose: z.string().trim().min(4, '请说明查看用途').max(200) }),
    response: ProfileOut,
  },
  async (ctx, { params, query }) => {
    const profile = await readOwnProfile(params.id).catch(() => {
      throw notFound('市民');
    });
    await recordAudit({
      actor: staffOf(ctx),
      action: 'view_pii',
      entity: 'citizen',
      entityId: params.id,
      purpose: query.purpose,
      requestId: ctx.state.requestId,
    });
    ctx.body = profile;
  },
);
