// An expression evaluated in the lobby page: where its boxes are and whether any text is
// wider or taller than its box, on more than one line, or outside its window card.

export interface LayoutReport {
  viewport: [number, number];
  grid: string;
  card: string;
  cards: number;
  calling: string[];
  cardsOutside: string[];
  overflowing: string[];
  spilling: string[];
  wrapped: string[];
  bannerOverlapsFigures: boolean;
  figuresVisible: boolean;
  ticketPx: number;
  codePx: number;
  smallestPx: number;
}

export const layoutReport = `(() => {
  const view = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  const inside = (r, box) => r.left >= box.left - 0.5 && r.top >= box.top - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5;
  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const name = (n) => (n.closest('[data-window]')?.dataset.window ?? n.id ?? '') + ' ' + n.className + ' «' + n.textContent + '»';
  const lines = (n) => {
    const range = document.createRange();
    range.selectNodeContents(n);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  };
  // The cards of the page on screen (a hall larger than one page shows its windows page by page).
  const cards = [...document.querySelectorAll('.window:not([hidden])')];
  const texts = [...document.querySelectorAll('.fit')].filter((n) => n.textContent !== '' && n.checkVisibility());
  const px = (n) => parseFloat(getComputedStyle(n).fontSize);
  const banner = document.getElementById('call-banner').getBoundingClientRect();
  const figures = document.getElementById('today').getBoundingClientRect();
  const footer = document.querySelector('footer').getBoundingClientRect();
  const first = cards[0].getBoundingClientRect();
  return {
    viewport: [innerWidth, innerHeight],
    grid: getComputedStyle(document.getElementById('windows')).gridTemplateColumns.split(' ').length + ' columns',
    card: Math.round(first.width) + '×' + Math.round(first.height),
    cards: cards.length,
    calling: cards.filter((c) => c.classList.contains('calling')).map((c) => c.dataset.window),
    cardsOutside: cards.filter((c) => !inside(c.getBoundingClientRect(), view)).map((c) => c.dataset.window),
    overflowing: texts
      .filter((n) => n.scrollWidth > n.clientWidth || n.scrollHeight > n.clientHeight)
      .map((n) => name(n) + ' ' + n.scrollWidth + '/' + n.clientWidth + '×' + n.scrollHeight + '/' + n.clientHeight),
    spilling: cards.flatMap((c) => [...c.querySelectorAll('.fit')].filter((n) => !inside(n.getBoundingClientRect(), c.getBoundingClientRect())).map(name)),
    wrapped: texts.filter((n) => lines(n) > 1).map(name),
    bannerOverlapsFigures: overlap(banner, figures),
    figuresVisible: inside(figures, view) && figures.bottom <= footer.top,
    ticketPx: Math.min(...cards.map((c) => px(c.querySelector('.current')))),
    codePx: Math.min(...cards.map((c) => px(c.querySelector('.code')))),
    smallestPx: Math.min(...texts.map(px)),
  };
})()`;
