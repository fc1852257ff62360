// The home page and the 办件公示 page of the public site.
import type { PublishedStats } from '../publishing/figures.ts';
import { caseSearchForm, caseTable, CASES_PER_PAGE, MIN_CASE_SEARCH, normaliseCaseNumber, pager, searchCases, type ListedCase } from './cases.ts';
import { headlineCards, listedToday } from './figures-page.ts';
import { html, type Html } from './html.ts';

/** The home page: the search, today's figures and today's cases. */
export function homeBody(stats: PublishedStats | null, cases: readonly ListedCase[], today: string): Html {
  const todays = listedToday(cases, today);
  return html`<h1>办件公示与服务数据</h1>
    <p class="lead">查询办件进度、查看本中心的办件统计和办事指南。</p>
    ${caseSearchForm('')}
    <section aria-labelledby="home-figures">
      <h2 id="home-figures">近期数据</h2>
      ${
        stats
          ? html`${headlineCards(stats)}
              <p><a href="/public/figures">查看图表和更多数据</a></p>`
          : html`<p>数据尚未发布。</p>`
      }
    </section>
    <section aria-labelledby="home-today">
      <h2 id="home-today">今日办件公示（${today}）</h2>
      ${caseTable(`今日受理和办结的办件（${todays.length} 件）`, todays.slice(0, CASES_PER_PAGE))}
      <p><a href="/public/progress">查看近期全部办件</a></p>
    </section>`;
}

export interface ProgressQuery {
  q: string;
  page: number;
}

/** 办件公示: the recent cases, or those matching a case number. */
export function progressBody(cases: readonly ListedCase[], query: ProgressQuery, windowFrom: string | null): Html {
  const q = normaliseCaseNumber(query.q);
  const tooShort = q.length > 0 && q.length < MIN_CASE_SEARCH;
  const shown = q && !tooShort ? searchCases(cases, q) : cases;
  const pages = Math.max(1, Math.ceil(shown.length / CASES_PER_PAGE));
  const page = Math.min(Math.max(1, query.page), pages);
  const rows = shown.slice((page - 1) * CASES_PER_PAGE, page * CASES_PER_PAGE);
  const caption =
    q && !tooShort ? `办件编号含“${q}”的办件（${shown.length} 件）` : `近期办件（${windowFrom ? `${windowFrom} 起，` : ''}共 ${shown.length} 件）`;
  const base = q && !tooShort ? `/public/progress?q=${encodeURIComponent(q)}` : '/public/progress';
  return html`<h1>办件公示</h1>
    <p class="lead">近期受理和办结的办件。申请人姓名已部分遮盖。</p>
    ${caseSearchForm(query.q)} ${tooShort ? html`<p class="notice" role="status">请输入至少${MIN_CASE_SEARCH}位办件编号。</p>` : ''}
    ${q && !tooShort && shown.length === 0 ? html`<p class="notice" role="status">没有找到办件编号含“${q}”的办件。公示期为近期，请核对编号，或拨打咨询电话。</p>` : ''}
    ${caseTable(caption, rows)} ${pager(base, page, pages)}`;
}
