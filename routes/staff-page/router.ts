// The staff workbench page: /staff and its local assets (no CDN). The page signs in through
// the public staff API and keeps the token in the tab's sessionStorage; it has no endpoint of
// its own.
import Router from '@koa/router';
import type { AppState } from '../../server/state.ts';
import { webFiles } from '../web-files.ts';

export const staffPageRouter = new Router<AppState>();

const JS = 'application/javascript; charset=utf-8';
/** Every file the page loads: one module per panel. */
const ASSETS: Record<string, string> = {
  'staff.css': 'text/css; charset=utf-8',
  'panels.css': 'text/css; charset=utf-8',
  'main.js': JS,
  'api.js': JS,
  'dom.js': JS,
  'catalogue.js': JS,
  'login.js': JS,
  'appointments.js': JS,
  'queue.js': JS,
  'review.js': JS,
  'preview.js': JS,
  'cases.js': JS,
  'payment.js': JS,
  'walk-in-case.js': JS,
};
// Material previews are blob: URLs the page made from files it fetched with its token.
const STAFF_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  'frame-src blob:',
  'object-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
const asset = webFiles('staff');

function pageHeaders(ctx: { set(field: string, value: string): void }) {
  ctx.set('Content-Security-Policy', STAFF_CSP);
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cache-Control', 'no-cache');
}

staffPageRouter.get('/staff/assets/:file', async (ctx) => {
  const type = ASSETS[ctx.params.file ?? ''];
  if (!type) return;
  pageHeaders(ctx);
  ctx.type = type;
  ctx.body = await asset(ctx.params.file!);
});

staffPageRouter.get(['/staff', '/staff/'], async (ctx) => {
  pageHeaders(ctx);
  ctx.type = 'html';
  ctx.body = await asset('index.html');
});
