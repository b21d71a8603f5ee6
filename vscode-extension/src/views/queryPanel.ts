// The SPARQL results webview: a sortable table (select), a yes/no (ask) or Turtle (graph), with export.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { RunQueryResult } from '../lsp_ext';
import { escapeHtml, scriptJson } from '../logic/html';
import { toCsv, toJson } from '../logic/queryResults';
import { askSavePath, offerToOpen, pageParts } from './webviewPage';

export class QueryPanel implements vscode.Disposable {
  static readonly viewType = 'guidelineGraph.queryResults';
  private panel: vscode.WebviewPanel | undefined;
  private shown: { source: vscode.Uri | undefined; result: RunQueryResult } | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  show(source: vscode.Uri | undefined, result: RunQueryResult, elapsedMs: number): void {
    this.shown = { source, result };
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(QueryPanel.viewType, 'SPARQL results', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'out', 'webview')] });
      this.panel.onDidDispose(() => { this.panel = undefined; });
      this.panel.webview.onDidReceiveMessage(m => { if (m?.command === 'export') void this.export(m.format); });
    }
    const name = source ? path.basename(source.path) : 'query';
    this.panel.title = `Results: ${name}`;
    this.panel.webview.html = this.html(this.panel.webview, name, result, elapsedMs);
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  private html(webview: vscode.Webview, name: string, result: RunQueryResult, elapsedMs: number): string {
    const count = result.kind === 'select' ? `${(result.rows ?? []).length}${result.truncated ? '+' : ''} rows` : result.kind;
    const parts = pageParts(webview, this.extensionUri, 'queryTable.js', `${name}: ${count} (${elapsedMs} ms)`,
      result.kind === 'graph' ? [] : [{ format: 'csv', label: 'Export CSV' }, { format: 'json', label: 'Export JSON' }]);
    const body = result.kind === 'select' ? '<table id="results"></table>'
      : result.kind === 'ask' ? `<p id="boolean" class="ask">${result.boolean ? 'true' : 'false'}</p>`
      : `<pre id="turtle">${escapeHtml(result.turtle ?? '')}</pre>`;
    return `<!DOCTYPE html><html><head>${parts.head}</head><body>${parts.toolbar}${body}` +
      `<script type="application/json" id="result-data">${scriptJson(result)}</script></body></html>`;
  }

  private async export(format: string): Promise<void> {
    if (!this.shown || (format !== 'csv' && format !== 'json')) return;
    const { source, result } = this.shown;
    const base = source ? path.basename(source.path).replace(/\.[^.]+$/, '') : 'results';
    const target = await askSavePath(source, `${base}.${format}`, format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, Buffer.from(format === 'csv' ? toCsv(result) : toJson(result), 'utf8'));
    await offerToOpen(target, `${format.toUpperCase()} results`);
  }

  dispose(): void { this.panel?.dispose(); }
}
