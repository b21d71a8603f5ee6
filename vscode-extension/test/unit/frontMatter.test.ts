import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addFeatureToFrontMatter, LineEdit, yamlScalar } from '../../src/logic/frontMatter';

/** Applies the edit, so that the tests read as before -> after. */
function apply(text: string, featureId: string): string {
  const r = addFeatureToFrontMatter(text, featureId);
  if (r.kind !== 'edit') return `(${r.kind})`;
  const e: LineEdit = r.edit;
  const lines = text.split('\n');
  if (e.line === lines.length) return text + e.text;
  const l = lines[e.line];
  lines[e.line] = l.slice(0, e.start) + e.text + l.slice(e.end);
  return lines.join('\n');
}

test('adds to a flow list on one line', () => {
  const text = '---\ntitle: x\nguidelinegraph:\n  guideline: cde\n  features: [AAV9, intravenous]\n---\n# 1 SUMMARY\n';
  assert.equal(apply(text, 'infants'), text.replace('[AAV9, intravenous]', '[AAV9, intravenous, infants]'));
  assert.equal(apply(text.replace('[AAV9, intravenous]', '[]'), 'infants'), text.replace('[AAV9, intravenous]', '[infants]'));
});

test('a feature already declared, quoted or not, is not added twice', () => {
  assert.equal(apply('---\nguidelinegraph:\n  features: [AAV9, "infants"]\n---\n', 'infants'), '(present)');
  assert.equal(apply('---\nguidelinegraph:\n  features:\n    - AAV9\n    - infants\n---\n', 'infants'), '(present)');
});

test('adds to a block list at the items\' indent', () => {
  const text = '---\nguidelinegraph:\n  features:\n    - AAV9\n    - 鞘内注射\n  guideline: cde\n---\n';
  assert.equal(apply(text, 'infants'), '---\nguidelinegraph:\n  features:\n    - AAV9\n    - 鞘内注射\n    - infants\n  guideline: cde\n---\n');
});

test('adds a features key under guidelinegraph, at its children\'s indent', () => {
  assert.equal(apply('---\nguidelinegraph:\n    guideline: cde\n---\n', 'AAV9'),
    '---\nguidelinegraph:\n    features: [AAV9]\n    guideline: cde\n---\n');
});

test('adds the guidelinegraph key, or the whole front matter, when missing', () => {
  assert.equal(apply('---\ntitle: x\n---\nbody\n', 'AAV9'), '---\ntitle: x\nguidelinegraph:\n  features: [AAV9]\n---\nbody\n');
  assert.equal(apply('# 1 SUMMARY\n', 'AAV9'), '---\nguidelinegraph:\n  features: [AAV9]\n---\n\n# 1 SUMMARY\n');
});

test('a single scalar becomes a list; a list over several lines is refused with its line', () => {
  assert.equal(apply('---\nguidelinegraph:\n  features: AAV9\n---\n', 'infants'), '---\nguidelinegraph:\n  features: [AAV9, infants]\n---\n');
  const r = addFeatureToFrontMatter('---\nguidelinegraph:\n  features: [AAV9,\n    infants]\n---\n', 'LV');
  assert.equal(r.kind, 'error');
  assert.match(r.kind === 'error' ? r.message : '', /^line 3:/);
});

test('CRLF documents get CRLF lines', () => {
  assert.equal(apply('---\r\ntitle: x\r\n---\r\n', 'AAV9').split('\n')[2], 'guidelinegraph:\r');
});

test('YAML scalars are quoted only when they must be', () => {
  assert.equal(yamlScalar('AAV9'), 'AAV9');
  assert.equal(yamlScalar('first-in-human'), 'first-in-human');
  assert.equal(yamlScalar('腺相关病毒'), '腺相关病毒');
  assert.equal(yamlScalar('yes'), '"yes"');
  assert.equal(yamlScalar('a: b'), '"a: b"');
  assert.equal(yamlScalar('say "hi"'), '"say \\"hi\\""');
});
