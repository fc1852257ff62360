// HTML by tagged template: every interpolated value is escaped unless it is already Html (made
// by `html` itself or, for trusted markup like generated SVG numbers, by `raw`). Nothing a
// database row holds can reach a page unescaped.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Markup that is already safe. */
export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

/** Trusted markup, taken as is (never pass it data from a request or the database). */
export const raw = (text: string) => new Html(text);

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: text escaped, nested Html and arrays of it kept. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => (out += render(value) + (strings[index + 1] ?? '')));
  return new Html(out);
}
