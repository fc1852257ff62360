// /api/v1/admin/dashboard: what an admin should see first on signing in — warnings that need
// action (a year without holiday data closes booking for it) and the work waiting in scope.
import Router from '@koa/router';
import { z } from 'zod';
import { ApplicationModel } from '../../models/application.ts';
import { config } from '../../server/config.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { defineRoute } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { currentCalendarWarnings } from '../../services/calendar/store.ts';
import { zonedDate } from '../../services/calendar/zoned-time.ts';

export const adminDashboardRouter = new Router<AppState>({ prefix: '/api/v1/admin' });

export const CalendarWarningOut = z.object({ code: z.literal('CALENDAR_YEAR_MISSING'), year: z.number().int(), message: z.string() });
const DashboardOut = z.object({
  date: z.string(),
  warnings: z.array(CalendarWarningOut),
  applicationsAwaitingReview: z.number().int(),
});

defineRoute(
  adminDashboardRouter,
  {
    method: 'get',
    path: '/dashboard',
    summary: '管理首页：待处理提醒（如缺少年度节假日数据）与待审件数',
    tags: ['管理：首页'],
    access: 'admin',
    response: DashboardOut,
  },
  async (ctx) => {
    const staff = staffOf(ctx);
    const scope = staff.role === 'center_admin' ? {} : { department: staff.department };
    const [warnings, awaiting] = await Promise.all([
      currentCalendarWarnings(ctx.state.now),
      ApplicationModel.countDocuments({ ...scope, status: 'submitted' }),
    ]);
    ctx.body = { date: zonedDate(ctx.state.now, config.TZ_NAME), warnings, applicationsAwaitingReview: awaiting };
  },
);
