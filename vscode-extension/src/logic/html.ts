// Puts the extension's toolbar and script into the self-contained HTML page the server renders
// (the traceability matrix), so that the page keeps its own styles and scripts.

/** Inserts `head` before </head> and `bodyStart` right after the <body> tag; wraps a fragment in a page. */
export function injectIntoPage(html: string, head: string, bodyStart: string): string {
  const bodyOpen = /<body\b[^>]*>/i.exec(html);
  if (!bodyOpen) return `<!DOCTYPE html><html><head>${head}</head><body>${bodyStart}${html}</body></html>`;
  const afterBody = bodyOpen.index + bodyOpen[0].length;
  let page = html.slice(0, afterBody) + bodyStart + html.slice(afterBody);
  const headClose = /<\/head>/i.exec(page);
  if (headClose) page = page.slice(0, headClose.index) + head + page.slice(headClose.index);
  else page = page.slice(0, bodyOpen.index) + `<head>${head}</head>` + page.slice(bodyOpen.index);
  return page;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A JSON value that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function nonce(): string {
  let s = '';
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}
