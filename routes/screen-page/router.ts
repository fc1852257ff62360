// The lobby screen page: /screen/:hallCode?token=… and its local assets (no CDN), with its web
// font. The page polls the screen API with the token from its address.
import Router from '@koa/router';
import type { AppState } from '../../server/state.ts';
import { webFiles } from '../web-files.ts';
import { fontFile, fontStylesheet } from './fonts.ts';

export const screenPageRouter = new Router<AppState>();

const ASSETS: Record<string, string> = {
  'screen.js': 'application/javascript; charset=utf-8',
  'announce.js': 'application/javascript; charset=utf-8',
  'clock.js': 'application/javascript; charset=utf-8',
  'layout.js': 'application/javascript; charset=utf-8',
  'screen.css': 'text/css; charset=utf-8',
  'panels.css': 'text/css; charset=utf-8',
};
const SCREEN_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
const asset = webFiles('screen');

screenPageRouter.get('/screen/assets/fonts.css', async (ctx) => {
  const { css, etag } = await fontStylesheet();
  ctx.set('Content-Security-Policy', SCREEN_CSP);
  ctx.set('Cache-Control', 'no-cache');
  ctx.set('ETag', etag);
  ctx.type = 'text/css; charset=utf-8';
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = css;
});

// A slice's address names the package version, so its bytes never change: cached for a year.
screenPageRouter.get('/screen/assets/fonts/:version/:file', async (ctx) => {
  const font = await fontFile(ctx.params.version ?? '', ctx.params.file ?? '');
  if (!font) return;
  ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
  ctx.type = 'font/woff2';
  ctx.body = font;
});

screenPageRouter.get('/screen/assets/:file', async (ctx) => {
  const type = ASSETS[ctx.params.file ?? ''];
  if (!type) return;
  ctx.set('Content-Security-Policy', SCREEN_CSP);
  ctx.set('Cache-Control', 'no-cache');
  ctx.type = type;
  ctx.body = await asset(ctx.params.file!);
});

screenPageRouter.get('/screen/:hallCode', async (ctx) => {
  ctx.set('Content-Security-Policy', SCREEN_CSP);
  // The token is in the address: never send it on as a referrer.
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('Cache-Control', 'no-cache');
  ctx.type = 'html';
  ctx.body = await asset('index.html');
});
