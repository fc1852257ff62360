// /api/v1/admin/holidays: local closures, extra working days and confirmed years. Center admins
// change them; department admins read them. The list carries the warnings for years without data.
import Router from '@koa/router';
import { CalendarDayModel, CalendarYearModel, type CalendarDay } from '../../models/calendar-day.ts';
import { staffOf } from '../../server/middleware/authenticate.ts';
import { findPage } from '../../server/pagination.ts';
import { defineRoute, type RouteContext } from '../../server/route.ts';
import type { AppState } from '../../server/state.ts';
import { confirmYear, createCalendarDay, deleteCalendarDay, updateCalendarDay, withdrawYear } from '../../services/calendar/admin.ts';
import { currentCalendarWarnings } from '../../services/calendar/store.ts';
import { officialCalendar } from '../../services/calendar/working-days.ts';
import { importYear } from '../../services/calendar/import.ts';
import {
  ConfirmYearBody,
  DateParams,
  DayChangeOut,
  DayRemovedOut,
  HolidayInput,
  HolidayListOut,
  HolidayListQuery,
  HolidayPatch,
  YearConfirmedOut,
  YearImportBody,
  YearImportResult,
  YearParams,
} from './booking-schema.ts';

export const adminHolidaysRouter = new Router<AppState>({ prefix: '/api/v1/admin' });
const tags = ['管理：工作日历'];
const actorOf = (ctx: RouteContext) => ({ actor: staffOf(ctx), requestId: ctx.state.requestId });
const officialYears = [...officialCalendar().years].sort();

defineRoute(
  adminHolidaysRouter,
  {
    method: 'get',
    path: '/holidays',
    summary: '工作日历：本地放假与补班、已确认年度、官方数据覆盖年度与提醒',
    tags,
    access: 'admin',
    query: HolidayListQuery,
    response: HolidayListOut,
  },
  async (ctx, { query }) => {
    const filter = query.year ? { date: { $gte: `${query.year}-01-01`, $lte: `${query.year}-12-31` } } : {};
    const [days, years, warnings] = await Promise.all([
      findPage<CalendarDay>(CalendarDayModel, filter, { date: 1 }, query),
      CalendarYearModel.find({}).sort({ year: 1 }).limit(200).lean(),
      currentCalendarWarnings(ctx.state.now),
    ]);
    ctx.body = {
      ...days,
      items: days.items.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
      officialYears,
      confirmedYears: years.map((y) => ({ year: y.year, confirmedBy: y.confirmedBy, confirmedAt: y.confirmedAt.toISOString(), note: y.note })),
      warnings,
    };
  },
);

defineRoute(
  adminHolidaysRouter,
  {
    method: 'post',
    path: '/holidays',
    summary: '新增本地放假日或补班日',
    tags,
    access: 'center_admin',
    body: HolidayInput,
    response: DayChangeOut,
    status: 201,
    errors: { 409: 'CALENDAR_DAY_EXISTS' },
  },
  async (ctx, { body }) => {
    ctx.status = 201;
    ctx.body = await createCalendarDay(body, actorOf(ctx), ctx.state.now);
  },
);

defineRoute(
  adminHolidaysRouter,
  {
    method: 'put',
    path: '/holidays/:date',
    summary: '修改某日设置',
    tags,
    access: 'center_admin',
    params: DateParams,
    body: HolidayPatch,
    response: DayChangeOut,
  },
  async (ctx, { params, body }) => {
    ctx.body = await updateCalendarDay({ date: params.date, ...body }, actorOf(ctx), ctx.state.now);
  },
);

defineRoute(
  adminHolidaysRouter,
  {
    method: 'delete',
    path: '/holidays/:date',
    summary: '删除某日设置（恢复官方日历）',
    tags,
    access: 'center_admin',
    params: DateParams,
    response: DayRemovedOut,
  },
  async (ctx, { params }) => {
    ctx.body = await deleteCalendarDay(params.date, actorOf(ctx), ctx.state.now);
  },
);

defineRoute(
  adminHolidaysRouter,
  {
    method: 'post',
    path: '/holidays/years/:year/confirm',
    summary: '确认某年度日历（无官方数据的年度，录入节假日后确认方可开放预约）',
    tags,
    access: 'center_admin',
    params: YearParams,
    body: ConfirmYearBody,
    response: YearConfirmedOut,
  },
  async (ctx, { params, body }) => {
    ctx.body = await confirmYear(params.year, body.note, actorOf(ctx), ctx.state.now);
  },
);

defineRoute(
  adminHolidaysRouter,
  { method: 'delete', path: '/holidays/years/:year', summary: '撤销年度确认', tags, access: 'center_admin', params: YearParams, status: 204 },
  async (ctx, { params }) => {
    await withdrawYear(params.year, actorOf(ctx));
    ctx.status = 204;
  },
);

defineRoute(
  adminHolidaysRouter,
  {
    method: 'post',
    path: '/holidays/years/:year/import',
    summary: '导入某年度国务院放假安排（各节日放假日期或区间、调休上班日），替换该年度上次导入的内容、保留本地设置并确认该年度',
    tags,
    access: 'center_admin',
    params: YearParams,
    body: YearImportBody,
    response: YearImportResult,
  },
  async (ctx, { params, body }) => {
    ctx.body = await importYear({ year: params.year, ...body }, actorOf(ctx), ctx.state.now);
  },
);
