// "Select guidelines" and "Switch language": settings the server applies without a restart.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { config, updateSetting } from '../config';
import { Methods, RunQueryResult } from '../lsp_ext';
import { guidelineChoices, guidelinesQuery } from '../logic/guidelines';

export async function selectGuidelines(ctx: Ctx): Promise<void> {
  const language = config.language();
  let choices;
  try {
    choices = guidelineChoices(await ctx.request<RunQueryResult>(Methods.runQuery, { query: guidelinesQuery(language) }));
  } catch (e) {
    void vscode.window.showErrorMessage(`GuidelineGraph: cannot list the guidelines: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const selected = new Set(config.guidelines());
  const picked = await vscode.window.showQuickPick(
    choices.map(c => ({ label: c.id, description: c.title, picked: selected.size === 0 || selected.has(c.id) })),
    { title: 'Guidelines to check protocols against', canPickMany: true });
  if (!picked) return;
  // All picked means "every loaded guideline", which also takes guidelines added later.
  await updateSetting('guidelines', picked.length === choices.length ? [] : picked.map(p => p.label));
}

export async function switchLanguage(): Promise<void> {
  const next = config.language() === 'en' ? 'zh' : 'en';
  await updateSetting('language', next);
  vscode.window.setStatusBarMessage(next === 'zh' ? 'GuidelineGraph: 中文' : 'GuidelineGraph: English', 3000);
}
