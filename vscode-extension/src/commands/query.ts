// "Run SPARQL query": the current .rq/.sparql file against the server's graph, results in a webview.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { Methods, RunQueryResult } from '../lsp_ext';
import type { QueryPanel } from '../views/queryPanel';

export async function runQuery(ctx: Ctx, panel: QueryPanel, arg?: unknown): Promise<void> {
  const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'sparql') {
    void vscode.window.showWarningMessage('GuidelineGraph: open a SPARQL query (.rq or .sparql) to run it.');
    return;
  }
  const started = Date.now();
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'GuidelineGraph: running query', cancellable: true },
      (_, token) => ctx.request<RunQueryResult>(Methods.runQuery, { textDocument: { uri: document.uri.toString() } }, token));
    panel.show(document.uri, result, Date.now() - started);
  } catch (e) {
    void vscode.window.showErrorMessage(`GuidelineGraph: query failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
