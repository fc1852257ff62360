// Basic accessibility checks run inside the page (an expression for Browser.evaluate): the page
// language, one h1 and no skipped heading level, a label for every field, a name for every link,
// button and chart, and a contrast of 4.5:1 (3:1 for large text) for every visible text.
// Answers the list of problems found.
export const AUDIT = `(() => {
  const problems = [];
  if (!document.documentElement.lang) problems.push('no lang on <html>');
  const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')];
  if (document.querySelectorAll('h1').length !== 1) problems.push(document.querySelectorAll('h1').length + ' h1 elements');
  let level = 0;
  for (const h of headings) {
    const next = Number(h.tagName[1]);
    if (next > level + 1) problems.push('heading skips from h' + level + ' to ' + h.tagName + ': ' + h.textContent.trim().slice(0, 30));
    level = next;
  }
  for (const field of document.querySelectorAll('input:not([type=hidden]),select,textarea')) {
    const labelled = (field.labels && field.labels.length) || field.getAttribute('aria-label') || field.getAttribute('aria-labelledby');
    if (!labelled) problems.push('field without label: ' + field.outerHTML.slice(0, 80));
  }
  for (const control of document.querySelectorAll('a[href],button,summary')) {
    if (!(control.textContent.trim() || control.getAttribute('aria-label'))) problems.push('control without a name: ' + control.outerHTML.slice(0, 80));
  }
  for (const svg of document.querySelectorAll('svg')) {
    const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const name = ids.map((id) => (document.getElementById(id) || {}).textContent || '').join('').trim();
    if (svg.getAttribute('role') !== 'img' || !name) problems.push('chart without role=img and a name');
  }
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const parts = rgb(getComputedStyle(e).backgroundColor);
      if (parts.length >= 3 && (parts.length === 3 || parts[3] > 0)) return parts;
    }
    return [255, 255, 255];
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || seen.has(element) || element.closest('svg')) continue;
    seen.add(element);
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0 || box.bottom < 0) continue;
    const fg = luminance(rgb(style.color));
    const bg = luminance(background(element));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ' of "' + node.textContent.trim().slice(0, 20) + '"');
  }
  return problems;
})()`;
