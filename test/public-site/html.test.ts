// The escaping templates and the charts are pure: checked directly.
import test from 'ava';
import { dailyChart, rateChart } from '../../services/public-site/charts.ts';
import { escapeHtml, html, raw } from '../../services/public-site/html.ts';

test('html › escapes every interpolated value, in text and attributes, and keeps nested markup', (t) => {
  const hostile = `"><script>alert('x')</script>&`;
  t.is(escapeHtml(hostile), '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;');
  const made = html`<a title="${hostile}">${hostile}</a>${html`<b>${'<i>'}</b>`}${[1, null, undefined, false, 'x']}${raw('<br>')}`;
  t.is(made.text, `<a title="${escapeHtml(hostile)}">${escapeHtml(hostile)}</a><b>&lt;i&gt;</b>1x<br>`);
});

test('charts › have role=img, a title and a description with the numbers, and clamp shares to 0..100 %', (t) => {
  const rates = rateChart('r', '<质量>', [
    { label: '按时办结率', value: 1.4 },
    { label: '满意率', value: null },
  ]).text;
  t.regex(rates, /role="img" aria-labelledby="r-t r-d"/);
  t.regex(rates, /<title id="r-t">&lt;质量&gt;<\/title>/);
  t.regex(rates, /<desc id="r-d">按时办结率140.0%，满意率暂无数据<\/desc>/);
  t.regex(rates, /width="380" height="24" class="chart-bar"/, 'a share above 1 fills the bar and no more');
  const daily = dailyChart(
    'd',
    '每日',
    [{ name: '受理', className: 'series-1' }],
    [
      { date: '2026-03-01', values: [2] },
      { date: '2026-03-02', values: [0] },
    ],
  ).text;
  t.regex(daily, /2026-03-01至2026-03-02，受理合计2件/);
  t.is((daily.match(/class="series-1"/g) ?? []).length, 3, 'a legend swatch and one column per day');
});
