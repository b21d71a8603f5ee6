using System.Diagnostics;
using System.Reflection;
using System.Text;

// Both tests build into vscode-extension/out/ (the unit-test bundle, the .vsix bundle): one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace GuidelineGraph.VsCode.Tests;

/// <summary>Runs a command of the extension's tool chain (npm, bash) in vscode-extension/ and captures its output.</summary>
internal static class ExtensionProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ExtensionDirectory => Path.Combine(RepositoryRoot, "vscode-extension");

    private static string FindRoot()
    {
        string? root = typeof(ExtensionProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        return root != null && File.Exists(Path.Combine(root, "GuidelineGraph.sln"))
            ? root
            : throw new InvalidOperationException($"the checkout this test was built from ({root}) has no GuidelineGraph.sln");
    }

    public sealed record Result(int ExitCode, string Output);

    public static Result Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = ExtensionDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{fileName} is required to test the VS Code extension (install Node.js 20 and npm): {e.Message}", e);
        }
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output) return new Result(-1, $"{fileName} timed out after {timeout}\n{output}");
        }
        process.WaitForExit();
        lock (output) return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>npm ci once, when the extension's node_modules is missing (CI runs it in .ci/install/50-vscode.sh).</summary>
    public static void EnsureDependencies()
    {
        if (Directory.Exists(Path.Combine(ExtensionDirectory, "node_modules", "esbuild"))) return;
        var r = Run("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(10));
        Assert.True(r.ExitCode == 0, $"npm ci in vscode-extension failed:\n{r.Output}");
    }
}
