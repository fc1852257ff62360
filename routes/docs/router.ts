// GET /openapi.json and a readable docs page served from local swagger-ui assets (no CDN).
import Router from '@koa/router';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openApiDocument } from '../../server/openapi.ts';
import type { AppState } from '../../server/state.ts';

export const docsRouter = new Router<AppState>();

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>OneTrip 接口文档</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script></body></html>`;
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui' });`;
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

docsRouter.get('/openapi.json', (ctx) => {
  ctx.body = openApiDocument();
});

docsRouter.get('/docs', (ctx) => {
  ctx.set('Content-Security-Policy', DOCS_CSP);
  ctx.type = 'html';
  ctx.body = PAGE;
});

docsRouter.get('/docs/assets/:file', async (ctx) => {
  const file = ctx.params.file ?? '';
  ctx.set('Content-Security-Policy', DOCS_CSP);
  if (file === 'init.js') {
    ctx.type = 'application/javascript';
    ctx.body = INIT;
    return;
  }
  const type = ASSETS[file];
  if (!type) return;
  ctx.type = type;
  ctx.set('Cache-Control', 'public, max-age=86400');
  ctx.body = await readFile(path.join(swaggerDir, file));
});
