// The active protocol and its required controls, fetched from the server when the protocol, its
// diagnostics, the settings or the server change. The tree and the status bar both listen to it.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { Methods, RequiredControlsResult } from '../lsp_ext';

export interface ProtocolState { uri: vscode.Uri; result: RequiredControlsResult }

export class ProtocolModel implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ProtocolState | undefined>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private protocolUri: vscode.Uri | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pending: vscode.CancellationTokenSource | undefined;
  current: ProtocolState | undefined;

  constructor(private readonly ctx: Ctx) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(e => this.follow(e?.document)),
      vscode.languages.onDidChangeDiagnostics(e => {
        if (this.protocolUri && e.uris.some(u => u.toString() === this.protocolUri!.toString())) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('guidelineGraph')) this.schedule(); }),
      ctx.onDidChangeState(() => this.schedule()),
    );
    this.follow(vscode.window.activeTextEditor?.document);
  }

  /** The protocol the views describe: the active Markdown document, else the last one. */
  get uri(): vscode.Uri | undefined { return this.protocolUri; }

  private follow(document: vscode.TextDocument | undefined): void {
    if (!document || document.languageId !== 'markdown') return;
    if (this.protocolUri?.toString() === document.uri.toString()) return;
    this.protocolUri = document.uri;
    this.schedule();
  }

  /** Coalesces bursts of triggers (a diagnostics update per keystroke) into one request. */
  schedule(delayMs = 150): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { void this.refresh(); }, delayMs);
  }

  /** Asks the server now; resolves to the new state (undefined: no protocol, or not one the server checks). */
  async refresh(uri: vscode.Uri | undefined = this.protocolUri): Promise<ProtocolState | undefined> {
    if (uri) this.protocolUri = uri;
    this.pending?.cancel();
    if (!uri || !this.ctx.running) return this.set(undefined);
    const source = this.pending = new vscode.CancellationTokenSource();
    try {
      const result = await this.ctx.request<RequiredControlsResult | null>(Methods.requiredControls,
        { textDocument: { uri: uri.toString() } }, source.token);
      if (source.token.isCancellationRequested) return this.current;
      return this.set(result && result.groups ? { uri, result } : undefined);
    } catch (e) {
      if (source.token.isCancellationRequested) return this.current;
      this.ctx.output.appendLine(`requiredControls ${uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
      return this.set(undefined);
    }
  }

  private set(state: ProtocolState | undefined): ProtocolState | undefined {
    this.current = state;
    this.emitter.fire(state);
    return state;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending?.cancel();
    for (const d of this.disposables) d.dispose();
  }
}
