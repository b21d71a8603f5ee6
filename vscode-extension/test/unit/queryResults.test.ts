import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunQueryResult } from '../../src/lsp_ext';
import { compareTerms, displayTerm, sortRows, toCsv, toJson } from '../../src/logic/queryResults';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const iri = (value: string) => ({ type: 'uri', value });
const lit = (value: string, extra: Record<string, string> = {}) => ({ type: 'literal', value, ...extra });
const int = (value: string) => lit(value, { datatype: XSD + 'integer' });

const select: RunQueryResult = {
  kind: 'select',
  variables: ['clause', 'number', 'count'],
  rows: [
    { clause: iri('https://example.org/c-3.5-p3'), number: lit('3.5 ¶3'), count: int('10') },
    { clause: iri('https://example.org/c-4.1-p6'), number: lit('4.1 "¶6", a'), count: int('9') },
    { clause: { type: 'bnode', value: 'b0' }, number: lit('指导原则', { 'xml:lang': 'zh' }) },
  ],
};

test('terms display like SPARQL, numbers and plain strings bare', () => {
  assert.equal(displayTerm(iri('https://example.org/x')), '<https://example.org/x>');
  assert.equal(displayTerm(lit('指导原则', { 'xml:lang': 'zh' })), '"指导原则"@zh');
  assert.equal(displayTerm(int('42')), '42');
  assert.equal(displayTerm(lit('2024-01', { datatype: XSD + 'gYearMonth' })), `"2024-01"^^<${XSD}gYearMonth>`);
  assert.equal(displayTerm(lit('plain', { datatype: XSD + 'string' })), 'plain');
  assert.equal(displayTerm({ type: 'bnode', value: 'b0' }), '_:b0');
  assert.equal(displayTerm(undefined), '');
});

test('numbers sort by value, not as text; unbound first', () => {
  assert.ok(compareTerms(int('9'), int('10')) < 0);
  assert.ok(compareTerms(lit('9'), lit('10')) > 0); // plain strings compare as text
  assert.ok(compareTerms(undefined, int('1')) < 0);
  const asc = sortRows(select.rows!, 'count', false).map(r => r.count?.value);
  assert.deepEqual(asc, [undefined, '9', '10']);
  const desc = sortRows(select.rows!, 'count', true).map(r => r.count?.value);
  assert.deepEqual(desc, ['10', '9', undefined]);
});

test('sorting by a column keeps the query order of ties and leaves the rows untouched', () => {
  const rows = [{ a: lit('x'), n: int('1') }, { a: lit('x'), n: int('2') }, { a: lit('w'), n: int('3') }];
  assert.deepEqual(sortRows(rows, 'a', false).map(r => r.n!.value), ['3', '1', '2']);
  assert.deepEqual(rows.map(r => r.n!.value), ['1', '2', '3']);
});

test('CSV follows the SPARQL 1.1 CSV format: bare values, quoted fields, CRLF', () => {
  assert.equal(toCsv(select),
    'clause,number,count\r\n' +
    'https://example.org/c-3.5-p3,3.5 ¶3,10\r\n' +
    'https://example.org/c-4.1-p6,"4.1 ""¶6"", a",9\r\n' +
    '_:b0,指导原则,\r\n');
  assert.equal(toCsv({ kind: 'ask', boolean: true }), 'boolean\r\ntrue\r\n');
});

test('JSON follows the SPARQL 1.1 JSON format and leaves unbound variables out', () => {
  const json = JSON.parse(toJson(select));
  assert.deepEqual(json.head, { vars: ['clause', 'number', 'count'] });
  assert.equal(json.results.bindings.length, 3);
  assert.deepEqual(json.results.bindings[2], { clause: { type: 'bnode', value: 'b0' }, number: { type: 'literal', value: '指导原则', 'xml:lang': 'zh' } });
  assert.deepEqual(JSON.parse(toJson({ kind: 'ask', boolean: false })), { head: {}, boolean: false });
});
