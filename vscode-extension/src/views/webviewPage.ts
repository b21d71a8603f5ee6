// The parts every GuidelineGraph webview page has: a content security policy, the toolbar of export
// buttons, the extension's script for the page, and styles that follow the editor's theme.
import * as vscode from 'vscode';
import { escapeHtml, nonce } from '../logic/html';

export interface PageParts { head: string; toolbar: string }

export const styles = `<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); background: var(--vscode-editor-background); }
  .gg-toolbar { display: flex; gap: 6px; align-items: center; padding: 6px 0; position: sticky; top: 0; background: var(--vscode-editor-background); }
  .gg-toolbar .gg-title { font-weight: 600; margin-right: auto; }
  .gg-toolbar button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 10px; cursor: pointer; }
  .gg-toolbar button:hover { background: var(--vscode-button-hoverBackground); }
  table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
  th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 8px; text-align: left; vertical-align: top; }
  th { cursor: pointer; white-space: nowrap; background: var(--vscode-editorWidget-background); }
  th[aria-sort=ascending]::after { content: ' ▲'; } th[aria-sort=descending]::after { content: ' ▼'; }
  td.uri { color: var(--vscode-textLink-foreground); }
</style>`;

/**
 * CSP, styles and script tag for a page; `allowInlineScripts` is for the server's own self-contained
 * pages, which carry inline scripts of their own.
 */
export function pageParts(webview: vscode.Webview, extensionUri: vscode.Uri, script: string, title: string,
  exports: Array<{ format: string; label: string }>, allowInlineScripts = false): PageParts {
  const n = nonce();
  const scriptSrc = allowInlineScripts ? `'unsafe-inline' ${webview.cspSource}` : `'nonce-${n}'`;
  const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource} 'unsafe-inline'; script-src ${scriptSrc};`;
  const src = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'out', 'webview', script));
  const head = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">${styles}` +
    `<script nonce="${n}" src="${src}" defer></script>`;
  const buttons = exports.map(e => `<button data-export="${escapeHtml(e.format)}">${escapeHtml(e.label)}</button>`).join('');
  return { head, toolbar: `<div class="gg-toolbar"><span class="gg-title">${escapeHtml(title)}</span>${buttons}</div>` };
}

/** Asks where to save, with a default name next to the source document. */
export async function askSavePath(source: vscode.Uri | undefined, defaultName: string, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  const folder = source && source.scheme === 'file' ? vscode.Uri.joinPath(source, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined, filters });
}

export async function offerToOpen(uri: vscode.Uri, what: string): Promise<void> {
  const choice = await vscode.window.showInformationMessage(`GuidelineGraph: ${what} saved to ${vscode.workspace.asRelativePath(uri)}`, 'Open');
  if (choice === 'Open') await vscode.commands.executeCommand('vscode.open', uri);
}
