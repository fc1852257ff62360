// The figures as a workbook: one sheet per breakdown (中心, 部门, 事项, 窗口), one row per
// scope and period, Chinese headers, percentages and minutes formatted.
import type ExcelJS from 'exceljs';
import type { StaffPrincipal } from '../../server/auth/principal.ts';
import { DepartmentModel } from '../../models/department.ts';
import { ItemModel } from '../../models/item.ts';
import { WindowModel } from '../../models/window.ts';
import { readableCodes } from './access.ts';
import type { ScopeKind } from './compute.ts';
import { figuresByKind, type FiguresQuery } from './read.ts';
import type { Figures } from './tally.ts';
import { addSheet, DECIMAL, INTEGER, loadExcel, PERCENT, type Column } from './xlsx.ts';

const COLUMNS: Column[] = [
  { header: '编码', key: 'code', width: 14 },
  { header: '名称', key: 'name', width: 30 },
  { header: '期间', key: 'key', width: 12 },
  { header: '开始日期', key: 'from', width: 12 },
  { header: '结束日期', key: 'to', width: 12 },
  { header: '预约数', key: 'bookings', numFmt: INTEGER },
  { header: '签到数', key: 'checkIns', numFmt: INTEGER },
  { header: '爽约数', key: 'noShows', numFmt: INTEGER },
  { header: '现场取号数', key: 'walkIns', numFmt: INTEGER },
  { header: '平均等候（分钟）', key: 'waitAverage', numFmt: DECIMAL },
  { header: '等候90%分位（分钟）', key: 'waitP90', numFmt: INTEGER },
  { header: '平均办理（分钟）', key: 'handlingAverage', numFmt: DECIMAL },
  { header: '办理90%分位（分钟）', key: 'handlingP90', numFmt: INTEGER },
  { header: '受理件数', key: 'accepted', numFmt: INTEGER },
  { header: '办结件数', key: 'completed', numFmt: INTEGER },
  { header: '按时办结件数', key: 'completedOnTime', numFmt: INTEGER },
  { header: '按时办结率', key: 'onTimeRate', numFmt: PERCENT },
  { header: '一次办结率（最多跑一次）', key: 'oneVisitRate', numFmt: PERCENT },
  { header: '评价数', key: 'ratings', numFmt: INTEGER },
  { header: '平均分', key: 'averageScore', numFmt: '0.00' },
  { header: '满意率', key: 'satisfactionRate', numFmt: PERCENT },
  { header: '差评数', key: 'bad', numFmt: INTEGER },
  { header: '整改数', key: 'rectified', numFmt: INTEGER },
  { header: '按时整改数', key: 'rectifiedOnTime', numFmt: INTEGER },
];

const SHEETS: [ScopeKind, string][] = [
  ['center', '中心'],
  ['department', '部门'],
  ['item', '事项'],
  ['window', '窗口'],
];

/** One row of a sheet: a scope's period. */
function rowOf(code: string, name: string, period: Figures & { key: string; from: string; to: string }) {
  return {
    code,
    name,
    key: period.key,
    from: period.from,
    to: period.to,
    bookings: period.bookings,
    checkIns: period.checkIns,
    noShows: period.noShows,
    walkIns: period.walkIns,
    waitAverage: period.wait.averageMinutes,
    waitP90: period.wait.p90Minutes,
    handlingAverage: period.handling.averageMinutes,
    handlingP90: period.handling.p90Minutes,
    accepted: period.cases.accepted,
    completed: period.cases.completed,
    completedOnTime: period.cases.completedOnTime,
    onTimeRate: period.cases.onTimeRate,
    oneVisitRate: period.cases.oneVisitRate,
    ratings: period.ratings.count,
    averageScore: period.ratings.averageScore,
    satisfactionRate: period.ratings.satisfactionRate,
    bad: period.ratings.bad,
    rectified: period.ratings.rectified,
    rectifiedOnTime: period.ratings.rectifiedOnTime,
  };
}

async function namesOf(kind: ScopeKind): Promise<Map<string, string>> {
  if (kind === 'center') return new Map([['', '全中心']]);
  const model = kind === 'department' ? DepartmentModel : kind === 'item' ? ItemModel : WindowModel;
  const rows: { code: string; name: string }[] = await (model as typeof DepartmentModel).find({}, 'code name').lean();
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** The workbook of the figures the admin may read (a department admin: no center sheet). */
export async function figuresWorkbook(actor: StaffPrincipal, query: FiguresQuery): Promise<ExcelJS.Workbook> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'OneTrip';
  for (const [kind, title] of SHEETS) {
    const codes = await readableCodes(actor, kind);
    if (codes && codes.length === 0) continue;
    const sheet = addSheet(workbook, title, COLUMNS);
    const names = await namesOf(kind);
    for (const scope of await figuresByKind({ ...query, kind, codes })) {
      for (const period of scope.periods) sheet.addRow(rowOf(scope.code, names.get(scope.code) ?? scope.code, period));
    }
  }
  return workbook;
}
