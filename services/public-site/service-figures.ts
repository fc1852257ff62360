// The richer sections of 数据公开: the center's service figures month by month and each
// department's (services/figures/, waits and 最多跑一次 included), and the 12345 hotline's monthly
// figures per department (services/hotline/figures.ts). Aggregates only: nothing names a person.
import type { HotlineMonthly } from '../../models/hotline-monthly.ts';
import type { publicFigures } from '../figures/read.ts';
import { presentFigures } from '../hotline/figures.ts';
import { rateChart } from './charts.ts';
import { dataTable, percent, type FigureSection } from './figures-page.ts';
import { html } from './html.ts';

type PublicFigures = Awaited<ReturnType<typeof publicFigures>>;
type Names = ReadonlyMap<string, { name: string }>;

const minutes = (value: number | null) => (value === null ? '暂无数据' : `${value} 分钟`);

/** The first day of the month `back` months before `date`'s (YYYY-MM-DD → YYYY-MM-01). */
export function monthStartBefore(date: string, back: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The sections built from the service figures of the last months and this month's hotline rows. */
export function serviceSections(figures: PublicFigures, hotline: readonly HotlineMonthly[], departments: Names): FigureSection[] {
  const { total } = figures.center;
  const rates = [
    { label: '按时办结率', value: total.cases.onTimeRate },
    { label: '“最多跑一次”率', value: total.cases.oneVisitRate },
    { label: '好差评满意率', value: total.ratings.satisfactionRate },
    { label: '差评按时整改率', value: total.ratings.rectifiedOnTimeRate },
  ];
  const nameOf = (code: string) => departments.get(code)?.name ?? code;
  const sections: FigureSection[] = [
    {
      id: 'service',
      title: `服务效率（${figures.from} 至 ${figures.to}）`,
      content: html`${rateChart('service-rates', '办件质量（按月汇总）', rates)}
        ${dataTable(
          '各月服务数据',
          ['月份', '预约', '签到', '爽约', '现场取号', '平均等候', '90% 等候不超过', '平均办理', '办结', '“最多跑一次”率', '满意率'],
          figures.center.periods.map((p) => [
            p.key,
            p.bookings,
            p.checkIns,
            p.noShows,
            p.walkIns,
            minutes(p.wait.averageMinutes),
            minutes(p.wait.p90Minutes),
            minutes(p.handling.averageMinutes),
            p.cases.completed,
            percent(p.cases.oneVisitRate),
            percent(p.ratings.satisfactionRate),
          ]),
        )}
        <p class="note">等候：取号到叫号；办理：叫号到办结。“最多跑一次”率：办结的办件中到现场不超过一次的比例。</p>`,
    },
    {
      id: 'departments',
      title: '各部门',
      content: dataTable(
        '各部门服务数据',
        ['部门', '受理', '办结', '按时办结率', '“最多跑一次”率', '平均等候', '满意率'],
        figures.departments.map((d) => [
          nameOf(d.code),
          d.total.cases.accepted,
          d.total.cases.completed,
          percent(d.total.cases.onTimeRate),
          percent(d.total.cases.oneVisitRate),
          minutes(d.total.wait.averageMinutes),
          percent(d.total.ratings.satisfactionRate),
        ]),
      ),
    },
  ];
  if (hotline.length) {
    const rows = hotline.map((row) => presentFigures(row));
    sections.push({
      id: 'hotline',
      title: `12345 热线（${rows[0]!.month}）`,
      content: html`${dataTable(
          '12345 热线各部门诉求办理',
          ['部门', '受理', '按时签收', '按时联系', '按时答复', '答复率', '满意率', '退单', '延期', '重办'],
          rows.map((r) => [
            nameOf(r.department),
            r.received,
            r.signedOnTime,
            r.contactedOnTime,
            r.repliedOnTime,
            percent(r.replyRate),
            percent(r.satisfactionRate),
            r.returned,
            r.extended,
            r.reopened,
          ]),
        )}
        <p class="note">满意率：满意与基本满意占已评价诉求的比例。举报类诉求不公开。</p>`,
    });
  }
  return sections;
}
