// The traceability-matrix webview: the server's self-contained page, with export to XLSX, CSV and HTML
// done by the server (guidelineGraph/exportMatrix) so that the CLI and the editor write the same files.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Ctx } from '../ctx';
import { ExportMatrixResult, MatrixFormat, Methods, TraceabilityMatrixResult } from '../lsp_ext';
import { injectIntoPage } from '../logic/html';
import { askSavePath, offerToOpen, pageParts } from './webviewPage';

const formats: Record<MatrixFormat, { label: string; filter: Record<string, string[]> }> = {
  xlsx: { label: 'Export XLSX', filter: { Excel: ['xlsx'] } },
  csv: { label: 'Export CSV', filter: { CSV: ['csv'] } },
  html: { label: 'Export HTML', filter: { HTML: ['html'] } },
};

export class MatrixPanel implements vscode.Disposable {
  static readonly viewType = 'guidelineGraph.traceabilityMatrix';
  private panel: vscode.WebviewPanel | undefined;
  private protocol: vscode.Uri | undefined;

  constructor(private readonly ctx: Ctx, private readonly extensionUri: vscode.Uri) {}

  async show(protocol: vscode.Uri): Promise<void> {
    const matrix = await this.ctx.request<TraceabilityMatrixResult>(Methods.traceabilityMatrix, { textDocument: { uri: protocol.toString() } });
    this.protocol = protocol;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(MatrixPanel.viewType, 'Traceability matrix', vscode.ViewColumn.Beside,
        { enableScripts: true, enableFindWidget: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'out', 'webview')] });
      this.panel.onDidDispose(() => { this.panel = undefined; });
      this.panel.webview.onDidReceiveMessage(m => { if (m?.command === 'export' && m.format in formats) void this.export(m.format); });
    }
    const name = path.basename(protocol.path);
    this.panel.title = `Traceability: ${name}`;
    const parts = pageParts(this.panel.webview, this.extensionUri, 'matrixToolbar.js', `Traceability matrix: ${name} (${matrix.rows.length} rows)`,
      (Object.keys(formats) as MatrixFormat[]).map(format => ({ format, label: formats[format].label })), true);
    this.panel.webview.html = injectIntoPage(matrix.html, parts.head, parts.toolbar);
    this.panel.reveal();
  }

  private async export(format: MatrixFormat): Promise<void> {
    const protocol = this.protocol;
    if (!protocol) return;
    const base = path.basename(protocol.path).replace(/\.[^.]+$/, '');
    const target = await askSavePath(protocol, `${base}.traceability.${format}`, formats[format].filter);
    if (!target) return;
    try {
      const written = await this.ctx.request<ExportMatrixResult>(Methods.exportMatrix,
        { textDocument: { uri: protocol.toString() }, format, path: target.fsPath });
      await offerToOpen(vscode.Uri.file(written.path), 'Traceability matrix');
    } catch (e) {
      void vscode.window.showErrorMessage(`GuidelineGraph: export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void { this.panel?.dispose(); }
}
