using System.Text;

namespace GuidelineGraph.Cli.Tests;

/// <summary>A scratch directory with sample inputs, and ways to run <c>gg</c> in-process or as a process.</summary>
public sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("gg-cli-tests-").FullName;
        Write("good.ttl", "@prefix ex: <http://ex.org/> .\nex:a ex:b ex:c ;\n  ex:d \"x\"@en, \"y\" .\nex:e ex:f ex:a .\n");
        Write("named.nq", "<http://ex.org/a> <http://ex.org/b> <http://ex.org/c> .\n" +
                          "<http://ex.org/a> <http://ex.org/b> \"x\" <http://ex.org/g1> .\n" +
                          "<http://ex.org/a> <http://ex.org/b> \"y\" <http://ex.org/g2> .\n" +
                          "<http://ex.org/a> <http://ex.org/b> \"z\" <http://ex.org/g1> .\n");
        // line 3: two spaces, "ex:d", a space, then an unterminated short string starting at column 8
        Write("bad.ttl", "@prefix ex: <http://ex.org/> .\nex:a ex:b ex:c ;\n  ex:d \"x\nex:e ex:f ex:g .\n");
    }

    public string Directory { get; }

    public string Path(string name) => System.IO.Path.Combine(Directory, name);

    public string Write(string name, string text)
    {
        File.WriteAllText(Path(name), text, new UTF8Encoding(false));
        return Path(name);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

public sealed record CliRun(int ExitCode, string Out, string Error);

public static class Gg
{
    /// <summary>Runs the command tree in-process with captured writers.</summary>
    public static CliRun RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), ErrorIsTerminal: false);
        int code = CommandTree.Run(args, context);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static CliRun Run(params string[] args) => RunWithInput("", args);

    /// <summary>Runs the built gg.dll as a real process.</summary>
    public static CliRun Process(params string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "gg.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(info)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(); throw new TimeoutException("gg did not finish in 60 s"); }
        return new CliRun(p.ExitCode, stdout.Result, stderr.Result);
    }
}
