// The frame of every public page: language, viewport, the local stylesheet and script (no CDN),
// a skip link, the site navigation, the large-text switch (适老化) and the footer.
import { html, type Html } from './html.ts';

export const SITE_NAME = '政务服务中心';

export interface PageOptions {
  title: string;
  /** The navigation entry of this page. */
  current: 'home' | 'progress' | 'figures' | 'catalogue';
  /** Large text from the address (`?large=1`); the script also keeps the reader's choice. */
  large: boolean;
  body: Html;
  /** Extra class on <body>, e.g. `print-guides`. */
  bodyClass?: string;
}

const NAV = [
  { id: 'home', href: '/public/', label: '首页' },
  { id: 'progress', href: '/public/progress', label: '办件公示' },
  { id: 'figures', href: '/public/figures', label: '数据公开' },
  { id: 'catalogue', href: '/public/catalogue', label: '办事指南' },
] as const;

/** The whole document. */
export function page(options: PageOptions): string {
  const nav = NAV.map((entry) => html`<li><a href="${entry.href}" ${entry.id === options.current ? html` aria-current="page"` : ''}>${entry.label}</a></li>`);
  return html`<!doctype html>
    <html lang="zh-CN" class="${options.large ? 'large' : ''}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · ${SITE_NAME}</title>
        <link rel="stylesheet" href="/screen/assets/fonts.css" />
        <link rel="stylesheet" href="/public/assets/site.css" />
        <script src="/public/assets/site.js"></script>
      </head>
      <body class="${options.bodyClass ?? ''}">
        <a class="skip" href="#main">跳到主要内容</a>
        <header class="site-header">
          <div class="wrap header-row">
            <p class="site-name"><a href="/public/">${SITE_NAME}</a><span class="motto">最多跑一次</span></p>
            <form class="text-size" method="get" action="">
              <input type="hidden" name="large" value="${options.large ? '0' : '1'}" />
              <button type="submit" id="text-size" aria-pressed="${options.large ? 'true' : 'false'}">大字模式</button>
            </form>
          </div>
          <nav class="wrap" aria-label="网站导航">
            <ul class="nav">
              ${nav}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex="-1">${options.body}</main>
        <footer class="site-footer">
          <div class="wrap">
            <p>公示信息已隐去个人身份信息：姓名部分遮盖，不显示身份证号码和电话号码。</p>
            <p>监督投诉电话：12345</p>
          </div>
        </footer>
      </body>
    </html> `.text;
}
