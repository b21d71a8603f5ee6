using System.Text.Json;

namespace GuidelineGraph.VsCode.Tests;

/// <summary>
/// The .vsix (with gg of this build as its server) installed into code-server and driven in headless
/// chromium by vscode-extension/test/e2e/e2e.cjs, which asserts on the DOM step by step.
/// </summary>
public sealed class CodeServerEndToEndTests
{
    [Fact]
    public void In_a_real_VS_Code_the_extension_shows_diagnostics_controls_a_quick_fix_and_query_results()
    {
        ExtensionProcess.EnsureDependencies();
        string server = StageServer();
        try
        {
            var package = ExtensionProcess.Run("bash", ["scripts/package.sh"], TimeSpan.FromMinutes(5),
                new Dictionary<string, string> { ["GG_SERVER_DIR"] = server });
            Assert.True(package.ExitCode == 0, $"packaging the .vsix failed:\n{package.Output}");
            string vsix = package.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last().Trim();
            Assert.EndsWith(".vsix", vsix);

            var e2e = ExtensionProcess.Run("bash", ["test/e2e/run-e2e.sh"], TimeSpan.FromMinutes(10),
                new Dictionary<string, string> { ["VSIX"] = vsix });
            Assert.True(e2e.ExitCode == 0, $"the e2e test failed (screenshots in vscode-extension/test-output/):\n{e2e.Output}");

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(ExtensionProcess.ExtensionDirectory, "test-output", "e2e-summary.json")));
            var root = summary.RootElement;
            Assert.True(root.GetProperty("passed").GetBoolean());
            Assert.True(root.GetProperty("diagnosticsAfter").GetInt32() < root.GetProperty("diagnosticsBefore").GetInt32());
            Assert.Equal(4, root.GetProperty("sparqlRows").GetInt32());
        }
        finally
        {
            Directory.Delete(server, recursive: true);
        }
    }

    /// <summary>gg and exactly the files its deps.json names, out of this test's output folder.</summary>
    private static string StageServer()
    {
        string from = AppContext.BaseDirectory;
        string to = Directory.CreateTempSubdirectory("gg-vsix-server-").FullName;
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(from, "gg.deps.json")));
        var files = new HashSet<string>(StringComparer.Ordinal) { "gg.dll", "gg.deps.json", "gg.runtimeconfig.json" };
        foreach (var target in deps.RootElement.GetProperty("targets").EnumerateObject())
            foreach (var library in target.Value.EnumerateObject())
                if (library.Value.TryGetProperty("runtime", out var runtime))
                    foreach (var asset in runtime.EnumerateObject())
                        files.Add(Path.GetFileName(asset.Name));
        foreach (string file in files)
        {
            string source = Path.Combine(from, file);
            Assert.True(File.Exists(source), $"gg.deps.json names {file}, which is not next to the tests");
            File.Copy(source, Path.Combine(to, file));
        }
        return to;
    }
}
