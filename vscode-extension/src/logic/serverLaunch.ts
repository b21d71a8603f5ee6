// How the language server is started: the `gg` shipped in the extension (a framework-dependent publish,
// run by `dotnet`) or the one guidelineGraph.serverPath names.
import * as path from 'node:path';

export interface ServerLaunch { command: string; args: string[]; needsDotnet: boolean; description: string }

export const requiredDotnetMajor = 10;

/** serverPath with `~` and a path relative to the first workspace folder resolved. */
export function expandServerPath(serverPath: string, home: string, workspaceFolder: string | undefined): string {
  let p = serverPath.trim();
  if (p === '~' || p.startsWith('~/')) p = path.join(home, p.slice(1));
  if (!path.isAbsolute(p) && workspaceFolder) p = path.join(workspaceFolder, p);
  return p;
}

export function resolveServerLaunch(serverPath: string, bundledDll: string): ServerLaunch {
  const p = serverPath.trim();
  if (!p) return { command: 'dotnet', args: [bundledDll, 'lsp'], needsDotnet: true, description: `bundled server (${bundledDll})` };
  if (p.toLowerCase().endsWith('.dll')) return { command: 'dotnet', args: [p, 'lsp'], needsDotnet: true, description: p };
  return { command: p, args: ['lsp'], needsDotnet: false, description: p };
}

/** Whether `dotnet --list-runtimes` shows a Microsoft.NETCore.App runtime of the given major version. */
export function hasDotnetRuntime(listRuntimesOutput: string, major: number = requiredDotnetMajor): boolean {
  return listRuntimesOutput.split(/\r?\n/).some(line => {
    const m = /^Microsoft\.NETCore\.App\s+(\d+)\./.exec(line.trim());
    return m !== null && Number(m[1]) === major;
  });
}

export function missingDotnetMessage(found: string | undefined): string {
  const what = found === undefined ? '`dotnet` was not found on PATH' : `dotnet has no ${requiredDotnetMajor}.x runtime (it has: ${found || 'none'})`;
  return `GuidelineGraph's language server needs the .NET ${requiredDotnetMajor} runtime, but ${what}. ` +
    `Install it from https://dot.net, or set "guidelineGraph.serverPath" to a gg executable.`;
}

/** The runtime versions in `dotnet --list-runtimes` output, for the message above. */
export function listedRuntimes(listRuntimesOutput: string): string {
  return listRuntimesOutput.split(/\r?\n/)
    .map(l => /^Microsoft\.NETCore\.App\s+(\S+)/.exec(l.trim())?.[1])
    .filter((v): v is string => !!v)
    .join(', ');
}
