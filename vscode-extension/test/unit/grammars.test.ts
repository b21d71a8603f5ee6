// The TextMate grammars, run by the same engine VS Code uses (vscode-textmate + oniguruma).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, IGrammar, Registry, parseRawGrammar } from 'vscode-textmate';

const root = process.cwd();
const files: Record<string, string> = { 'source.turtle': 'turtle', 'source.trig': 'trig', 'source.sparql': 'sparql' };

const registry = (async () => {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  return new Registry({
    onigLib: Promise.resolve({ createOnigScanner: p => new oniguruma.OnigScanner(p), createOnigString: s => new oniguruma.OnigString(s) }),
    loadGrammar: async scope => {
      const file = path.join(root, 'syntaxes', `${files[scope]}.tmLanguage.json`);
      return files[scope] ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
  });
})();

/** [token text, most specific scope] for each token of the lines, trimmed, whitespace left out. */
async function tokens(scope: string, text: string): Promise<Array<[string, string]>> {
  const grammar = (await (await registry).loadGrammar(scope)) as IGrammar;
  const out: Array<[string, string]> = [];
  let state = INITIAL;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      if (s.trim()) out.push([s.trim(), t.scopes[t.scopes.length - 1]]);
    }
    state = r.ruleStack;
  }
  return out;
}

const scopeOf = (ts: Array<[string, string]>, text: string) => ts.find(([s]) => s === text)?.[1];

test('Turtle: directives, IRIs, prefixed names, a, literals with language and datatype, comments', async () => {
  const ts = await tokens('source.turtle', [
    '@prefix cde: <https://w3id.org/guidelinegraph/guideline/cde-2024-rare-disease-gt/> .',
    'cde:guideline a gg:Guideline ; # the guideline',
    '  dcterms:title "罕见病基因治疗产品"@zh , """long',
    'text""" ; gg:count 42 ; gg:ok true ; gg:when "2024-01"^^xsd:gYearMonth ; gg:b _:n1 .',
  ].join('\n'));
  assert.equal(scopeOf(ts, '@prefix'), 'keyword.other.directive.turtle');
  assert.equal(scopeOf(ts, 'https://w3id.org/guidelinegraph/guideline/cde-2024-rare-disease-gt/'), 'markup.underline.link.iri.turtle');
  assert.equal(scopeOf(ts, 'cde'), 'entity.name.namespace.prefix.turtle');
  assert.equal(scopeOf(ts, 'guideline'), 'entity.name.tag.local-name.turtle');
  assert.equal(scopeOf(ts, 'a'), 'keyword.other.type.turtle');
  assert.equal(scopeOf(ts, 'the guideline'), 'comment.line.number-sign.turtle');
  assert.equal(scopeOf(ts, '罕见病基因治疗产品'), 'string.quoted.double.turtle');
  assert.equal(scopeOf(ts, '@zh'), 'constant.language.tag.turtle');
  assert.equal(scopeOf(ts, 'text'), 'string.quoted.triple.double.turtle'); // the long string goes on over the line end
  assert.equal(scopeOf(ts, '42'), 'constant.numeric.turtle');
  assert.equal(scopeOf(ts, 'true'), 'constant.language.boolean.turtle');
  assert.equal(scopeOf(ts, '^^'), 'keyword.operator.datatype.turtle');
  assert.equal(scopeOf(ts, '_:n1'), 'variable.other.blank-node.turtle');
});

test('Turtle: a "#" inside an IRI or a string is not a comment', async () => {
  const ts = await tokens('source.turtle', '<http://x.org/ns#a> rdfs:label "C# code" .');
  assert.equal(scopeOf(ts, 'http://x.org/ns#a'), 'markup.underline.link.iri.turtle');
  assert.equal(scopeOf(ts, 'C# code'), 'string.quoted.double.turtle');
  assert.ok(!ts.some(([, s]) => s.startsWith('comment')));
});

test('TriG: GRAPH and graph blocks over Turtle terms', async () => {
  const ts = await tokens('source.trig', 'GRAPH ex:g1 { ex:s ex:p "o" }');
  assert.equal(scopeOf(ts, 'GRAPH'), 'keyword.other.graph.trig');
  assert.equal(scopeOf(ts, '{'), 'punctuation.section.block.graph.trig');
  assert.equal(scopeOf(ts, 'g1'), 'entity.name.tag.local-name.turtle');
  assert.equal(scopeOf(ts, 'o'), 'string.quoted.double.turtle');
});

test('SPARQL: keywords in any case, variables, functions, terms from Turtle', async () => {
  const ts = await tokens('source.sparql', [
    'PREFIX gg: <https://w3id.org/guidelinegraph/ns#>',
    'select DISTINCT ?clause $n WHERE {',
    '  ?req gg:fromClause ?clause ; a gg:Requirement .',
    '  FILTER(langMatches(lang(?t), "zh") && ?n >= 2)',
    '} ORDER BY ?clause # sorted',
  ].join('\n'));
  assert.equal(scopeOf(ts, 'PREFIX'), 'keyword.other.directive.sparql');
  assert.equal(scopeOf(ts, 'select'), 'keyword.control.query-form.sparql');
  assert.equal(scopeOf(ts, 'DISTINCT'), 'keyword.other.sparql');
  assert.equal(scopeOf(ts, 'clause'), 'variable.other.sparql');
  assert.equal(scopeOf(ts, '$'), 'punctuation.definition.variable.sparql');
  assert.equal(scopeOf(ts, 'fromClause'), 'entity.name.tag.local-name.turtle');
  assert.equal(scopeOf(ts, 'a'), 'keyword.other.type.turtle');
  assert.equal(scopeOf(ts, 'langMatches'), 'support.function.builtin.sparql');
  assert.equal(scopeOf(ts, '&&'), 'keyword.operator.sparql');
  assert.equal(scopeOf(ts, '2'), 'constant.numeric.turtle');
  assert.equal(scopeOf(ts, 'sorted'), 'comment.line.number-sign.turtle');
});
