// "Explain requirement": the server's proof tree (asserted feature -> derived features -> risk ->
// control -> clause) in a read-only editor.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { ExplainRequirementResult, Methods } from '../lsp_ext';
import type { ProtocolModel } from '../views/protocolModel';
import { activeProtocol } from './protocol';

export const explainScheme = 'guidelinegraph-explain';

/** Documents guidelinegraph-explain:/<requirement id>.txt?<protocol uri>, filled by the server. */
export class ExplanationProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly ctx: Ctx) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const requirementId = uri.path.replace(/^\//, '').replace(/\.txt$/, '');
    try {
      const r = await this.ctx.request<ExplainRequirementResult>(Methods.explainRequirement,
        { textDocument: { uri: uri.query }, requirementId }, token);
      return r.text;
    } catch (e) {
      return `Why does ${requirementId} apply?\n\nThe server could not say: ${e instanceof Error ? e.message : String(e)}\n`;
    }
  }
}

/** Diagnostic codes are strings or {value, target} objects. */
function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** The requirement to explain: given, under the cursor, or picked from the protocol's diagnostics. */
async function pickRequirement(model: ProtocolModel): Promise<{ requirementId: string; uri: vscode.Uri } | undefined> {
  const uri = activeProtocol(model);
  if (!uri) return undefined;
  const ours = vscode.languages.getDiagnostics(uri).filter(d => d.source === 'GuidelineGraph' && codeOf(d));
  const cursor = vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor.selection.active : undefined;
  const atCursor = cursor && ours.find(d => d.range.contains(cursor));
  if (atCursor) return { requirementId: codeOf(atCursor)!, uri };
  const picks = [...new Map(ours.map(d => [codeOf(d)!, d])).values()]
    .map(d => ({ label: codeOf(d)!, detail: d.message }));
  const choice = await pickOrType(picks);
  return choice ? { requirementId: choice, uri } : undefined;
}

/** A requirement from the diagnostics, or any id typed in (an addressed requirement has no diagnostic). */
function pickOrType(picks: vscode.QuickPickItem[]): Promise<string | undefined> {
  return new Promise(resolve => {
    const quickPick = vscode.window.createQuickPick();
    quickPick.title = 'Explain requirement';
    quickPick.placeholder = 'Requirement id, e.g. cde:r-4.1-p4-s1d (the protocol\'s missing ones are listed)';
    quickPick.matchOnDetail = true;
    quickPick.items = picks;
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.label ?? (quickPick.value.trim() || undefined));
      quickPick.hide();
    });
    quickPick.onDidHide(() => { resolve(undefined); quickPick.dispose(); });
    quickPick.show();
  });
}

export async function explainRequirement(model: ProtocolModel, arg?: unknown): Promise<void> {
  const given = argument(arg);
  const target = given ?? await pickRequirement(model);
  if (!target) return;
  const doc = vscode.Uri.from({ scheme: explainScheme, path: `/${target.requirementId}.txt`, query: target.uri.toString() });
  const document = await vscode.workspace.openTextDocument(doc);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** From the tree's inline button (a tree node) or from openRequirement ({requirementId, uri}). */
function argument(arg: unknown): { requirementId: string; uri: vscode.Uri } | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as { requirementId?: string; uri?: vscode.Uri; item?: { requirementId: string } };
  const requirementId = a.requirementId ?? a.item?.requirementId;
  return requirementId && a.uri ? { requirementId, uri: a.uri } : undefined;
}
