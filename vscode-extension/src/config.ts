// Typed getters over the "guidelineGraph" settings. serverPath needs a restart; the rest reach the
// server as workspace/didChangeConfiguration (the client syncs the whole section).
import * as vscode from 'vscode';
import type { Language } from './lsp_ext';

export const section = 'guidelineGraph';
export const restartSettings = [`${section}.serverPath`];

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

function get<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration(section).get<T>(key) ?? fallback;
}

export const config = {
  serverPath: (): string => get('serverPath', ''),
  guidelines: (): string[] => get<string[]>('guidelines', []),
  language: (): Language => (get<string>('language', 'en') === 'zh' ? 'zh' : 'en'),
  severity: (): Record<'shall' | 'should' | 'may', Severity> =>
    ({ shall: 'error', should: 'warning', may: 'information', ...get<Partial<Record<'shall' | 'should' | 'may', Severity>>>('severity', {}) }),
};

/** Writes a setting where the user keeps it: the workspace when it overrides there, else user settings. */
export async function updateSetting(key: string, value: unknown): Promise<void> {
  const conf = vscode.workspace.getConfiguration(section);
  const inspected = conf.inspect(key);
  const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await conf.update(key, value, target);
}
