using System.CommandLine;
using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Trace;

namespace GuidelineGraph.Cli.Commands;

/// <summary><c>gg trace</c>: the traceability matrix from guideline clauses to protocol sections, as XLSX, CSV, HTML or Markdown.</summary>
internal sealed class TraceCommand(CliContext context)
{
    private const string Name = "gg trace";

    public static Command Build(CliContext context)
    {
        var protocol = new Argument<string>("PROTOCOL") { Description = "The protocol: Markdown (.md) with YAML front matter, or Word (.docx)." };
        var format = new Option<string?>("--format") { Description = "xlsx, csv, html or markdown; by default from the extension of -o.", HelpName = "xlsx|csv|html|markdown" };
        format.AcceptOnlyFromAmong("xlsx", "csv", "html", "markdown");
        var output = new Option<string>("--output", "-o") { Description = "Output file (written atomically), or - for standard output (not for xlsx).", DefaultValueFactory = _ => "-", HelpName = "FILE" };
        var ontology = new Option<string?>("--ontology") { Description = Io.OntologyInput.OptionDescription, HelpName = "DIR" };
        var command = new Command("trace", "Write the traceability matrix of a protocol: guideline clauses and requirements against protocol sections, status and evidence.")
        {
            protocol, format, output, ontology,
        };
        var remote = new Io.RemoteStoreOptions();
        remote.AddTo(command);
        command.SetAction((r, ct) => Task.FromResult(new TraceCommand(context).Run(r.GetValue(protocol)!, r.GetValue(format), r.GetValue(output)!, r.GetValue(ontology), remote.Read(r), ct)));
        return command;
    }

    public int Run(string path, string? format, string output, string? ontologyDirectory, Io.RemoteStoreRequest? remote, CancellationToken ct)
    {
        format ??= Path.GetExtension(output).ToLowerInvariant() switch
        {
            ".xlsx" => "xlsx",
            ".csv" => "csv",
            ".html" or ".htm" => "html",
            ".md" or ".markdown" => "markdown",
            _ => null,
        };
        if (format is null)
        {
            context.Error.WriteLine($"{Name}: choose --format xlsx|csv|html|markdown (or an -o file with one of those extensions)");
            return ExitCodes.UsageError;
        }
        if (format == "xlsx" && output == "-")
        {
            context.Error.WriteLine($"{Name}: an XLSX workbook is binary; write it to a file with -o FILE.xlsx");
            return ExitCodes.UsageError;
        }
        CheckReport? report = CheckCommand.Check(context, Name, path, ontologyDirectory, remote, ct, out int exitCode);
        if (report is null) return exitCode;
        TraceabilityMatrix matrix = TraceabilityMatrix.Build(report);
        int? failed = format == "xlsx"
            ? ReportOutput.WriteFile(context, Name, output, stream => MatrixWorkbook.Write(matrix, stream))
            : ReportOutput.Write(context, Name, output, w => MatrixWriters.WriteText(matrix, format, w));
        if (failed is not null) return failed.Value;
        if (output != "-") context.Error.WriteLine($"{Name}: {MatrixWriters.Summary(matrix)} Wrote {output}.");
        return ExitCodes.Ok;
    }
}
