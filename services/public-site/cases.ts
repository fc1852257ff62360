// 办件公示 on the public site: the published (already masked) rows as a table that turns into
// cards on a phone, searchable by case number, paginated.
import type { LedgerRow } from '../publishing/ledger.ts';
import { presentPublicCase } from '../publishing/row.ts';
import { html, type Html } from './html.ts';

/** A listed case as the progress cache keeps it; shown through presentPublicCase. */
export type ListedCase = LedgerRow;
type PublicCase = ReturnType<typeof presentPublicCase>;

export const CASES_PER_PAGE = 20;
/** A shorter search would list almost every case. */
export const MIN_CASE_SEARCH = 4;

/** A case number as typed (spaces, capitals) in the form it is stored. */
export const normaliseCaseNumber = (text: string) => text.replace(/\s+/g, '').toLowerCase().slice(0, 24);

/** The cases whose number (lowercase hex, as normalised queries are) contains `query`. */
export const searchCases = (cases: readonly ListedCase[], query: string) => cases.filter((row) => row.caseId.includes(query));

const onTimeText = (row: PublicCase) => (row.onTime === null ? '—' : row.onTime ? '按时办结' : '超期办结');

/** The table of `listed` (a caption names what it lists). */
export function caseTable(caption: string, listed: readonly ListedCase[]): Html {
  if (listed.length === 0) return html`<p class="empty">${caption}：暂无办件。</p>`;
  const body = listed.map(presentPublicCase).map(
    (row) =>
      html`<tr>
        <td data-label="办件编号"><span class="case-no">${row.id}</span></td>
        <td data-label="事项">${row.itemName}</td>
        <td data-label="部门">${row.department.name}</td>
        <td data-label="申请人">${row.applicant || '—'}</td>
        <td data-label="状态"><span class="status status-${row.status}">${row.statusText}</span></td>
        <td data-label="受理日期">${row.acceptedDate}</td>
        <td data-label="承诺办结">${row.deadline ?? '—'}</td>
        <td data-label="办结日期">${row.completedDate ?? '—'}</td>
        <td data-label="时效">${onTimeText(row)}</td>
      </tr>`,
  );
  return html`<div class="table-scroll">
    <table class="cases">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">办件编号</th>
          <th scope="col">事项</th>
          <th scope="col">部门</th>
          <th scope="col">申请人</th>
          <th scope="col">状态</th>
          <th scope="col">受理日期</th>
          <th scope="col">承诺办结</th>
          <th scope="col">办结日期</th>
          <th scope="col">时效</th>
        </tr>
      </thead>
      <tbody>
        ${body}
      </tbody>
    </table>
  </div>`;
}

/** The search form (GET, so a result can be bookmarked and shared). */
export function caseSearchForm(query: string): Html {
  return html`<form class="search" method="get" action="/public/progress" role="search">
    <label for="case-no">办件编号</label>
    <input id="case-no" name="q" type="search" value="${query}" inputmode="latin" autocomplete="off" maxlength="40" aria-describedby="case-no-hint" />
    <button type="submit">查询</button>
    <p id="case-no-hint" class="hint">输入受理回执上的办件编号（至少${MIN_CASE_SEARCH}位）。</p>
  </form>`;
}

/** Links to the other pages of a list (`base` carries the other parameters). */
export function pager(base: string, page: number, pages: number): Html {
  if (pages <= 1) return html``;
  const link = (to: number, label: string, rel: string) =>
    to < 1 || to > pages
      ? html`<span class="pager-off">${label}</span>`
      : html`<a href="${`${base}${base.includes('?') ? '&' : '?'}page=${to}`}" rel="${rel}">${label}</a>`;
  return html`<nav class="pager" aria-label="分页">
    ${link(page - 1, '上一页', 'prev')}<span>第 ${page} / ${pages} 页</span>${link(page + 1, '下一页', 'next')}
  </nav>`;
}
