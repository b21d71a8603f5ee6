using System.Diagnostics;
using System.IO.Compression;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Reasoning.Rules;
using GuidelineGraph.Reasoning.RuleSets;

namespace GuidelineGraph.Reasoning.Tests;

/// <summary>
/// Runs Apache Jena's GenericRuleReasoner (Debian libapache-jena-java, JDK from default-jdk-headless) as the
/// reference: compiles Jena/JenaClosure.java into a temporary directory and gives it N-Triples and the rules in
/// Jena syntax. Missing Java or Jena fails the calling test with the packages to install.
/// </summary>
internal static class JenaReference
{
    private const string JarDirectory = "/usr/share/java";
    private static readonly Lazy<(string ClassPath, string Directory)> Build = new(Compile);

    public const string MissingMessage = "the Jena reference needs Java and Jena: apt-get install -y default-jdk-headless libapache-jena-java";

    public static IReadOnlyList<Triple> Closure(IEnumerable<Rule> rules, IEnumerable<Triple> data)
    {
        var (classPath, dir) = Build.Value;
        var work = Directory.CreateTempSubdirectory("gg-jena-");
        try
        {
            var rulesPath = Path.Combine(work.FullName, "rules.jena");
            var inputPath = Path.Combine(work.FullName, "input.nt");
            var outputPath = Path.Combine(work.FullName, "output.nt");
            File.WriteAllText(rulesPath, JenaRuleWriter.Write(rules));
            File.WriteAllLines(inputPath, data.Select(t => t.ToString()));
            var (code, output) = Run("java", ["-cp", classPath + ":" + dir, "JenaClosure", rulesPath, inputPath, outputPath]);
            Assert.True(code == 0, "Jena failed:\n" + output);
            using var stream = File.OpenRead(outputPath);
            return [.. RdfReader.Read(stream, new RdfReadOptions { Format = RdfFormat.NTriples }).Select(q => q.Triple)];
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static (string, string) Compile()
    {
        Assert.True(File.Exists(Path.Combine(JarDirectory, "jena-core.jar")), MissingMessage);
        var dir = Directory.CreateTempSubdirectory("gg-jena-classes-").FullName;
        var classPath = string.Join(":", new[] { XercesResourceFix(dir) }
            .Concat(Directory.GetFiles(JarDirectory, "jena-*.jar").Where(j => !char.IsDigit(Path.GetFileNameWithoutExtension(j).Split('-')[^1][0])).Order())
            .Concat(new[]
            {
                "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3", "dexx.collection",
                "gson", "guava", "httpclient", "httpcore", "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java",
                "jakarta.json-api", "protobuf", "thrift", "titanium-json-ld", "slf4j-api", "slf4j-simple",
            }.Select(n => Path.Combine(JarDirectory, n + ".jar")).Where(File.Exists)));
        var source = Path.Combine(AppContext.BaseDirectory, "Jena", "JenaClosure.java");
        var (code, output) = Run("javac", ["-d", dir, "-cp", classPath, source]);
        Assert.True(code == 0, "javac failed:\n" + output);
        return (classPath, dir);
    }

    /// <summary>
    /// Debian's jena-core relocates the embedded Xerces classes to package xerces.* but leaves their message
    /// bundles under org/apache/jena/ext/xerces/, so Jena's start-up fails; a jar with the bundles moved fixes it
    /// (the same fix as /work/shared/peers/jena/run_jena.sh).
    /// </summary>
    private static string XercesResourceFix(string dir)
    {
        var fix = Path.Combine(dir, "jena-xerces-resfix.jar");
        using var source = ZipFile.OpenRead(Path.Combine(JarDirectory, "jena-core.jar"));
        using var target = ZipFile.Open(fix, ZipArchiveMode.Create);
        const string prefix = "org/apache/jena/ext/xerces/impl/";
        foreach (var entry in source.Entries.Where(e => e.FullName.StartsWith(prefix, StringComparison.Ordinal) && !e.FullName.EndsWith('/') && !e.FullName.EndsWith(".class")))
        {
            var copy = target.CreateEntry("xerces/impl/" + entry.FullName[prefix.Length..]);
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
        return fix;
    }

    private static (int, string) Run(string program, string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{program} not found ({e.Message}); {MissingMessage}");
            throw;
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
