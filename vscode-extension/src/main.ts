// Activation: start the language server and register the views and commands. Commands are registered
// even when the server cannot start, so that each one says why it cannot work.
import * as vscode from 'vscode';
import { Ctx } from './ctx';
import type { RequiredControlItem } from './lsp_ext';
import { restartSettings } from './config';
import { ProtocolModel } from './views/protocolModel';
import { RequiredControlsTree } from './views/requiredControlsTree';
import { ProfileStatusBar } from './views/statusBar';
import { MatrixPanel } from './views/matrixPanel';
import { QueryPanel } from './views/queryPanel';
import { checkProtocol, generateMatrix, openRequirement, showRequiredControls } from './commands/protocol';
import { explainRequirement, explainScheme, ExplanationProvider } from './commands/explain';
import { addFeatureToProfile } from './commands/profile';
import { runQuery } from './commands/query';
import { selectGuidelines, switchLanguage } from './commands/settings';

let ctx: Ctx | undefined;

export async function activate(extension: vscode.ExtensionContext): Promise<void> {
  ctx = new Ctx(extension);
  const model = new ProtocolModel(ctx);
  const tree = new RequiredControlsTree(model);
  const matrix = new MatrixPanel(ctx, extension.extensionUri);
  const results = new QueryPanel(extension.extensionUri);
  const c = ctx;
  const command = (id: string, run: (...args: unknown[]) => Promise<void>) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try { await run(...args); } catch (e) {
        void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
      }
    });

  extension.subscriptions.push(
    ctx, model, tree, matrix, results, new ProfileStatusBar(model),
    vscode.workspace.registerTextDocumentContentProvider(explainScheme, new ExplanationProvider(ctx)),
    command('guidelineGraph.checkProtocol', () => checkProtocol(model)),
    command('guidelineGraph.showRequiredControls', () => showRequiredControls(model, tree)),
    command('guidelineGraph.openRequirement', (uri, item) => openRequirement(uri as vscode.Uri, item as RequiredControlItem)),
    command('guidelineGraph.generateTraceabilityMatrix', () => generateMatrix(model, matrix)),
    command('guidelineGraph.explainRequirement', arg => explainRequirement(model, arg)),
    command('guidelineGraph.addFeatureToProfile', featureId => addFeatureToProfile(model, featureId)),
    command('guidelineGraph.runQuery', uri => runQuery(c, results, uri)),
    command('guidelineGraph.selectGuidelines', () => selectGuidelines(c)),
    command('guidelineGraph.switchLanguage', () => switchLanguage()),
    command('guidelineGraph.restartServer', () => c.restart()),
    vscode.workspace.onDidChangeConfiguration(async e => {
      if (!restartSettings.some(s => e.affectsConfiguration(s))) return;
      const choice = await vscode.window.showInformationMessage('GuidelineGraph: the server path changed.', 'Restart now');
      if (choice === 'Restart now') await c.restart();
    }),
  );
  await ctx.start();
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
