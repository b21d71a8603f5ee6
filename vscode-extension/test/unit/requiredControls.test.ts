import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RequiredControlItem, RequiredControlsResult } from '../../src/lsp_ext';
import {
  clauseMessage, compareSections, countItems, groupDescription, groupLabel, iconFor, itemDescription, itemTooltip,
  jumpTarget, orderGroups, statusBarContent,
} from '../../src/logic/requiredControls';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

function item(id: string, modality: string, status: string, evidence: Array<{ line: number; text: string }> = []): RequiredControlItem {
  return {
    requirementId: id, modality, status,
    control: { id: `ggc:${id}`, label: { en: `control ${id}`, zh: `控制 ${id}` } },
    quote: { en: `quote ${id}`, zh: `引文 ${id}` },
    clause: { id: `cde:c-${id}`, number: '4.1 ¶4' },
    evidence: evidence.map(e => ({ ...e, range: range(e.line - 1, 0, e.text.length) })),
    target: range(40, 0, 0),
  };
}

const result: RequiredControlsResult = {
  profile: [
    { id: 'AAV9', label: { en: 'AAV9 vector', zh: 'AAV9 载体' }, source: 'declared' },
    { id: 'intravenous', label: { en: 'intravenous', zh: '静脉注射' }, source: 'declared' },
    { id: 'infants', label: { en: 'infants', zh: '婴儿' }, source: 'declared' },
    { id: 'rare-disease', label: { en: 'rare disease', zh: '罕见病' }, source: 'detected' },
  ],
  groups: [
    { m11Section: '10.2', title: { en: 'Safety', zh: '安全性' }, items: [item('a', 'should', 'Missing')] },
    { m11Section: '2.2.1', title: { en: 'Risk Summary', zh: '风险总结' }, items: [
      item('b', 'may', 'Missing'), item('c', 'shall', 'Addressed', [{ line: 37, text: 'weekly liver monitoring' }]),
      item('d', 'shall', 'Missing'), item('e', 'shall', 'Waived')] },
    { m11Section: '2.10', title: { en: 'Other', zh: '其他' }, items: [item('f', 'shall', 'missing')] },
  ],
};

test('M11 sections compare part by part as numbers', () => {
  assert.ok(compareSections('2.2.1', '2.10') < 0);
  assert.ok(compareSections('2.10', '10.2') < 0);
  assert.ok(compareSections('2', '2.1') < 0);
  assert.equal(compareSections('1.3', '1.3'), 0);
  assert.ok(compareSections('appendix', '11') > 0);
});

test('groups follow M11 order and items put missing shall first, addressed last', () => {
  const groups = orderGroups(result);
  assert.deepEqual(groups.map(g => g.m11Section), ['2.2.1', '2.10', '10.2']);
  assert.deepEqual(groups[0].items.map(i => i.requirementId), ['d', 'b', 'e', 'c']);
  // the answer itself is not reordered
  assert.deepEqual(result.groups[1].items.map(i => i.requirementId), ['b', 'c', 'd', 'e']);
});

test('counts missing requirements by modality, whatever the case of the status', () => {
  const c = countItems(result.groups.flatMap(g => g.items));
  assert.deepEqual(c, { missingShall: 2, missingShould: 1, missingMay: 1, addressed: 1, waived: 1, total: 6 });
});

test('status bar names up to three profile features and the missing shall/should counts', () => {
  const en = statusBarContent(result, 'en');
  assert.equal(en.text, '$(law) AAV9 vector, intravenous, infants +1  $(error) 2 shall  $(warning) 1 should');
  assert.equal(en.severity, 'error');
  assert.match(en.tooltip, /missing: 2 shall, 1 should, 1 may/);
  const zh = statusBarContent(result, 'zh');
  assert.equal(zh.text, '$(law) AAV9 载体, 静脉注射, 婴儿 +1  $(error) 2 应  $(warning) 1 建议');
  const clean = statusBarContent({ profile: [], groups: [{ m11Section: '1', title: 'Summary', items: [item('x', 'shall', 'Addressed')] }] }, 'en');
  assert.equal(clean.text, '$(law) no profile  $(error) 0 shall  $(warning) 0 should');
  assert.equal(clean.severity, 'ok');
});

test('icons: missing by modality, waived and addressed', () => {
  assert.deepEqual(iconFor(item('x', 'shall', 'Missing')), { id: 'error', color: 'problemsErrorIcon.foreground' });
  assert.deepEqual(iconFor(item('x', 'should', 'Missing')), { id: 'warning', color: 'problemsWarningIcon.foreground' });
  assert.deepEqual(iconFor(item('x', 'may', 'Missing')), { id: 'info', color: 'problemsInfoIcon.foreground' });
  assert.equal(iconFor(item('x', 'shall', 'Waived')).id, 'circle-slash');
  assert.equal(iconFor(item('x', 'shall', 'Addressed')).id, 'pass-filled');
});

test('labels and descriptions in the configured language', () => {
  assert.equal(groupLabel(result.groups[1], 'en'), '2.2.1 Risk Summary');
  assert.equal(groupLabel(result.groups[1], 'zh'), '2.2.1 风险总结');
  assert.equal(groupLabel({ m11Section: '1', title: 'Summary', items: [] }, 'zh'), '1 Summary');
  assert.equal(groupDescription(result.groups[1], 'en'), '2 missing · 1 addressed · 1 waived');
  assert.equal(groupDescription(result.groups[1], 'zh'), '2 缺失 · 1 已满足 · 1 已豁免');
  assert.equal(itemDescription(item('d', 'shall', 'Missing'), 'en'), 'shall · missing · 4.1 ¶4');
});

test('the tooltip quotes the clause in both languages, the configured one first, and lists evidence', () => {
  const t = itemTooltip(item('c', 'shall', 'Addressed', [{ line: 37, text: 'weekly liver monitoring' }]), 'zh');
  const lines = t.split('\n');
  assert.equal(lines[0], '**要求 c** (应, 已满足)');
  assert.ok(lines.indexOf('> 引文 c') < lines.indexOf('> quote c'));
  assert.ok(lines.includes('- 行 37: weekly liver monitoring'));
});

test('clicking goes to the first evidence, else to where the text belongs', () => {
  assert.deepEqual(jumpTarget(item('c', 'shall', 'Addressed', [{ line: 37, text: 'abc' }, { line: 50, text: 'x' }])), range(36, 0, 3));
  assert.deepEqual(jumpTarget(item('d', 'shall', 'Missing')), range(40, 0, 0));
  assert.equal(clauseMessage(item('d', 'shall', 'Missing'), 'en'), 'Clause 4.1 ¶4 (shall, d): quote d');
});
