// Status-bar item: the protocol's profile and its missing shall/should counts; click for the tree.
import * as vscode from 'vscode';
import { config } from '../config';
import { statusBarContent } from '../logic/requiredControls';
import type { ProtocolModel, ProtocolState } from './protocolModel';

export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('guidelineGraph.profile', vscode.StatusBarAlignment.Left, 50);
  private readonly subscription: vscode.Disposable;

  constructor(model: ProtocolModel) {
    this.item.name = 'GuidelineGraph profile';
    this.item.command = 'guidelineGraph.showRequiredControls';
    this.subscription = model.onDidChange(state => this.show(state));
    this.show(model.current);
  }

  private show(state: ProtocolState | undefined): void {
    if (!state) { this.item.hide(); return; }
    const content = statusBarContent(state.result, config.language());
    this.item.text = content.text;
    this.item.tooltip = content.tooltip;
    this.item.backgroundColor = content.severity === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : content.severity === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
