using System.CommandLine;
using System.Text;
using System.Text.Json;
using GuidelineGraph.Cli.Io;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Cli.Output;
using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Guidance.Requirements;
using Spectre.Console;

namespace GuidelineGraph.Cli.Commands;

/// <summary>
/// <c>gg check</c>: which applicable requirements a protocol (Markdown or Word) addresses, where, and which are missing;
/// exit 1 when one at or above --fail-on is missing, 2 when the protocol or the command line is wrong.
/// </summary>
internal sealed class CheckCommand(CliContext context)
{
    private const string Name = "gg check";

    public static Command Build(CliContext context)
    {
        var protocol = new Argument<string>("PROTOCOL") { Description = "The protocol: Markdown (.md) with YAML front matter, or Word (.docx)." };
        var format = new Option<string>("--format") { Description = "Output as a table, JSON, SARIF 2.1.0 or Markdown.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "sarif", "markdown");
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit 1 when a requirement of this modality or stronger (shall > should > may) is missing; never: always exit 0.",
            DefaultValueFactory = _ => "shall",
        };
        failOn.AcceptOnlyFromAmong("shall", "should", "may", "never");
        var output = new Option<string>("--output", "-o") { Description = "Output file (written atomically), or - for standard output.", DefaultValueFactory = _ => "-", HelpName = "FILE" };
        var ontology = new Option<string?>("--ontology") { Description = OntologyInput.OptionDescription, HelpName = "DIR" };
        var command = new Command("check", "Check a protocol against the guideline: its profile, and for each applicable requirement addressed, missing or waived, with evidence.")
        {
            protocol, format, failOn, output, ontology,
        };
        var remote = new RemoteStoreOptions();
        remote.AddTo(command);
        command.SetAction((r, ct) => Task.FromResult(new CheckCommand(context).Run(r.GetValue(protocol)!, r.GetValue(format)!, r.GetValue(failOn)!,
            r.GetValue(output)!, r.GetValue(ontology), remote.Read(r), ct)));
        return command;
    }

    public int Run(string path, string format, string failOn, string output, string? ontologyDirectory, RemoteStoreRequest? remote, CancellationToken ct)
    {
        CheckReport? report = Check(context, Name, path, ontologyDirectory, remote, ct, out int exitCode);
        if (report is null) return exitCode;
        int status = Gate(report, failOn);
        return ReportOutput.Write(context, Name, output, w =>
        {
            switch (format)
            {
                case "json": WriteJson(report, w); break;
                case "sarif": WriteSarif(report, path, w); break;
                case "markdown": WriteMarkdown(report, w); break;
                default: WriteTable(report, w); break;
            }
        }) ?? status;
    }

    /// <summary>Reads the protocol and checks it; null after writing the errors (exit code 2, or 1 for a broken ontology).</summary>
    internal static CheckReport? Check(CliContext context, string command, string path, string? ontologyDirectory, RemoteStoreRequest? remote,
        CancellationToken ct, out int exitCode)
    {
        ProtocolReadResult read = ProtocolReader.ReadFile(path);
        if (!read.Succeeded)
        {
            foreach (DocumentError error in read.Errors) context.Error.WriteLine(error.ToString());
            exitCode = ExitCodes.UsageError;
            return null;
        }
        if (OntologyInput.Load(context, command, ontologyDirectory, remote, ct, out exitCode) is not { } ontology) return null;
        ProfileInference inference;
        try
        {
            inference = ProfileInference.Create(ontology);
        }
        catch (OntologyRulesException e)
        {
            foreach (string error in e.Errors) context.Error.WriteLine(error);
            exitCode = ExitCodes.InputError;
            return null;
        }
        CheckReport report = new ProtocolChecker(inference).Check(read.Document!, ct);
        if (report.Errors.Count > 0)
        {
            foreach (DocumentError error in report.Errors) context.Error.WriteLine(error.ToString());
            exitCode = ExitCodes.UsageError;
            return null;
        }
        exitCode = ExitCodes.Ok;
        return report;
    }

    private static int Gate(CheckReport report, string failOn)
    {
        if (failOn == "never") return ExitCodes.Ok;
        Modality weakest = Enum.Parse<Modality>(failOn, ignoreCase: true);
        return report.Requirements.Any(r => r.Status == CoverageStatus.Missing && r.Applicable.Requirement.Modality <= weakest)
            ? ExitCodes.InputError : ExitCodes.Ok;
    }

    private static string Modality(RequirementCoverage c) => RequirementJson.Modality(c.Applicable.Requirement.Modality);

    private static string Status(RequirementCoverage c) => c.Status.ToString().ToLowerInvariant();

    private static string Summary(CheckReport report) =>
        $"{report.Requirements.Count} applicable requirements: {report.Count(CoverageStatus.Addressed)} addressed, " +
        $"{report.Count(CoverageStatus.Missing)} missing ({MissingBy(report)}), {report.Count(CoverageStatus.Waived)} waived";

    private static string MissingBy(CheckReport report) => string.Join(", ",
        new[] { Guidance.Requirements.Modality.Shall, Guidance.Requirements.Modality.Should, Guidance.Requirements.Modality.May }
            .Select(m => $"{report.Requirements.Count(r => r.Status == CoverageStatus.Missing && r.Applicable.Requirement.Modality == m)} {RequirementJson.Modality(m)}"));

    /// <summary>Where a finding is: the evidence's first line, or the heading of the section it belongs in.</summary>
    private static string Where(RequirementCoverage c) =>
        c.Status == CoverageStatus.Missing
            ? c.ExpectedSections.Count == 0 ? "document start" : string.Join("; ", c.ExpectedSections.Select(s => $"{s.Heading} (line {s.HeadingSpan.Start.Line})"))
            : c.Evidence.Count == 0 ? "" : string.Join("; ", c.Evidence.GroupBy(e => e.Section?.Heading ?? "front matter").Select(g => $"{g.Key} (line {g.Min(e => e.Line)})"));

    private void WriteTable(CheckReport report, TextWriter w)
    {
        w.WriteLine($"{report.Document.Path}: profile " + string.Join(", ", report.Profile.Select(p => $"{p.Feature.Id} ({p.Source})")));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(w), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in new[] { "Status", "Modality", "Requirement", "Clause", "Control", "Where" }) table.AddColumn(column);
        foreach (RequirementCoverage c in report.Requirements.OrderBy(c => c.Status == CoverageStatus.Missing ? 0 : 1).ThenBy(c => c.Applicable.Requirement.Modality))
        {
            Requirement r = c.Applicable.Requirement;
            table.AddRow(Status(c), Modality(c), Markup.Escape(r.Id), Markup.Escape(r.Clause?.Number ?? ""),
                Markup.Escape(string.Join(", ", r.Controls.Select(x => x.Id))), Markup.Escape(Where(c)));
        }
        console.Write(table);
        w.WriteLine(Summary(report));
    }

    private void WriteMarkdown(CheckReport report, TextWriter w)
    {
        w.WriteLine($"# Protocol check — {Path.GetFileName(report.Document.Path)}");
        w.WriteLine();
        w.WriteLine("Profile: " + string.Join(", ", report.Profile.Select(p => $"`{p.Feature.Id}` ({p.Source})")) + ".");
        w.WriteLine();
        w.WriteLine(Summary(report) + ".");
        w.WriteLine();
        w.WriteLine("| Status | Modality | Requirement | Clause | Control | Where | Quote |");
        w.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (RequirementCoverage c in report.Requirements)
        {
            Requirement r = c.Applicable.Requirement;
            w.WriteLine($"| {Status(c)} | {Modality(c)} | {r.Id} | {Cell(r.Clause?.Number ?? "")} | {Cell(string.Join(", ", r.Controls.Select(x => x.Label.En ?? x.Id)))} | {Cell(Where(c))} | {Cell(r.Quote.En ?? r.Quote.Zh ?? "")} |");
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", " ").Replace("\n", " ");

    /// <summary>The resolved profile, then each requirement in <c>gg infer</c>'s shape plus "status", "evidence", "expectedSections", "waiver".</summary>
    private static void WriteJson(CheckReport report, TextWriter w)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, RequirementJson.Options))
        {
            json.WriteStartObject();
            json.WriteString("protocol", report.Document.Path);
            json.WriteStartArray("profile");
            foreach (ResolvedProfileFeature p in report.Profile)
            {
                json.WriteStartObject();
                json.WriteString("id", p.Feature.Id);
                RequirementJson.Text(json, "label", p.Feature.Label);
                json.WriteString("source", p.Source);
                json.WriteStartArray("found");
                foreach (SourceSpan span in p.Found)
                {
                    json.WriteStartObject();
                    json.WriteNumber("line", span.Start.Line);
                    json.WriteNumber("column", span.Start.Column);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            foreach (CoverageStatus s in Enum.GetValues<CoverageStatus>()) json.WriteNumber(s.ToString().ToLowerInvariant(), report.Count(s));
            json.WriteEndObject();
            json.WriteStartArray("requirements");
            foreach (RequirementCoverage c in report.Requirements)
            {
                // The shared writer closes its object, so its fields are copied into this one, followed by the coverage fields.
                json.WriteStartObject();
                using (JsonDocument inner = SharedRequirementJson(c.Applicable))
                    foreach (JsonProperty property in inner.RootElement.EnumerateObject()) property.WriteTo(json);
                json.WriteString("status", Status(c));
                json.WriteStartArray("evidence");
                foreach (Evidence e in c.Evidence)
                {
                    json.WriteStartObject();
                    json.WriteString("section", e.Section?.Heading);
                    json.WriteNumber("line", e.Line);
                    json.WriteString("text", e.Text);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("expectedSections");
                foreach (ProtocolSection s in c.ExpectedSections)
                {
                    json.WriteStartObject();
                    json.WriteString("section", s.Heading);
                    json.WriteNumber("line", s.HeadingSpan.Start.Line);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteString("waiver", c.WaiverJustification);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        w.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static JsonDocument SharedRequirementJson(ApplicableRequirement applicable)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) RequirementJson.Write(writer, applicable);
        return JsonDocument.Parse(buffer.ToArray());
    }

    private static void WriteSarif(CheckReport report, string path, TextWriter w)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, RequirementJson.Options))
            SarifReport.Write(report, json, path.Replace('\\', '/'), typeof(CheckCommand).Assembly.GetName().Version?.ToString() ?? "0");
        w.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

/// <summary>Text output to standard output or, atomically, to a file.</summary>
internal static class ReportOutput
{
    /// <summary>Writes; null when done, else the exit code after reporting an I/O error.</summary>
    public static int? Write(CliContext context, string command, string output, Action<TextWriter> write)
    {
        if (output == "-")
        {
            write(context.Out);
            return null;
        }
        return WriteFile(context, command, output, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            write(writer);
        });
    }

    public static int? WriteFile(CliContext context, string command, string output, Action<Stream> write)
    {
        try
        {
            using var file = new AtomicFile(output);
            write(file.Stream);
            file.Commit();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            context.Error.WriteLine($"{command}: cannot write {output}: {e.Message}");
            return ExitCodes.UsageError;
        }
    }
}
