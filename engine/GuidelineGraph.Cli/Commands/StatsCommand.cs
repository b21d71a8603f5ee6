using System.Text.Json;
using GuidelineGraph.Cli.Io;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using Spectre.Console;

namespace GuidelineGraph.Cli.Commands;

/// <summary><c>gg stats</c>: streams each file once, counting statements and named graphs.</summary>
internal sealed class StatsCommand(CliContext context)
{
    private sealed record FileStats(string File, string Format, long Triples, long Quads, HashSet<Term> Graphs, InputError? Error);

    public int Run(string[] files, string? baseIri, bool json)
    {
        var inputs = new List<RdfInput>();
        foreach (var file in files)
        {
            var input = RdfInput.Resolve(file, null, out var usage);
            if (input is null)
            {
                context.Error.WriteLine($"gg stats: {usage}");
                return ExitCodes.UsageError;
            }
            inputs.Add(input);
        }

        var results = inputs.Select(i => Count(i, baseIri)).ToList();
        foreach (var r in results.Where(r => r.Error is not null)) context.Error.WriteLine(r.Error!.Format(r.File));
        if (json) WriteJson(results); else WriteTable(results);
        return results.Any(r => r.Error is not null) ? ExitCodes.InputError : ExitCodes.Ok;
    }

    private FileStats Count(RdfInput input, string? baseIri)
    {
        long triples = 0, quads = 0;
        var graphs = new HashSet<Term>();
        InputError? error = null;
        try
        {
            using var stream = input.Open(context);
            long length = stream.CanSeek ? stream.Length : 0;
            var options = new RdfReadOptions { Format = input.Format, BaseIri = input.BaseIri(baseIri) };
            ProgressReporter.Run(context, input.Name, length, progress =>
            {
                foreach (var q in RdfReader.Read(stream, options))
                {
                    quads++;
                    if (q.Graph is null) triples++;
                    else graphs.Add(q.Graph);
                    if ((quads & 0xFFFF) == 0) progress(stream.Position);
                }
                return quads;
            });
        }
        catch (RdfSyntaxException e) { error = InputError.From(e.Error); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { error = new InputError(null, null, e.Message); }
        return new FileStats(input.Name, input.Format.Name(), triples, quads, graphs, error);
    }

    private void WriteJson(List<FileStats> results)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("files");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("file", r.File);
                w.WriteString("format", r.Format);
                w.WriteNumber("triples", r.Triples);
                w.WriteNumber("quads", r.Quads);
                w.WriteNumber("graphs", r.Graphs.Count);
                w.WritePropertyName("error");
                if (r.Error is null) w.WriteNullValue();
                else
                {
                    w.WriteStartObject();
                    WriteNullable(w, "line", r.Error.Line);
                    WriteNullable(w, "column", r.Error.Column);
                    w.WriteString("message", r.Error.Message);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var t = Totals(results);
            w.WriteStartObject("totals");
            w.WriteNumber("files", t.Files);
            w.WriteNumber("triples", t.Triples);
            w.WriteNumber("quads", t.Quads);
            w.WriteNumber("graphs", t.Graphs);
            w.WriteNumber("errors", t.Errors);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteNumber(name, value.Value);
    }

    /// <summary>Totals: graphs counts distinct graph names over all files; errors counts files that failed.</summary>
    private static (int Files, long Triples, long Quads, int Graphs, int Errors) Totals(List<FileStats> results) =>
        (results.Count, results.Sum(r => r.Triples), results.Sum(r => r.Quads),
         results.SelectMany(r => r.Graphs).Distinct().Count(), results.Count(r => r.Error is not null));

    private void WriteTable(List<FileStats> results)
    {
        var console = context.PlainConsole(160);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("File");
        table.AddColumn("Format");
        table.AddColumn(new TableColumn("Triples").RightAligned());
        table.AddColumn(new TableColumn("Quads").RightAligned());
        table.AddColumn(new TableColumn("Graphs").RightAligned());
        table.AddColumn("Error");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.File), r.Format, N(r.Triples), N(r.Quads), N(r.Graphs.Count),
                r.Error is null ? "" : Markup.Escape(r.Error.Format("").TrimStart(':', ' ')));
        }
        var t = Totals(results);
        table.AddRow($"total ({t.Files} files)", "", N(t.Triples), N(t.Quads), N(t.Graphs), t.Errors == 0 ? "" : $"{t.Errors} with errors");
        console.Write(table);
    }

    private static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
