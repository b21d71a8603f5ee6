// A scripted editor session against the real `gg lsp` over stdio, on vscode-languageserver-protocol (the
// protocol library under VS Code's own client). The C# test writes a scenario file and checks the transcript
// this script prints as one JSON object on stdout; assertions live in the test, not here.
//
// Usage: node e2e.cjs SCENARIO.json
// Scenario: { server: [argv...], file, languageId, settings, timeoutMs,
//             fix: { after, insert },          insert text after the first line containing `after`
//             hover: { at },                  hover on the first occurrence of `at` (its first character)
//             codeAction: { code, title },    quick fix of the diagnostic with `code`, title containing one of `title`'s |-separated words
//             declare: { at } }               optional: the code action on the feature mentioned at `at` that adds it to the
//                                             profile, then the required-controls tree's profile
const fs = require('node:fs');
const cp = require('node:child_process');
const { pathToFileURL } = require('node:url');
const lsp = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const scenario = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const timeoutMs = scenario.timeoutMs || 30000;
const uri = pathToFileURL(scenario.file).href;
const transcript = { steps: [] };
const step = name => transcript.steps.push(name);

const server = cp.spawn(scenario.server[0], scenario.server.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
let serverLog = '';
server.stderr.on('data', chunk => { serverLog = (serverLog + chunk).slice(-20000); });
const exited = new Promise(resolve => server.on('exit', code => resolve(code)));
const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(server.stdout), new lsp.StreamMessageWriter(server.stdin));

let doc = TextDocument.create(uri, scenario.languageId, 1, fs.readFileSync(scenario.file, 'utf8'));
const published = [];
let waiters = [];
conn.onNotification(lsp.PublishDiagnosticsNotification.type, p => {
  if (p.uri !== uri) return;
  published.push(p);
  waiters = waiters.filter(w => !w(p));
});
conn.onRequest(lsp.ConfigurationRequest.type, p => p.items.map(i => (i.section === 'guidelineGraph' ? scenario.settings : null)));
conn.onRequest(lsp.RegistrationRequest.type, () => null);
conn.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => null);
conn.onRequest(lsp.ApplyWorkspaceEditRequest.type, async p => {
  transcript.serverAppliedEdit = true;
  await applyWorkspaceEdit(p.edit);
  return { applied: true };
});
conn.onNotification(lsp.LogMessageNotification.type, () => {});
conn.listen();

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The diagnostics published for exactly this document version (a publish for an older one is never accepted). */
function diagnosticsFor(version) {
  const earlier = published.find(p => p.version === version);
  if (earlier) return Promise.resolve(earlier);
  return within(new Promise(resolve => waiters.push(p => (p.version === version ? (resolve(p), true) : false))),
    `diagnostics of version ${version}`);
}

const summary = p => p.diagnostics.map(d => ({
  code: String(d.code), severity: d.severity, line: d.range.start.line, character: d.range.start.character,
  message: d.message, source: d.source, related: (d.relatedInformation || []).length,
}));

/** Sends edits to the server as one incremental didChange, last position first so earlier ranges stay valid. */
async function changeDocument(edits) {
  const ordered = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  const changes = ordered.map(e => ({ range: e.range, text: e.newText }));
  doc = TextDocument.update(doc, changes, doc.version + 1);
  await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: doc.version }, contentChanges: changes });
}

async function applyWorkspaceEdit(edit) {
  const edits = [];
  for (const change of edit.documentChanges || []) if (change.textDocument && change.textDocument.uri === uri) edits.push(...change.edits);
  for (const [target, list] of Object.entries(edit.changes || {})) if (target === uri) edits.push(...list);
  if (edits.length === 0) throw new Error('the workspace edit has no edit for the open document: ' + JSON.stringify(edit));
  await changeDocument(edits);
}

function positionOf(text) {
  const offset = doc.getText().indexOf(text);
  if (offset < 0) throw new Error(`"${text}" is not in the document`);
  return doc.positionAt(offset);
}

const hoverText = h => {
  if (!h) return null;
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map(x => (typeof x === 'string' ? x : x.value)).join('\n');
  return c.value;
};

(async () => {
  const init = await within(conn.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid, rootUri: pathToFileURL(scenario.root).href,
    workspaceFolders: [{ uri: pathToFileURL(scenario.root).href, name: 'root' }],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, resolveSupport: { properties: ['edit'] } },
      },
      window: { workDoneProgress: true },
    },
  }), 'initialize');
  transcript.serverName = init.serverInfo && init.serverInfo.name;
  transcript.textDocumentSync = init.capabilities.textDocumentSync;
  await conn.sendNotification(lsp.InitializedNotification.type, {});
  await conn.sendNotification(lsp.DidChangeConfigurationNotification.type, { settings: { guidelineGraph: scenario.settings } });
  step('initialize');

  await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: scenario.languageId, version: 1, text: doc.getText() } });
  transcript.opened = summary(await diagnosticsFor(1));
  step('open');

  const anchor = positionOf(scenario.fix.after);
  const endOfAnchorLine = { line: anchor.line, character: doc.getText({ start: { line: anchor.line, character: 0 }, end: { line: anchor.line + 1, character: 0 } }).replace(/\r?\n$/, '').length };
  await changeDocument([{ range: { start: endOfAnchorLine, end: endOfAnchorLine }, newText: '\n' + scenario.fix.insert }]);
  transcript.fixed = summary(await diagnosticsFor(doc.version));
  step('fix');

  const hover = await within(conn.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: positionOf(scenario.hover.at) }), 'hover');
  transcript.hover = hoverText(hover);
  step('hover');

  const target = (published[published.length - 1].diagnostics || []).find(d => String(d.code) === scenario.codeAction.code);
  if (!target) throw new Error(`no diagnostic ${scenario.codeAction.code} to fix`);
  const actions = await within(conn.sendRequest(lsp.CodeActionRequest.type, {
    textDocument: { uri }, range: target.range, context: { diagnostics: [target], triggerKind: 1 } }), 'codeAction') || [];
  transcript.actionTitles = actions.map(a => a.title);
  const titles = scenario.codeAction.title.split('|').map(t => t.toLowerCase());
  let action = actions.find(a => titles.some(t => a.title.toLowerCase().includes(t)));
  if (!action) throw new Error(`no code action titled "${scenario.codeAction.title}" among ${JSON.stringify(transcript.actionTitles)}`);
  if (!action.edit && !action.command && init.capabilities.codeActionProvider && init.capabilities.codeActionProvider.resolveProvider)
    action = await within(conn.sendRequest(lsp.CodeActionResolveRequest.type, action), 'codeAction/resolve');
  const before = doc.version;
  if (action.edit) await applyWorkspaceEdit(action.edit);
  if (action.command) await within(conn.sendRequest(lsp.ExecuteCommandRequest.type, { command: action.command.command, arguments: action.command.arguments }), 'executeCommand');
  if (doc.version === before) throw new Error('the code action changed nothing: ' + JSON.stringify(action));
  transcript.action = { title: action.title, kind: action.kind };
  transcript.afterAction = summary(await diagnosticsFor(doc.version));
  transcript.textAfterAction = doc.getText();
  step('codeAction');

  if (scenario.declare) {
    const at = positionOf(scenario.declare.at);
    const offered = await within(conn.sendRequest(lsp.CodeActionRequest.type, {
      textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], triggerKind: 1 } }), 'codeAction on a feature') || [];
    const declare = offered.find(a => a.edit && / to the profile$|加入特征组合$/.test(a.title));
    if (!declare) throw new Error(`no action adding the feature at "${scenario.declare.at}" among ${JSON.stringify(offered.map(a => a.title))}`);
    await applyWorkspaceEdit(declare.edit);
    await diagnosticsFor(doc.version);
    const tree = await within(conn.sendRequest('guidelineGraph/requiredControls', { textDocument: { uri } }), 'requiredControls');
    transcript.declared = { title: declare.title, kind: declare.kind };
    transcript.profileAfterDeclare = tree.profile.map(f => ({ id: f.id, source: f.source }));
    transcript.textAfterDeclare = doc.getText();
    step('declare');
  }

  await within(conn.sendRequest(lsp.ShutdownRequest.type), 'shutdown');
  await conn.sendNotification(lsp.ExitNotification.type);
  transcript.exitCode = await within(exited, 'the server to exit');
  step('exit');
  finish(0);
})().catch(e => {
  transcript.error = String(e && e.stack || e);
  transcript.serverLog = serverLog;
  server.kill();
  finish(1);
});

// stdout is a pipe, written asynchronously: exit only once the transcript is flushed.
function finish(code) {
  process.stdout.write(JSON.stringify(transcript), () => process.exit(code));
}
