// SPARQL results as the results webview shows, sorts and exports them. Shared by the extension and the
// webview script (bundled twice), so the order a user sees is the order the tests check.
import type { ResultTerm, RunQueryResult } from '../lsp_ext';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const numericTypes = new Set(['integer', 'decimal', 'float', 'double', 'int', 'long', 'short', 'byte', 'nonNegativeInteger',
  'positiveInteger', 'negativeInteger', 'nonPositiveInteger', 'unsignedInt', 'unsignedLong', 'unsignedShort', 'unsignedByte']
  .map(t => XSD + t));

export type Row = Record<string, ResultTerm | undefined>;

/** A term as the table shows it: IRIs in angle brackets, literals with their language or datatype. */
export function displayTerm(term: ResultTerm | undefined): string {
  if (!term) return '';
  switch (term.type) {
    case 'uri': return `<${term.value}>`;
    case 'bnode': return `_:${term.value}`;
    case 'literal':
    case 'typed-literal': {
      if (term['xml:lang']) return `"${term.value}"@${term['xml:lang']}`;
      if (term.datatype && term.datatype !== XSD + 'string') {
        return numericTypes.has(term.datatype) || term.datatype === XSD + 'boolean' ? term.value : `"${term.value}"^^<${term.datatype}>`;
      }
      return term.value;
    }
    default: return term.value;
  }
}

function numericValue(term: ResultTerm): number | undefined {
  if (term.type !== 'literal' && term.type !== 'typed-literal') return undefined;
  if (!term.datatype || !numericTypes.has(term.datatype)) return undefined;
  const n = Number(term.value);
  return Number.isNaN(n) ? undefined : n;
}

/** Order of ORDER BY's spirit: unbound first, then blank nodes, IRIs, literals; numbers by value. */
export function compareTerms(a: ResultTerm | undefined, b: ResultTerm | undefined): number {
  const rank = (t: ResultTerm | undefined) => (!t ? 0 : t.type === 'bnode' ? 1 : t.type === 'uri' ? 2 : 3);
  const ra = rank(a), rb = rank(b);
  if (ra !== rb || !a || !b) return ra - rb;
  const na = numericValue(a), nb = numericValue(b);
  if (na !== undefined && nb !== undefined) return na - nb;
  if (na !== undefined || nb !== undefined) return na !== undefined ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

/** The rows sorted by one variable; ties keep their query order (Array.prototype.sort is stable). */
export function sortRows(rows: readonly Row[], variable: string, descending: boolean): Row[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort((x, y) => sign * compareTerms(x[variable], y[variable]));
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** SPARQL 1.1 Query Results CSV: plain values (IRIs bare, literals lexical), CRLF line ends. */
export function toCsv(result: RunQueryResult): string {
  if (result.kind === 'ask') return `boolean\r\n${result.boolean ? 'true' : 'false'}\r\n`;
  const variables = result.variables ?? [];
  const lines = [variables.map(csvField).join(',')];
  for (const row of result.rows ?? []) {
    lines.push(variables.map(v => {
      const t = row[v];
      return csvField(!t ? '' : t.type === 'bnode' ? `_:${t.value}` : t.value);
    }).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** SPARQL 1.1 Query Results JSON: {head:{vars}, results:{bindings}} or {head:{}, boolean}. */
export function toJson(result: RunQueryResult): string {
  if (result.kind === 'ask') return JSON.stringify({ head: {}, boolean: !!result.boolean }, null, 2) + '\n';
  const variables = result.variables ?? [];
  const bindings = (result.rows ?? []).map(row => {
    const b: Record<string, ResultTerm> = {};
    for (const v of variables) if (row[v]) b[v] = row[v]!;
    return b;
  });
  return JSON.stringify({ head: { vars: variables }, results: { bindings } }, null, 2) + '\n';
}
