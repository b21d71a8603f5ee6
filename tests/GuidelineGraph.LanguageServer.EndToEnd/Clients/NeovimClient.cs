namespace GuidelineGraph.LanguageServer.EndToEnd.Clients;

/// <summary>clients/nvim/e2e.lua in headless Neovim, Neovim's built-in LSP client doing the protocol work.</summary>
public static class NeovimClient
{
    public static async Task<ClientTranscript> RunAsync(ClientScenario scenario, string scratch)
    {
        string scenarioFile = Path.Combine(scratch, "nvim-scenario.json");
        string transcriptFile = Path.Combine(scratch, "nvim-transcript.json");
        await File.WriteAllTextAsync(scenarioFile, scenario.ToJson());
        string script = Path.Combine(E2ePaths.Clients, "nvim", "e2e.lua");
        ToolRun run = await ExternalTool.RunAsync("nvim",
            ["--headless", "--clean", "-n", $"+luafile {script}", scenario.File],
            Path.GetDirectoryName(scenario.File)!, TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["GG_SCENARIO"] = scenarioFile, ["GG_TRANSCRIPT"] = transcriptFile });
        string json = File.Exists(transcriptFile) ? await File.ReadAllTextAsync(transcriptFile) : "";
        return ClientTranscript.Parse(json, "headless Neovim", run);
    }
}
