// The public progress site at /public/ (the contract reserves the path): server-rendered HTML
// from the same in-memory copies the public API serves (published progress, masked by the
// publishing job; the catalogue), with its local stylesheet and script (no CDN). Like the
// lobby screen page these are web pages, not API routes: not in the OpenAPI document.
import Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import { config } from '../../server/config.ts';
import type { AppState } from '../../server/state.ts';
import { webFiles } from '../web-files.ts';
import { zonedDate } from '../../services/calendar/zoned-time.ts';
import { allGuidesBody, catalogueBody, guideBody } from '../../services/public-site/catalogue-page.ts';
import { figureSections, figuresBody } from '../../services/public-site/figures-page.ts';
import { monthStartBefore, serviceSections } from '../../services/public-site/service-figures.ts';
import { publicFigures } from '../../services/figures/read.ts';
import { storedMonth } from '../../services/hotline/figures.ts';
import { html } from '../../services/public-site/html.ts';
import { page, type PageOptions } from '../../services/public-site/layout.ts';
import { homeBody, progressBody } from '../../services/public-site/progress-page.ts';

export const publicSiteRouter = new Router<AppState>();

const asset = webFiles('public');
const ASSETS: Record<string, string> = {
  'site.css': 'text/css; charset=utf-8',
  'site.js': 'application/javascript; charset=utf-8',
};
// font-src: the CJK web font the lobby screen serves (for a PC without Chinese fonts).
const SITE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
type Ctx = ParameterizedContext<AppState>;

const text = (value: unknown) => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '');
const pageNumber = (value: unknown) => Math.min(10_000, Math.max(1, Number.parseInt(text(value), 10) || 1));
const today = (ctx: Ctx) => zonedDate(ctx.state.now, config.TZ_NAME);

function send(ctx: Ctx, options: Omit<PageOptions, 'large'>, status = 200): void {
  ctx.set('Content-Security-Policy', SITE_CSP);
  ctx.set('Cache-Control', 'public, max-age=30');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.status = status;
  ctx.type = 'html';
  ctx.body = page({ ...options, large: text(ctx.query.large) === '1' });
}

// Matches /public too (the router is not strict about the trailing slash).
publicSiteRouter.get('/public/', (ctx) => {
  const progress = ctx.state.caches.progress;
  send(ctx, { title: '首页', current: 'home', body: homeBody(progress.stats(), progress.cases(), today(ctx)) });
});

publicSiteRouter.get('/public/progress', (ctx) => {
  const progress = ctx.state.caches.progress;
  const query = { q: text(ctx.query.q).slice(0, 64), page: pageNumber(ctx.query.page) };
  send(ctx, { title: '办件公示', current: 'progress', body: progressBody(progress.cases(), query, progress.stats()?.from ?? null) });
});

publicSiteRouter.get('/public/figures', async (ctx) => {
  const progress = ctx.state.caches.progress;
  const to = today(ctx);
  const [figures, hotline] = await Promise.all([publicFigures({ period: 'month', from: monthStartBefore(to, 11), to }), storedMonth(to.slice(0, 7))]);
  const more = serviceSections(figures, hotline, ctx.state.caches.catalogue.current().departmentsByCode);
  const sections = figureSections({ stats: progress.stats(), cases: progress.cases(), today: to }, more);
  send(ctx, { title: '数据公开', current: 'figures', body: figuresBody(sections) });
});

publicSiteRouter.get('/public/catalogue', (ctx) => {
  send(ctx, { title: '办事指南', current: 'catalogue', body: catalogueBody(ctx.state.caches.catalogue.current()) });
});

publicSiteRouter.get('/public/guides', (ctx) => {
  send(ctx, { title: '全部办事指南', current: 'catalogue', body: allGuidesBody(ctx.state.caches.catalogue.current()), bodyClass: 'print-guides' });
});

publicSiteRouter.get('/public/catalogue/:code', (ctx) => {
  const guide = ctx.state.caches.catalogue.current().byCode.get(ctx.params.code ?? '');
  if (!guide || guide.published === false) {
    const body = html`<h1>未找到该事项</h1>
      <p>该事项不存在或已下线。<a href="/public/catalogue">返回办事指南</a></p>`;
    send(ctx, { title: '未找到该事项', current: 'catalogue', body }, 404);
    return;
  }
  send(ctx, { title: guide.name, current: 'catalogue', body: guideBody(guide) });
});

publicSiteRouter.get('/public/assets/:file', async (ctx) => {
  const name = ctx.params.file ?? '';
  const type = ASSETS[name];
  if (!type) return;
  ctx.set('Content-Security-Policy', SITE_CSP);
  ctx.set('Cache-Control', 'public, max-age=300');
  ctx.type = type;
  ctx.body = await asset(name);
});
