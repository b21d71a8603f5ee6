// Owns the language client: finds and starts the server, restarts it, and sends the custom requests.
// The extension's own disposables (commands, views) live in main.ts and outlive any one client.
import * as vscode from 'vscode';
import * as os from 'node:os';
import * as fs from 'node:fs';
import { execFile } from 'node:child_process';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind, WorkDoneProgressCreateRequest } from 'vscode-languageclient/node';
import { config, section } from './config';
import { expandServerPath, hasDotnetRuntime, listedRuntimes, missingDotnetMessage, resolveServerLaunch, ServerLaunch } from './logic/serverLaunch';

const documentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'untitled' },
  { language: 'turtle' },
  { language: 'trig' },
  { language: 'sparql' },
];

export class Ctx implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private failure: string | undefined = 'the language server has not started yet';
  private readonly onDidChangeStateEmitter = new vscode.EventEmitter<void>();
  /** Fires when the client starts or stops, so that views can refresh. */
  readonly onDidChangeState = this.onDidChangeStateEmitter.event;
  readonly output = vscode.window.createOutputChannel('GuidelineGraph Language Server', { log: true });

  constructor(private readonly extension: vscode.ExtensionContext) {}

  get running(): boolean { return this.client?.state === State.Running; }

  async start(): Promise<void> {
    const launch = this.launch();
    if (typeof launch === 'string') return this.fail(launch);
    if (launch.needsDotnet) {
      const problem = await dotnetProblem();
      if (problem) return this.fail(problem);
    } else if (!fs.existsSync(launch.command)) {
      return this.fail(`guidelineGraph.serverPath points at ${launch.command}, which does not exist.`);
    }
    const serverOptions: ServerOptions = { command: launch.command, args: launch.args, transport: TransportKind.stdio };
    const clientOptions: LanguageClientOptions = {
      documentSelector,
      synchronize: {
        configurationSection: section,
        fileEvents: vscode.workspace.createFileSystemWatcher('**/ontology/**/*.{ttl,trig}'),
      },
      outputChannel: this.output,
      initializationOptions: { language: config.language(), guidelines: config.guidelines(), severity: config.severity() },
    };
    const client = new LanguageClient('guidelineGraph', 'GuidelineGraph Language Server', serverOptions, clientOptions);
    client.onDidChangeState(() => this.onDidChangeStateEmitter.fire());
    // gg lsp starts loading the ontology while it answers initialize and may announce that load's progress
    // before the client registers its own progress handler (after the initialize result); accept the
    // token, else the server's load fails. The client's handler replaces this one once it is registered.
    client.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.output.appendLine(`starting ${launch.description}`);
    try {
      await client.start();
    } catch (e) {
      return this.fail(`the language server (${launch.description}) did not start: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.client = client;
    this.failure = undefined;
    this.onDidChangeStateEmitter.fire();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.failure = 'the language server was stopped';
    if (client) await client.stop().catch(e => this.output.appendLine(`stop: ${e}`));
    this.onDidChangeStateEmitter.fire();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Sends a custom request; fails with the reason the server is not there when it is not. */
  async request<R>(method: string, params: unknown, token?: vscode.CancellationToken): Promise<R> {
    if (!this.client || !this.running) throw new Error(`GuidelineGraph: ${this.failure ?? 'the language server is not running'}`);
    return this.client.sendRequest<R>(method, params, token);
  }

  private launch(): ServerLaunch | string {
    const configured = config.serverPath();
    const bundled = this.extension.asAbsolutePath('server/gg.dll');
    if (!configured && !fs.existsSync(bundled)) {
      return `the bundled server is missing (${bundled}); reinstall the extension or set guidelineGraph.serverPath.`;
    }
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    return resolveServerLaunch(configured ? expandServerPath(configured, os.homedir(), folder) : '', bundled);
  }

  private fail(message: string): void {
    this.failure = message;
    this.output.appendLine(message);
    this.onDidChangeStateEmitter.fire();
    void vscode.window.showErrorMessage(`GuidelineGraph: ${message}`, 'Open settings', 'Show output').then(choice => {
      if (choice === 'Open settings') void vscode.commands.executeCommand('workbench.action.openSettings', `${section}.serverPath`);
      if (choice === 'Show output') this.output.show();
    });
  }

  dispose(): void {
    void this.stop();
    this.onDidChangeStateEmitter.dispose();
    this.output.dispose();
  }
}

/** undefined when `dotnet` runs and has the runtime the bundled server targets; else what is wrong. */
function dotnetProblem(): Promise<string | undefined> {
  return new Promise(resolve => {
    execFile('dotnet', ['--list-runtimes'], { timeout: 15000 }, (error, stdout) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') return resolve(missingDotnetMessage(undefined));
      if (error) return resolve(missingDotnetMessage(listedRuntimes(stdout ?? '')));
      resolve(hasDotnetRuntime(stdout) ? undefined : missingDotnetMessage(listedRuntimes(stdout)));
    });
  });
}
