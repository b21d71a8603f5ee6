// Drives code-server in headless chromium (playwright-core): opens the sample protocol, waits for the
// server's diagnostics, opens the Problems panel and the Required-controls view, applies a quick fix and
// sees its diagnostic clear, then runs a SPARQL file and reads the results table. Asserts on the DOM and
// saves a screenshot per step in the output folder. Usage: node e2e.cjs URL OUTPUT_DIR
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');
const { chromium } = require('playwright-core');

const [url, outDir] = process.argv.slice(2);
const t0 = Date.now();
const log = s => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`);
const summary = {};

async function main(page) {
  const shot = async name => { await page.screenshot({ path: path.join(outDir, `${name}.png`) }); log(`screenshot ${name}.png`); };
  const command = async title => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(title);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 20000 });
    await page.keyboard.press('Enter');
  };
  const open = async file => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(file);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${file}"]`, { timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tab.active[aria-label*="${file}"]`, { timeout: 20000 });
    await page.waitForSelector('.monaco-editor .view-lines');
  };
  /** All problems, as the status bar counts them (errors + warnings + infos); the panel's list is virtual. */
  const problemCount = () => page.$eval('[id="status.problems"]', e => (e.innerText.match(/\d+/g) || []).reduce((a, n) => a + Number(n), 0));
  /** Problems-panel rows that are our diagnostics (they show the requirement id as the code); only the rendered ones. */
  const problemRows = () => page.$$eval('.markers-panel .monaco-list-row',
    rows => rows.map(r => r.innerText.replace(/\s+/g, ' ').trim()).filter(t => /cde:r-/.test(t)));

  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  log('workbench ready');

  const steps = {};
  // 1. The protocol: the server's diagnostics show as squiggles and in the Problems panel.
  steps.diagnostics = async () => {
  await open('sma-aav9-infants.md');
  await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning', { timeout: 60000 });
  log('diagnostics in the editor');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 20000 });
  await page.waitForFunction(() => document.querySelectorAll('.markers-panel .monaco-list-row').length > 1);
  const before = await problemRows();
  summary.diagnosticsBefore = await problemCount();
  log(`problems: ${summary.diagnosticsBefore} diagnostics, e.g. ${before[0]}`);
  assert.ok(before.length >= 3 && summary.diagnosticsBefore >= before.length, `expected several GuidelineGraph diagnostics, got ${before.length}`);
  assert.ok(before.some(t => /GuidelineGraph/.test(t)), 'the diagnostics name their source, GuidelineGraph');
  await shot('problems');
  };

  // 2. The Required-controls view and the status bar.
  steps.requiredControls = async () => {
  await command('GuidelineGraph: Show required controls');
  // The command focuses the view, so the side bar shows the GuidelineGraph container and nothing else.
  const sideBarRows = '[id="workbench.parts.sidebar"] .monaco-list-row[aria-level]';
  await page.waitForFunction(sel => [...document.querySelectorAll(sel)]
    .some(r => r.getAttribute('aria-level') === '2' && /shall|should|may/.test(r.textContent || '')), sideBarRows, { timeout: 30000 });
  const treeRows = await page.$$eval(sideBarRows, rows => rows
    .map(r => ({ level: r.getAttribute('aria-level'), text: r.innerText.replace(/\s+/g, ' ').trim() })));
  summary.treeSections = treeRows.filter(r => r.level === '1').length;
  summary.treeItems = treeRows.filter(r => r.level === '2').length;
  log(`required controls: ${summary.treeSections} sections, ${summary.treeItems} items; first: ${treeRows.slice(0, 2).map(r => r.text).join(' | ')}`);
  assert.ok(summary.treeSections >= 1 && summary.treeItems >= summary.treeSections, 'the tree has M11 sections with items');
  assert.ok(treeRows.some(r => r.level === '1' && /^\d+(\.\d+)* /.test(r.text)), 'sections are labelled with their M11 number');
  const status = await page.$$eval('.statusbar-item', items => items.map(i => i.textContent || '').find(t => / shall /.test(t)) || '');
  summary.statusBar = status.trim();
  log(`status bar: ${summary.statusBar}`);
  assert.match(summary.statusBar, /\d+ shall +\d+ should/);
  await shot('required-controls');

  // Clicking an item selects its evidence or target in the protocol and shows the clause.
  await page.locator(`${sideBarRows}[aria-level="2"]`).first().click();
  await page.waitForSelector('.notifications-toasts .notification-toast', { timeout: 15000 });
  const toast = await page.locator('.notifications-toasts .notification-toast').first().innerText();
  summary.clauseToast = toast.replace(/\s+/g, ' ').slice(0, 160);
  assert.match(toast, /Clause \S+/);
  await shot('clause');
  await page.keyboard.press('Escape');
  };

  // 3. A quick fix: go to the first problem in the editor, apply its first fix, see the diagnostic clear.
  steps.quickFix = async () => {
  const before = await problemCount();
  await open('sma-aav9-infants.md');
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  await page.waitForSelector('.marker-widget', { timeout: 15000 });
  const marker = await page.locator('.marker-widget').first().innerText();
  const code = (/cde:r-[\w.\-]+/.exec(marker) || [])[0];
  assert.ok(code, `the problem under the cursor has a requirement code: ${marker.slice(0, 200)}`);
  await page.keyboard.press('Escape');
  // The server computes fixes on request; right after a re-analysis it may have none yet: ask again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    const shown = await page.waitForSelector('.action-widget .monaco-list-row.action', { timeout: 5000 }).then(() => true, () => false);
    if (shown) break;
    assert.ok(attempt < 5, 'no quick fix offered for the problem under the cursor');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
  const actions = await page.$$eval('.action-widget .monaco-list-row.action', rows => rows.map(r => r.innerText.trim()));
  log(`quick fixes for ${code}: ${JSON.stringify(actions)}`);
  const fix = actions.findIndex(a => /insert|add|section/i.test(a));
  // The first action is focused; the list is keyboard-driven (a click can land on its scroll shadow).
  for (let i = 0; i < Math.max(fix, 0); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  summary.quickFix = { code, applied: actions[fix >= 0 ? fix : 0] };
  await page.waitForFunction(c => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some(r => (r.textContent || '').includes(c)),
    code, { timeout: 30000 });
  await page.waitForFunction(n => {
    const e = document.querySelector('[id="status.problems"]');
    return ((e && e.innerText.match(/\d+/g)) || []).reduce((a, x) => a + Number(x), 0) < n;
  }, before, { timeout: 30000 });
  summary.diagnosticsBefore = before;
  summary.diagnosticsAfter = await problemCount();
  log(`after the fix: ${summary.diagnosticsAfter} diagnostics (was ${before}); ${code} cleared`);
  await shot('quick-fix');
  };

  // 4. Explain requirement: the server's proof tree for r-3.1-p3-s2a (3.1 ¶3, justify enrolling children in
  // a first-in-human trial), which applies because the profile declares infants (children) and
  // first-in-human. Shown in a read-only editor.
  steps.explain = async () => {
  const requirement = 'cde:r-3.1-p3-s2a';
  await open('sma-aav9-infants.md');
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+End'); // off the diagnostics of line 1, so the command asks which requirement
  await command('GuidelineGraph: Explain requirement');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(requirement);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.tab.active[aria-label*="cde%3Ar-3.1-p3-s2a"], .tab.active[aria-label*="r-3.1-p3-s2a"]', { timeout: 20000 });
  await page.waitForFunction(() => /3\.1\s¶3/.test(document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent || ''),
    null, { timeout: 20000 });
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
  summary.explanation = text.split('\n').slice(0, 6).join(' / ').slice(0, 300);
  log(`explanation: ${summary.explanation}`);
  assert.match(text, /children/);
  assert.match(text, /infants/);
  assert.match(text, /first-in-human/);
  await shot('explain-requirement');
  };

  // 5. A SPARQL file: run it, read the results table in the webview, sort it.
  steps.sparql = async () => {
  await open('long-term-follow-up-clauses.rq');
  await command('GuidelineGraph: Run SPARQL query');
  const results = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  await results.locator('#results tbody tr').first().waitFor({ timeout: 30000 });
  const rows = await results.locator('#results tbody tr').allInnerTexts();
  summary.sparqlRows = rows.length;
  log(`SPARQL results: ${rows.length} rows: ${rows.join(' | ')}`);
  // The four clauses whose requirements demand long-term follow-up (README, gg query of the same file).
  assert.equal(rows.length, 4);
  assert.match(rows[0], /3\.5 ¶3/);
  await results.locator('#results th', { hasText: '?number' }).click();
  await results.locator('#results th', { hasText: '?number' }).click();
  const sorted = await results.locator('#results tbody tr td:nth-child(2)').allInnerTexts();
  assert.deepEqual(sorted, ['4.2 ¶1', '4.1 ¶6', '3.5 ¶4', '3.5 ¶3']);
  await shot('sparql-results');
  };

  // Each step runs even when an earlier one failed (the SPARQL step needs no protocol), so that one
  // run shows everything that is wrong; a step after a failed one starts from a quiet workbench.
  const failed = [];
  for (const [name, step] of Object.entries(steps)) {
    try {
      await step();
      log(`step ${name}: passed`);
    } catch (e) {
      failed.push(name);
      console.error(`step ${name} FAILED: ${e && e.stack || e}`);
      await shot(`failure-${name}`).catch(() => {});
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    }
  }
  summary.failedSteps = failed;
  if (failed.length) throw new Error(`failed steps: ${failed.join(', ')}`);
}

(async () => {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(process.env.TMPDIR || os.tmpdir(), 'pw-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM, headless: true, viewport: { width: 1500, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  page.setDefaultTimeout(30000);
  let rc = 0;
  try {
    await main(page);
    log('e2e passed');
  } catch (e) {
    rc = 1;
    console.error(`e2e FAILED: ${e && e.message || e}`);
  }
  fs.writeFileSync(path.join(outDir, 'e2e-summary.json'), JSON.stringify({ passed: rc === 0, ...summary }, null, 2) + '\n');
  await ctx.close();
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(rc);
})();
