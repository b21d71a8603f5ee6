// Commands on the active protocol: check it, show its required controls, open one of them, and its
// traceability matrix.
import * as vscode from 'vscode';
import { config } from '../config';
import type { RequiredControlItem, Range } from '../lsp_ext';
import { allItems, clauseMessage, countItems, jumpTarget } from '../logic/requiredControls';
import type { ProtocolModel } from '../views/protocolModel';
import type { RequiredControlsTree } from '../views/requiredControlsTree';
import type { MatrixPanel } from '../views/matrixPanel';

/** The protocol a command acts on: the active Markdown editor's document, else the one the views show. */
export function activeProtocol(model: ProtocolModel): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor.document.uri;
  return model.uri;
}

function noProtocol(): undefined {
  void vscode.window.showWarningMessage('GuidelineGraph: open a protocol first (Markdown with a "guidelinegraph:" front-matter key).');
  return undefined;
}

export async function checkProtocol(model: ProtocolModel): Promise<void> {
  const uri = activeProtocol(model);
  if (!uri) return noProtocol();
  const state = await model.refresh(uri);
  const name = vscode.workspace.asRelativePath(uri);
  if (!state) {
    void vscode.window.showWarningMessage(`GuidelineGraph: ${name} is not a protocol the server checks (no "guidelinegraph:" front matter, or the server is not running).`);
    return;
  }
  const c = countItems(allItems(state.result));
  const summary = `${name}: ${c.missingShall} shall, ${c.missingShould} should and ${c.missingMay} may requirements missing; ${c.addressed} addressed, ${c.waived} waived.`;
  const choice = await vscode.window.showInformationMessage(`GuidelineGraph: ${summary}`, 'Show problems', 'Show required controls');
  if (choice === 'Show problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  if (choice === 'Show required controls') await vscode.commands.executeCommand('guidelineGraph.showRequiredControls');
}

export async function showRequiredControls(model: ProtocolModel, tree: RequiredControlsTree): Promise<void> {
  await tree.reveal();
  const uri = activeProtocol(model);
  if (uri) await model.refresh(uri);
}

const toRange = (r: Range) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** A tree item was clicked: select its evidence (or where its text belongs) and show its clause. */
export async function openRequirement(uri: vscode.Uri, item: RequiredControlItem): Promise<void> {
  const range = toRange(jumpTarget(item));
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const choice = await vscode.window.showInformationMessage(clauseMessage(item, config.language()), 'Explain');
  if (choice === 'Explain') await vscode.commands.executeCommand('guidelineGraph.explainRequirement', { requirementId: item.requirementId, uri });
}

export async function generateMatrix(model: ProtocolModel, panel: MatrixPanel): Promise<void> {
  const uri = activeProtocol(model);
  if (!uri) return noProtocol();
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'GuidelineGraph: traceability matrix' },
    () => panel.show(uri));
}
