namespace GuidelineGraph.LanguageServer.EndToEnd.Clients;

/// <summary>clients/node/e2e.cjs on vscode-languageserver-protocol; installs its packages (npm ci) once.</summary>
public static class NodeClient
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static string Directory => Path.Combine(E2ePaths.Clients, "node");

    public static async Task<ClientTranscript> RunAsync(ClientScenario scenario, string scratch)
    {
        await EnsurePackagesAsync();
        string scenarioFile = Path.Combine(scratch, "node-scenario.json");
        await File.WriteAllTextAsync(scenarioFile, scenario.ToJson());
        ToolRun run = await ExternalTool.RunAsync("node", [Path.Combine(Directory, "e2e.cjs"), scenarioFile], Directory, TimeSpan.FromMinutes(3));
        return ClientTranscript.Parse(run.Out, "the Node client", run);
    }

    private static async Task EnsurePackagesAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "vscode-languageserver-protocol"))) return;
            ToolRun install = await ExternalTool.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Directory, TimeSpan.FromMinutes(5));
            if (install.ExitCode != 0)
                throw new InvalidOperationException($"npm ci failed in {Directory} (exit {install.ExitCode})\n{install.Out}\n{install.Error}");
        }
        finally { InstallLock.Release(); }
    }
}
