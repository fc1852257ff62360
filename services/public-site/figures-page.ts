// 数据公开: the published figures as numbers and inline SVG charts. The page is a list of
// sections; richer figures (per department, item and window, waits, 好差评 rectification from
// services/figures/) slot in as more FigureSection entries of `figureSections` without
// touching the layout.
import type { PublishedStats } from '../publishing/figures.ts';
import { addDays } from '../calendar/zoned-time.ts';
import { dailyChart, rateChart } from './charts.ts';
import type { ListedCase } from './cases.ts';
import { html, type Html } from './html.ts';

/** One block of the figures page: a heading (h2) and its content. */
export interface FigureSection {
  id: string;
  title: string;
  content: Html;
}

export interface FigureSources {
  stats: PublishedStats | null;
  /** The listed cases of the window (masked), for the daily counts. */
  cases: readonly ListedCase[];
  today: string;
}

export const percent = (value: number | null) => (value === null ? '暂无数据' : `${(value * 100).toFixed(1)}%`);

/** The headline numbers as cards. */
export function headlineCards(stats: PublishedStats): Html {
  const cards = [
    ['受理办件', `${stats.casesAccepted}`, '件'],
    ['办结办件', `${stats.casesCompleted}`, '件'],
    ['按时办结率', percent(stats.onTimeRate), ''],
    ['“最多跑一次”率', percent(stats.oneVisitRate), ''],
    ['网上预约', `${stats.bookings}`, '人次'],
    ['满意率', percent(stats.satisfaction.satisfiedRate), ''],
  ];
  return html`<ul class="cards">
    ${cards.map(
      ([label, value, unit]) =>
        html`<li class="card">
          <span class="card-label">${label}</span><span class="card-value">${value}<small>${unit}</small></span>
        </li>`,
    )}
  </ul>`;
}

/** Accepted and completed cases per day of the window, from the listed rows. */
function dailyCounts(cases: readonly ListedCase[], from: string, to: string) {
  const days = new Map<string, [number, number]>();
  for (let day = from; day <= to; day = addDays(day, 1)) days.set(day, [0, 0]);
  for (const row of cases) {
    const accepted = days.get(row.acceptedDate);
    if (accepted) accepted[0] += 1;
    const completed = row.completedDate ? days.get(row.completedDate) : undefined;
    if (completed) completed[1] += 1;
  }
  return [...days].map(([date, values]) => ({ date, values }));
}

export function dataTable(caption: string, headers: string[], rows: (string | number)[][]): Html {
  return html`<details class="data">
    <summary>查看数据表：${caption}</summary>
    <div class="table-scroll">
      <table>
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            ${headers.map((h) => html`<th scope="col">${h}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([first, ...rest]) =>
              html`<tr>
                <th scope="row">${first}</th>
                ${rest.map((cell) => html`<td>${cell}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

/**
 * The sections of today's published figures, then `more` (the richer published figures of
 * services/figures/ — per department, item, window, waits — once they exist).
 */
export function figureSections({ stats, cases, today }: FigureSources, more: FigureSection[] = []): FigureSection[] {
  return [...baseSections({ stats, cases, today }), ...more];
}

function baseSections({ stats, cases, today }: FigureSources): FigureSection[] {
  if (!stats) return [{ id: 'none', title: '数据尚未发布', content: html`<p>统计数据每分钟更新，请稍后再来查看。</p>` }];
  const rates = [
    { label: '按时办结率', value: stats.onTimeRate },
    { label: '最多跑一次率', value: stats.oneVisitRate },
    { label: '好差评满意率', value: stats.satisfaction.satisfiedRate },
  ];
  const daily = dailyCounts(cases, stats.from, stats.to < today ? stats.to : today);
  return [
    { id: 'headline', title: `${stats.from} 至 ${stats.to}`, content: headlineCards(stats) },
    {
      id: 'rates',
      title: '办件质量',
      content: html`${rateChart('rates', '办件质量（按时办结、最多跑一次、满意率）', rates)}
        ${dataTable(
          '办件质量',
          ['指标', '比率'],
          rates.map((r) => [r.label, percent(r.value)]),
        )}
        <p class="note">
          “最多跑一次”率：办结的办件中到现场不超过一次的比例。满意率：好差评中“基本满意”及以上的比例（共 ${stats.satisfaction.evaluations}
          条评价${stats.satisfaction.averageScore === null ? '' : `，平均 ${stats.satisfaction.averageScore} 分`}）。
        </p>`,
    },
    {
      id: 'daily',
      title: '每日受理与办结',
      content: html`${dailyChart(
        'daily',
        '每日受理与办结件数',
        [
          { name: '受理', className: 'series-1' },
          { name: '办结', className: 'series-2' },
        ],
        daily,
      )}
      ${dataTable(
        '每日受理与办结件数',
        ['日期', '受理', '办结'],
        daily.map((d) => [d.date, d.values[0] ?? 0, d.values[1] ?? 0]),
      )}`,
    },
  ];
}

/** The body of the figures page. */
export function figuresBody(sections: FigureSection[]): Html {
  return html`<h1>数据公开</h1>
    <p class="lead">本中心近期办件统计，由办件公示数据汇总，每分钟更新。</p>
    ${sections.map(
      (section) =>
        html`<section class="figure-section" aria-labelledby="fig-${section.id}">
          <h2 id="fig-${section.id}">${section.title}</h2>
          ${section.content}
        </section>`,
    )}`;
}

/** Cases listed today (their listing day, pubDate: completion, else acceptance), newest first (for the home page). */
export const listedToday = (cases: readonly ListedCase[], today: string) => cases.filter((row) => row.pubDate === today);
