// Sizing of the lobby screen: the window grid gets as many columns and rows as hold every
// window of the hall at the largest card size, and each .fit text is shrunk until it fits its
// box (one line, never wrapped, never cut).

/** Card proportions the grid aims at (width ∶ height). */
const CARD_RATIO = 1.45;
const GAP = 8;
const MIN_FONT_PX = 8;
const MAX_CELL_H = 320;
/** Below this card height a ticket number (0.38 of it) is too small to read from afar. */
const MIN_CELL_H = 120;

/** The grid that holds `count` cards in `width`×`height` at the largest card size. */
function plan(width, height, count) {
  let best = { score: -1, cols: 1, w: width, h: height };
  for (let cols = 1; cols <= Math.max(1, count); cols++) {
    const rows = Math.max(1, Math.ceil(count / cols));
    const w = (width - (cols - 1) * GAP) / cols;
    const h = (height - (rows - 1) * GAP) / rows;
    const score = Math.min(w / CARD_RATIO, h);
    if (score > best.score) best = { score, cols, w, h };
  }
  // A card as tall as its proportions want, not stretched over a sparse hall.
  return { cols: best.cols, cellW: Math.floor(best.w), cellH: Math.floor(Math.min(best.h, (best.w / CARD_RATIO) * 1.15, MAX_CELL_H)) };
}

/**
 * Sets columns, rows and the --cell-w/--cell-h font basis of `grid` for `count` cards; returns
 * how many cards one page shows: all of them, unless cards would be too small to read across
 * the hall, then as many as fit at the smallest readable size (the page cycles through them).
 */
export function fitGrid(grid, count) {
  const box = grid.parentElement;
  let perPage = count;
  let chosen = plan(box.clientWidth, box.clientHeight, count);
  while (chosen.cellH < MIN_CELL_H && perPage > 1) {
    perPage--;
    chosen = plan(box.clientWidth, box.clientHeight, perPage);
  }
  grid.style.gridTemplateColumns = `repeat(${chosen.cols}, ${chosen.cellW}px)`;
  grid.style.gridAutoRows = `${chosen.cellH}px`;
  grid.style.setProperty('--cell-w', `${chosen.cellW}px`);
  grid.style.setProperty('--cell-h', `${chosen.cellH}px`);
  return perPage;
}

const overflows = (node) => node.scrollWidth > node.clientWidth || node.scrollHeight > node.clientHeight;

/** Shrinks the font of every .fit element under `root` that does not fit its box. */
export function fitText(root) {
  const nodes = [...root.querySelectorAll('.fit')];
  for (const node of nodes) node.style.fontSize = '';
  for (const node of nodes) {
    let size = parseFloat(getComputedStyle(node).fontSize);
    for (let i = 0; i < 12 && overflows(node) && size > MIN_FONT_PX; i++) {
      const ratio = Math.min(node.clientWidth / node.scrollWidth, node.clientHeight / node.scrollHeight, 0.95);
      size = Math.max(MIN_FONT_PX, Math.floor(size * ratio));
      node.style.fontSize = `${size}px`;
    }
  }
}

/** Keeps only the rows of `list` that are wholly visible. */
export function trimList(list) {
  const bottom = list.getBoundingClientRect().bottom;
  for (const row of [...list.children]) if (row.getBoundingClientRect().bottom > bottom + 0.5) row.remove();
}

/** Scrolls `node` like a ticker when it is wider than its parent. */
export function tickerIfLong(node) {
  const room = node.parentElement.clientWidth;
  node.classList.remove('scrolling');
  if (node.scrollWidth <= room) return;
  node.style.setProperty('--ticker-distance', `-${node.scrollWidth}px`);
  node.style.setProperty('--ticker-seconds', `${Math.round(node.scrollWidth / 120)}s`);
  node.classList.add('scrolling');
}
