// Inline SVG charts (no library, no script): each is an image with a title and a description
// for screen readers, and is followed on the page by the same numbers as a table. Colours come
// from the stylesheet's classes; sizes scale with the viewBox.
import { html, raw, type Html } from './html.ts';

const num = (value: number) => raw(String(Math.round(value * 10) / 10));

export interface RateBar {
  label: string;
  /** 0..1, null when there is nothing to divide. */
  value: number | null;
}

/** Shares as horizontal bars from 0 to 100 %; `id` is unique within the page. */
export function rateChart(id: string, title: string, bars: RateBar[]): Html {
  const rowHeight = 44;
  const labelWidth = 150;
  const barWidth = 380;
  const height = bars.length * rowHeight + 10;
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight + 8;
    const width = bar.value === null ? 0 : Math.max(0, Math.min(1, bar.value)) * barWidth;
    const text = bar.value === null ? '暂无数据' : `${(bar.value * 100).toFixed(1)}%`;
    return html`<g>
      <text x="0" y="${num(y + 20)}" class="chart-label">${bar.label}</text>
      <rect x="${labelWidth}" y="${num(y + 4)}" width="${barWidth}" height="24" class="chart-track"></rect>
      <rect x="${labelWidth}" y="${num(y + 4)}" width="${num(width)}" height="24" class="chart-bar"></rect>
      <text x="${num(labelWidth + barWidth + 8)}" y="${num(y + 22)}" class="chart-value">${text}</text>
    </g>`;
  });
  const description = bars.map((bar) => `${bar.label}${bar.value === null ? '暂无数据' : `${(bar.value * 100).toFixed(1)}%`}`).join('，');
  return html`<svg class="chart" viewBox="0 0 ${labelWidth + barWidth + 90} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" focusable="false">
    <title id="${id}-t">${title}</title>
    <desc id="${id}-d">${description}</desc>
    ${rows}
  </svg>`;
}

export interface DailySeries {
  name: string;
  /** Stylesheet class of its columns (`series-1`, `series-2`). */
  className: string;
}

export interface DailyPoint {
  /** `YYYY-MM-DD`. */
  date: string;
  values: number[];
}

/** Counts per day as grouped columns, one group per day, with a legend; `id` is unique within the page. */
export function dailyChart(id: string, title: string, series: DailySeries[], points: DailyPoint[]): Html {
  const top = 30;
  const plotHeight = 180;
  const left = 36;
  const groupWidth = Math.max(16, Math.min(48, 620 / Math.max(1, points.length)));
  const width = left + points.length * groupWidth + 10;
  const max = Math.max(1, ...points.flatMap((point) => point.values));
  const columnWidth = (groupWidth - 4) / Math.max(1, series.length);
  const every = Math.ceil(points.length / 10); // at most ten date labels
  const groups = points.map((point, index) => {
    const x = left + index * groupWidth;
    const columns = point.values.map((value, s) => {
      const h = (value / max) * plotHeight;
      return html`<rect
        x="${num(x + 2 + s * columnWidth)}"
        y="${num(top + plotHeight - h)}"
        width="${num(columnWidth)}"
        height="${num(h)}"
        class="${series[s]?.className ?? ''}"
      ></rect>`;
    });
    const label =
      index % every === 0
        ? html`<text x="${num(x + groupWidth / 2)}" y="${top + plotHeight + 16}" class="chart-axis" text-anchor="middle">${point.date.slice(5)}</text>`
        : '';
    return html`<g>${columns}${label}</g>`;
  });
  const legend = series.map(
    (s, index) =>
      html`<rect x="${left + index * 110}" y="4" width="14" height="14" class="${s.className}"></rect
        ><text x="${left + index * 110 + 20}" y="16" class="chart-axis">${s.name}</text>`,
  );
  const totals = series.map((s, index) => `${s.name}合计${points.reduce((sum, point) => sum + (point.values[index] ?? 0), 0)}件`).join('，');
  return html`<svg class="chart" viewBox="0 0 ${num(width)} ${top + plotHeight + 24}" role="img" aria-labelledby="${id}-t ${id}-d" focusable="false">
    <title id="${id}-t">${title}</title>
    <desc id="${id}-d">${points.length ? `${points[0]!.date}至${points.at(-1)!.date}，${totals}` : '暂无数据'}</desc>
    ${legend}
    <line x1="${left}" y1="${top + plotHeight}" x2="${num(width - 5)}" y2="${top + plotHeight}" class="chart-baseline"></line>
    <text x="${left - 6}" y="${top + 10}" class="chart-axis" text-anchor="end">${max}</text>
    <text x="${left - 6}" y="${top + plotHeight}" class="chart-axis" text-anchor="end">0</text>
    ${groups}
  </svg>`;
}
