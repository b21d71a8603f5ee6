// The "Required controls" tree: the active protocol's requirements grouped by ICH M11 section.
import * as vscode from 'vscode';
import { config } from '../config';
import type { RequiredControlGroup, RequiredControlItem } from '../lsp_ext';
import { groupDescription, groupLabel, iconFor, itemDescription, itemLabel, itemTooltip, orderGroups, statusOf } from '../logic/requiredControls';
import type { ProtocolModel } from './protocolModel';

export type Node =
  | { kind: 'group'; group: RequiredControlGroup }
  | { kind: 'item'; item: RequiredControlItem; uri: vscode.Uri };

export class RequiredControlsTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  static readonly viewId = 'guidelineGraph.requiredControls';
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: ProtocolModel) {
    this.view = vscode.window.createTreeView(RequiredControlsTree.viewId, { treeDataProvider: this, showCollapseAll: true });
    this.subscription = model.onDidChange(state => {
      this.view.description = state ? vscode.workspace.asRelativePath(state.uri) : undefined;
      this.emitter.fire(undefined);
    });
  }

  getChildren(node?: Node): Node[] {
    const state = this.model.current;
    if (!state) return [];
    if (!node) return orderGroups(state.result).map(group => ({ kind: 'group', group }));
    return node.kind === 'group' ? node.group.items.map(item => ({ kind: 'item', item, uri: state.uri })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const language = config.language();
    if (node.kind === 'group') {
      const t = new vscode.TreeItem(groupLabel(node.group, language), vscode.TreeItemCollapsibleState.Expanded);
      t.description = groupDescription(node.group, language);
      t.iconPath = new vscode.ThemeIcon('symbol-namespace');
      t.contextValue = 'section';
      t.id = `section:${node.group.m11Section}`;
      return t;
    }
    const { item } = node;
    const t = new vscode.TreeItem(itemLabel(item, language), vscode.TreeItemCollapsibleState.None);
    const icon = iconFor(item);
    t.description = itemDescription(item, language);
    t.tooltip = new vscode.MarkdownString(itemTooltip(item, language));
    t.iconPath = new vscode.ThemeIcon(icon.id, new vscode.ThemeColor(icon.color));
    t.contextValue = `requirement.${statusOf(item)}`;
    t.id = `requirement:${item.requirementId}:${item.control.id}`;
    t.command = { command: 'guidelineGraph.openRequirement', title: 'Go to requirement', arguments: [node.uri, item] };
    return t;
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${RequiredControlsTree.viewId}.focus`);
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.emitter.dispose();
  }
}
