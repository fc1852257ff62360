// 办事指南 on the public site: the catalogue by department, one guide per page, and every
// guide on one page for printing (the print stylesheet starts each on a new sheet).
import type { CatalogueSnapshot } from '../catalogue/store.ts';
import type { Guide } from '../catalogue/guide.ts';
import { html, type Html } from './html.ts';

const CASE_TYPES: Record<string, string> = { immediate: '即办件', promised: '承诺件' };
const yesNo = (value: boolean | null | undefined) => (value ? '是' : '否');

/** Published guides grouped by department, departments in catalogue order, items by code. */
export function guidesByDepartment(catalogue: CatalogueSnapshot): { code: string; name: string; guides: Guide[] }[] {
  const groups = new Map<string, { code: string; name: string; guides: Guide[] }>();
  for (const department of catalogue.departments) groups.set(department.code, { code: department.code, name: department.name, guides: [] });
  for (const guide of [...catalogue.byCode.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (guide.published === false) continue;
    let group = groups.get(guide.department.code);
    if (!group) groups.set(guide.department.code, (group = { code: guide.department.code, name: guide.department.name, guides: [] }));
    group.guides.push(guide);
  }
  return [...groups.values()].filter((group) => group.guides.length > 0);
}

/** The catalogue index. */
export function catalogueBody(catalogue: CatalogueSnapshot): Html {
  const groups = guidesByDepartment(catalogue);
  const total = groups.reduce((sum, group) => sum + group.guides.length, 0);
  return html`<h1>办事指南</h1>
    <p class="lead">共 ${total} 个事项。<a href="/public/guides">打开全部办事指南（可打印）</a></p>
    <nav aria-label="按部门浏览" class="toc">
      <ul>
        ${groups.map((g) => html`<li><a href="#dept-${g.code}">${g.name}（${g.guides.length}）</a></li>`)}
      </ul>
    </nav>
    ${groups.map(
      (group) =>
        html`<section aria-labelledby="dept-${group.code}">
          <h2 id="dept-${group.code}">${group.name}</h2>
          <ul class="item-list">
            ${group.guides.map(
              (guide) =>
                html`<li>
                  <a href="/public/catalogue/${encodeURIComponent(guide.code)}">${guide.name}</a>
                  <span class="item-meta"
                    >${CASE_TYPES[guide.caseType] ?? guide.caseType} · 承诺 ${guide.promisedLimitDays} 个工作日 · 到现场 ${guide.visits}
                    次${guide.highFrequency ? ' · 高频' : ''}</span
                  >
                </li>`,
            )}
          </ul>
        </section>`,
    )}`;
}

/** One guide as a section; `level` is the heading level of its name (1 alone, 2 among all). */
export function guideSection(guide: Guide, level: 1 | 2): Html {
  const h = (text: string) => (level === 1 ? html`<h2>${text}</h2>` : html`<h3>${text}</h3>`);
  const title = level === 1 ? html`<h1>${guide.name}</h1>` : html`<h2 id="guide-${guide.code}">${guide.name}</h2>`;
  const materials = guide.materials.map(
    (m) =>
      html`<tr>
        <th scope="row">${m.name}</th>
        <td>${m.form}</td>
        <td>${m.copies}</td>
        <td>${m.required ? '必需' : '视情况'}</td>
        <td>${m.acceptanceStandard || '—'}${m.note ? html`<br />${m.note}` : ''}</td>
      </tr>`,
  );
  const labelled = level === 2 ? html` aria-labelledby="guide-${guide.code}"` : '';
  return html`<article class="guide" ${labelled}>
    ${title}
    <dl class="facts">
      <div>
        <dt>实施编码</dt>
        <dd>${guide.code}</dd>
      </div>
      <div>
        <dt>实施部门</dt>
        <dd>${guide.department.name}</dd>
      </div>
      <div>
        <dt>事项类型</dt>
        <dd>${guide.category}</dd>
      </div>
      <div>
        <dt>办件类型</dt>
        <dd>${CASE_TYPES[guide.caseType] ?? guide.caseType}</dd>
      </div>
      <div>
        <dt>法定办结时限</dt>
        <dd>${guide.legalLimitDays} 个工作日</dd>
      </div>
      <div>
        <dt>承诺办结时限</dt>
        <dd>${guide.promisedLimitDays} 个工作日</dd>
      </div>
      <div>
        <dt>到办事现场次数</dt>
        <dd>${guide.visits} 次${guide.visits > 0 && guide.onsiteReason ? `（${guide.onsiteReason}）` : ''}</dd>
      </div>
      <div>
        <dt>收费</dt>
        <dd>${guide.fee.description}</dd>
      </div>
      <div>
        <dt>网上预约 / 网上预审 / 在线缴费 / 邮寄送达</dt>
        <dd>${yesNo(guide.onlineBooking)} / ${yesNo(guide.onlinePreReview)} / ${yesNo(guide.onlinePayment)} / ${yesNo(guide.deliveryByPost)}</dd>
      </div>
      <div>
        <dt>办理时间</dt>
        <dd>${guide.hours || '—'}</dd>
      </div>
      <div>
        <dt>咨询电话</dt>
        <dd>${guide.helpline || '—'}</dd>
      </div>
      <div>
        <dt>监督投诉电话</dt>
        <dd>${guide.complaintLine || '—'}</dd>
      </div>
    </dl>
    ${h('受理条件')}
    <p>${guide.conditions || '—'}</p>
    ${h('申请材料')}
    ${
      materials.length
        ? html`<div class="table-scroll">
            <table class="materials">
              <caption>
                ${guide.name}申请材料
              </caption>
              <thead>
                <tr>
                  <th scope="col">材料名称</th>
                  <th scope="col">形式</th>
                  <th scope="col">份数</th>
                  <th scope="col">是否必需</th>
                  <th scope="col">受理标准与说明</th>
                </tr>
              </thead>
              <tbody>
                ${materials}
              </tbody>
            </table>
          </div>`
        : html`<p>无需提交材料。</p>`
    }
    ${h('办理流程')}
    <ol class="steps">
      ${guide.process.map((p) => html`<li><strong>${p.step}</strong> ${p.description}</li>`)}
    </ol>
    ${h('办理窗口')}
    <ul>
      ${guide.windows.map((w) => html`<li>${w.name}${w.location ? `（${w.location}）` : ''}</li>`)}
    </ul>
    ${
      guide.faq.length
        ? html`${h('常见问题')}
            <dl class="faq">
              ${guide.faq.map(
                (f) =>
                  html`<dt>${f.q}</dt>
                    <dd>${f.a}</dd>`,
              )}
            </dl>`
        : ''
    }
    ${h('设定依据')}
    <p>${guide.legalBasis || '—'}</p>
  </article>`;
}

/** One guide's page body. */
export const guideBody = (guide: Guide): Html =>
  html`<p class="crumbs no-print"><a href="/public/catalogue">办事指南</a> › ${guide.department.name}</p>
    ${guideSection(guide, 1)}
    <p class="no-print"><button type="button" class="print" data-print>打印本指南</button></p>`;

/** Every guide on one page, for printing. */
export function allGuidesBody(catalogue: CatalogueSnapshot): Html {
  const groups = guidesByDepartment(catalogue);
  return html`<h1>全部办事指南</h1>
    <p class="lead no-print">
      共 ${groups.reduce((sum, g) => sum + g.guides.length, 0)} 个事项，按部门排列；打印时每个事项另起一页。<button type="button" class="print" data-print>
        打印
      </button>
    </p>
    ${groups.flatMap((group) => group.guides.map((guide) => guideSection(guide, 2)))}`;
}
