// "Add feature to profile": the edit that puts a feature id into the protocol's front matter,
// `guidelinegraph: { features: [...] }`, keeping the list's own style (flow or block) and the rest untouched.

/** Replace [start, end) on one line (an insertion when start = end) with text. */
export interface LineEdit { line: number; start: number; end: number; text: string }
export type AddFeatureResult = { kind: 'edit'; edit: LineEdit } | { kind: 'present' } | { kind: 'error'; message: string };

const profileKey = 'guidelinegraph';

/** Quotes a YAML scalar only when it needs it. */
export function yamlScalar(value: string): string {
  return /^[\w.\-\u00C0-\uFFFF]+$/.test(value) && !/^(true|false|null|yes|no|~)$/i.test(value)
    ? value : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function unquote(s: string): string {
  const t = s.trim();
  return (t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")) ? t.slice(1, -1) : t;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlank = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');

export function addFeatureToFrontMatter(text: string, featureId: string): AddFeatureResult {
  const lines = text.split(/\r?\n/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const value = yamlScalar(featureId);
  const replace = (line: number, start: number, end: number, t: string): AddFeatureResult =>
    ({ kind: 'edit', edit: { line, start, end, text: t } });
  const insertAt = (line: number, character: number, t: string) => replace(line, character, character, t);

  if (lines[0]?.trimEnd() !== '---') {
    return insertAt(0, 0, `---${eol}${profileKey}:${eol}  features: [${value}]${eol}---${eol}${eol}`);
  }
  let end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (end < 0) end = lines.length;

  const keyLine = lines.findIndex((l, i) => i > 0 && i < end && new RegExp(`^${profileKey}\\s*:`).test(l));
  if (keyLine < 0) return insertAt(end, 0, `${profileKey}:${eol}  features: [${value}]${eol}`);

  // The profile block: the lines after the key that are indented (or blank).
  let blockEnd = keyLine + 1;
  while (blockEnd < end && (isBlank(lines[blockEnd]) || indentOf(lines[blockEnd]) > 0)) blockEnd++;
  const childIndent = lines.slice(keyLine + 1, blockEnd).find(l => !isBlank(l));
  const indent = childIndent ? ' '.repeat(indentOf(childIndent)) : '  ';

  const featuresLine = lines.findIndex((l, i) => i > keyLine && i < blockEnd && /^\s+features\s*:/.test(l));
  if (featuresLine < 0) return insertAt(keyLine + 1, 0, `${indent}features: [${value}]${eol}`);

  const line = lines[featuresLine];
  const rest = line.slice(line.indexOf(':') + 1);
  const open = rest.indexOf('[');
  if (open >= 0) {
    const close = line.lastIndexOf(']');
    if (close < 0) return { kind: 'error', message: `line ${featuresLine + 1}: the features list continues on the next line; put it on one line or as "- item" lines` };
    const inner = line.slice(line.indexOf(':') + 1 + open + 1, close);
    const items = inner.split(',').map(unquote).filter(s => s !== '');
    if (items.includes(featureId)) return { kind: 'present' };
    return insertAt(featuresLine, close, items.length ? `, ${value}` : value);
  }
  if (rest.trim() !== '') {
    // A single scalar value: turn it into a flow list.
    if (unquote(rest) === featureId) return { kind: 'present' };
    return replace(featuresLine, line.indexOf(':') + 1, line.length, ` [${rest.trim()}, ${value}]`);
  }
  // A block list: "- item" lines below, at any deeper indent.
  let last = featuresLine;
  let itemIndent = indentOf(line) + 2;
  for (let i = featuresLine + 1; i < blockEnd; i++) {
    if (isBlank(lines[i])) continue;
    const m = /^(\s*)-\s*(.*)$/.exec(lines[i]);
    if (!m || m[1].length < indentOf(line)) break;
    if (unquote(m[2]) === featureId) return { kind: 'present' };
    itemIndent = m[1].length;
    last = i;
  }
  return insertAt(last + 1, 0, `${' '.repeat(itemIndent)}- ${value}${eol}`);
}
