// "Add feature to profile": writes a feature id into the protocol's front matter.
import * as vscode from 'vscode';
import { config } from '../config';
import { addFeatureToFrontMatter } from '../logic/frontMatter';
import { localize } from '../logic/text';
import type { ProtocolModel } from '../views/protocolModel';
import { activeProtocol } from './protocol';

export async function addFeatureToProfile(model: ProtocolModel, featureId?: unknown): Promise<void> {
  const uri = activeProtocol(model);
  if (!uri) return;
  const id = typeof featureId === 'string' ? featureId : await pickFeature(model);
  if (!id) return;
  const document = await vscode.workspace.openTextDocument(uri);
  const result = addFeatureToFrontMatter(document.getText(), id);
  if (result.kind === 'present') {
    void vscode.window.showInformationMessage(`GuidelineGraph: "${id}" is already in the profile.`);
    return;
  }
  if (result.kind === 'error') {
    void vscode.window.showErrorMessage(`GuidelineGraph: cannot add "${id}" to the front matter: ${result.message}`);
    return;
  }
  const { line, start, end, text } = result.edit;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(line, start, line, end), text);
  await vscode.workspace.applyEdit(edit);
}

/** Features the server detected in the text but the profile does not declare, or any id typed in. */
async function pickFeature(model: ProtocolModel): Promise<string | undefined> {
  const language = config.language();
  const detected = (model.current?.result.profile ?? []).filter(p => p.source.toLowerCase() === 'detected');
  const other = '$(edit) Another feature id…';
  const items = [...detected.map(p => ({ label: p.id, description: localize(p.label, language), detail: 'detected in the text' })), { label: other }];
  const choice = detected.length
    ? (await vscode.window.showQuickPick(items, { title: 'Add feature to profile', placeHolder: 'Feature to declare in the front matter' }))?.label
    : other;
  if (choice !== other) return choice;
  return vscode.window.showInputBox({ title: 'Add feature to profile', prompt: 'Feature id or label (English or 中文)', placeHolder: 'AAV9' });
}
