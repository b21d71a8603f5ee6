import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, injectIntoPage, scriptJson } from '../../src/logic/html';
import { guidelineChoices, guidelinesQuery } from '../../src/logic/guidelines';
import { localize } from '../../src/logic/text';

test('the toolbar goes right after <body>, the head parts before </head>', () => {
  const page = '<!DOCTYPE html><html><head><title>m</title></head><body class="x"><table></table></body></html>';
  assert.equal(injectIntoPage(page, '<meta a>', '<div id=t></div>'),
    '<!DOCTYPE html><html><head><title>m</title><meta a></head><body class="x"><div id=t></div><table></table></body></html>');
});

test('a page without a head gets one; a fragment is wrapped', () => {
  assert.equal(injectIntoPage('<html><BODY><p>x</p></BODY></html>', '<meta a>', '<b>'), '<html><head><meta a></head><BODY><b><p>x</p></BODY></html>');
  assert.equal(injectIntoPage('<table></table>', '<meta a>', '<b>'), '<!DOCTYPE html><html><head><meta a></head><body><b><table></table></body></html>');
});

test('text and JSON are safe inside HTML and <script>', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  const json = scriptJson({ v: '</script><script>alert(1)</script>' });
  assert.ok(!json.includes('</script>'));
  assert.deepEqual(JSON.parse(json), { v: '</script><script>alert(1)</script>' });
});

test('localized text falls back to the other language, then to a plain string', () => {
  assert.equal(localize({ en: 'vector', zh: '载体' }, 'zh'), '载体');
  assert.equal(localize({ en: 'vector' }, 'zh'), 'vector');
  assert.equal(localize('plain', 'en'), 'plain');
  assert.equal(localize(undefined, 'en'), '');
});

test('guidelines come from one query in the configured language', () => {
  assert.match(guidelinesQuery('zh'), /langMatches\(lang\(\?t\), "zh"\)/);
  assert.deepEqual(guidelineChoices({ kind: 'select', variables: ['id', 'title'], rows: [
    { id: { type: 'literal', value: 'cde-2024-rare-disease-gt' }, title: { type: 'literal', value: '罕见病基因治疗', 'xml:lang': 'zh' } },
    { id: { type: 'literal', value: 'fda-2020-ltfu' } },
    { title: { type: 'literal', value: 'no id' } },
  ] }), [{ id: 'cde-2024-rare-disease-gt', title: '罕见病基因治疗' }, { id: 'fda-2020-ltfu', title: 'fda-2020-ltfu' }]);
});
