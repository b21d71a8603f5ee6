using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GuidelineGraph.Cli.Io;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;
using GuidelineGraph.Remote;
using GuidelineGraph.Sparql.Evaluator;
using GuidelineGraph.Sparql.Results;
using GuidelineGraph.Sparql.Syntax;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Store;
using GuidelineGraph.Store.Sparql;

namespace GuidelineGraph.Cli.Commands;

/// <summary><c>gg query</c> and <c>gg update</c>: SPARQL over files loaded into an in-memory store.</summary>
internal static class SparqlCommands
{
    private static readonly string[] QueryFormats = ["table", "json", "xml", "csv", "tsv", "turtle", "ntriples", "nquads"];

    public static void Register(RootCommand root, CliContext context)
    {
        var data = new Option<string[]>("--data") { Description = "RDF files for the default graph (quads of .nq/.trig keep their graphs).", AllowMultipleArgumentsPerToken = true, HelpName = "FILE" };
        var graph = new Option<string[]>("--graph") { Description = "A file loaded as the named graph IRI; repeatable.", HelpName = "IRI=FILE" };
        var baseIri = new Option<string?>("--base") { Description = "Base IRI for the query or update and for the data files.", HelpName = "IRI" };
        var parseOnly = new Option<bool>("--parse-only") { Description = "Only check the syntax: exit 0 when valid, 1 with the position of the first error." };

        var queryFile = new Option<string?>("--query") { Description = "The query file (.rq).", HelpName = "FILE" };
        var queryText = new Option<string?>("-e") { Description = "The query text.", HelpName = "TEXT" };
        var format = new Option<string?>("--format") { Description = "Output: table (default for SELECT/ASK), json, xml, csv, tsv; turtle (default for CONSTRUCT/DESCRIBE), ntriples, nquads.", HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong(QueryFormats);
        var explain = new Option<bool>("--explain") { Description = "Print the algebra and the optimized plan with estimated and actual rows per operator instead of the results." };
        var repeat = new Option<int>("--repeat") { Description = "Run the query N times (timings per run with --timings).", DefaultValueFactory = _ => 1, HelpName = "N" };
        var timings = new Option<bool>("--timings") { Description = "Write JSON lines to stderr: {\"phase\":\"load\",\"ms\":…}, then {\"phase\":\"query\",\"run\":i,\"ms\":…,\"rows\":n} per run." };
        var timeout = new Option<int?>("--timeout") { Description = "Stop a run after this many milliseconds.", HelpName = "MS" };
        var serviceAllow = new Option<string[]>("--service-allow") { Description = "SPARQL endpoints (exact URLs) that SERVICE may call; SERVICE reaches nothing else, redirects included. Off without it.", AllowMultipleArgumentsPerToken = true, HelpName = "URL" };
        var query = new Command("query", "Run a SPARQL query over RDF files, or on a remote SPARQL 1.1 store with --endpoint.")
        {
            data, graph, baseIri, queryFile, queryText, format, explain, repeat, timings, timeout, parseOnly, serviceAllow,
        };
        var remote = new RemoteStoreOptions();
        remote.AddTo(query);
        query.SetAction((r, ct) => Task.FromResult(new QueryRun(context).Run(new QueryRequest(
            r.GetValue(data) ?? [], r.GetValue(graph) ?? [], r.GetValue(baseIri), r.GetValue(queryFile), r.GetValue(queryText),
            r.GetValue(format), r.GetValue(explain), r.GetValue(repeat), r.GetValue(timings), r.GetValue(timeout), r.GetValue(parseOnly),
            remote.Read(r), r.GetValue(serviceAllow) ?? []), ct)));

        var updateFile = new Option<string>("--update") { Description = "The update request file (.ru).", Required = true, HelpName = "FILE.ru" };
        var output = new Option<string?>("--out") { Description = "Write the resulting dataset here (N-Quads, or TriG for .trig), atomically; standard output when absent.", HelpName = "FILE" };
        var loadRoot = new Option<string?>("--load-root") { Description = "LOAD may read files under this directory only (default: the current directory).", HelpName = "DIR" };
        var update = new Command("update", "Apply a SPARQL update request to RDF files and write the resulting dataset.")
        {
            data, graph, baseIri, updateFile, output, loadRoot, parseOnly,
        };
        update.SetAction(r => new QueryRun(context).Update(r.GetValue(data) ?? [], r.GetValue(graph) ?? [], r.GetValue(baseIri),
            r.GetValue(updateFile)!, r.GetValue(output), r.GetValue(loadRoot), r.GetValue(parseOnly)));

        root.Add(query);
        root.Add(update);
    }
}

internal sealed record QueryRequest(string[] Data, string[] Graphs, string? BaseIri, string? QueryFile, string? QueryText,
    string? Format, bool Explain, int Repeat, bool Timings, int? TimeoutMs, bool ParseOnly, RemoteStoreRequest? Remote = null,
    string[]? ServiceAllow = null);

internal sealed class QueryRun(CliContext context)
{
    public int Run(QueryRequest request, CancellationToken ct = default)
    {
        if ((request.QueryFile is null) == (request.QueryText is null))
            return Usage("query", "give the query with either --query FILE or -e TEXT");
        if (request.Repeat < 1) return Usage("query", "--repeat needs a positive count");
        string source = request.QueryFile ?? "-e";
        string text;
        try { text = request.QueryText ?? File.ReadAllText(request.QueryFile!); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Failed($"{source}: {e.Message}"); }

        var baseIri = request.BaseIri ?? (request.QueryFile is null ? null : new Uri(Path.GetFullPath(request.QueryFile)).AbsoluteUri);
        var parsed = SparqlParser.ParseQuery(text, new SparqlParseOptions { BaseIri = baseIri });
        if (parsed.Error is not null) return Failed(FirstSyntaxError(parsed, source));
        if (request.ParseOnly) return ExitCodes.Ok;
        var query = parsed.Value!;
        bool graphResult = query is ConstructQuery or DescribeQuery;
        var format = request.Format ?? (graphResult ? "turtle" : "table");
        if (graphResult != format is "turtle" or "ntriples" or "nquads")
            return Usage("query", $"--format {format} does not fit a {(graphResult ? "graph" : "solution")} result");

        if (request.Remote is { IsGiven: true } remote) return RunRemote(request, remote, text, graphResult, format, ct);

        var serviceAllowlist = RemoteServices.ParseAllowlist(request.ServiceAllow ?? [], out var serviceError);
        if (serviceError is not null) return Usage("query", $"--service-allow {serviceError}");

        var clock = Stopwatch.StartNew();
        var store = new QuadStore();
        if (Load(store, request.Data, request.Graphs, request.BaseIri, "query") is int failure) return failure;
        if (request.Timings) Timing($"{{\"phase\":\"load\",\"ms\":{Ms(clock)}}}");

        using var services = serviceAllowlist.Count == 0 ? null : new RemoteServices(serviceAllowlist, request.TimeoutMs is int limit ? TimeSpan.FromMilliseconds(limit) : TimeSpan.FromSeconds(30));
        var options = new QueryOptions
        {
            CollectStatistics = request.Explain,
            Timeout = request.TimeoutMs is int ms ? TimeSpan.FromMilliseconds(ms) : null,
            RemoteServices = services,
        };
        QueryOutcome? outcome = null;
        for (int run = 1; run <= request.Repeat; run++)
        {
            clock.Restart();
            outcome = store.Query(query, options, ct);
            if (outcome.Error is { } error) return Failed($"gg query: {error.Message}");
            if (request.Timings) Timing($"{{\"phase\":\"query\",\"run\":{run},\"ms\":{Ms(clock)},\"rows\":{outcome.Count}}}");
        }
        if (request.Explain)
        {
            context.Out.WriteLine("Algebra:");
            context.Out.WriteLine(Sse.Write(query));
            context.Out.WriteLine();
            context.Out.WriteLine("Plan (estimated and actual rows):");
            context.Out.Write(outcome!.Explain);
            return ExitCodes.Ok;
        }
        Write(outcome!.Results, outcome.Graph?.Select(t => t.InGraph(null)), format);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The query text goes to the remote store as written (its base and prefixes included); the local parse above
    /// only vouched for its syntax and told its form. Results print exactly as local ones do.
    /// </summary>
    private int RunRemote(QueryRequest request, RemoteStoreRequest remote, string text, bool graphResult, string format, CancellationToken ct)
    {
        if (request.Data.Length + request.Graphs.Length > 0 || request.Explain)
            return Usage("query", "--endpoint queries the remote store: --data, --graph and --explain do not apply");
        var endpoint = remote.Resolve(out string? usage, request.TimeoutMs is int ms ? TimeSpan.FromMilliseconds(ms) : null);
        if (endpoint is null) return Usage("query", usage!);
        using var client = new SparqlProtocolClient(endpoint);
        var clock = new Stopwatch();
        QueryResults? results = null;
        IReadOnlyList<Quad>? graph = null;
        try
        {
            for (int run = 1; run <= request.Repeat; run++)
            {
                clock.Restart();
                if (graphResult) graph = client.ConstructAsync(text, ct: ct).GetAwaiter().GetResult();
                else results = client.SelectAsync(text, ct).GetAwaiter().GetResult();
                if (request.Timings) Timing($"{{\"phase\":\"query\",\"run\":{run},\"ms\":{Ms(clock)},\"rows\":{graph?.Count ?? results!.Rows.Count}}}");
            }
        }
        catch (SparqlProtocolException e)
        {
            return Failed($"gg query: {e.Message}");
        }
        Write(results, graph, format);
        return ExitCodes.Ok;
    }

    private void Write(QueryResults? solutions, IEnumerable<Quad>? graph, string format)
    {
        if (graph is not null)
        {
            RdfWriter.Write(context.Out, graph, new RdfWriteOptions { Format = RdfFormats.FromName(format)!.Value });
            return;
        }
        var results = solutions!;
        if (format == "table")
        {
            WriteTable(results);
            return;
        }
        context.Out.Write(QueryResultsWriter.WriteToString(results, QueryResultsFormats.FromName(format)!.Value));
    }

    private void WriteTable(QueryResults results)
    {
        if (results.BooleanValue is bool b)
        {
            context.Out.WriteLine(b ? "true" : "false");
            return;
        }
        var header = results.Variables.Select(v => "?" + v).ToArray();
        var cells = results.Rows.Select(r => r.Select(t => t?.ToString() ?? "").ToArray()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        string Line(string[] values) => string.Join(" | ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd();
        context.Out.WriteLine(Line(header));
        context.Out.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in cells) context.Out.WriteLine(Line(row));
        context.Out.WriteLine(FormattableString.Invariant($"({cells.Count} row{(cells.Count == 1 ? "" : "s")})"));
    }

    public int Update(string[] data, string[] graphs, string? baseIri, string updateFile, string? output, string? loadRoot, bool parseOnly)
    {
        string text;
        try { text = File.ReadAllText(updateFile); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Failed($"{updateFile}: {e.Message}"); }
        var parsed = SparqlParser.ParseUpdate(text, new SparqlParseOptions { BaseIri = baseIri ?? new Uri(Path.GetFullPath(updateFile)).AbsoluteUri });
        if (parsed.Error is not null) return Failed(FirstSyntaxError(parsed, updateFile));
        if (parseOnly) return ExitCodes.Ok;
        RdfFormat outputFormat = output is not null && RdfFormats.FromExtension(output) == RdfFormat.TriG ? RdfFormat.TriG : RdfFormat.NQuads;

        var store = new QuadStore();
        if (Load(store, data, graphs, baseIri, "update") is int failure) return failure;
        var outcome = store.Update(parsed.Value!, new QueryOptions { LoadRoot = Path.GetFullPath(loadRoot ?? Directory.GetCurrentDirectory()) });
        if (outcome.Error is { } error) return Failed($"gg update: {error.Message}");
        var quads = store.Match(null, null, null, GraphSelector.Any);
        try
        {
            if (output is null)
            {
                RdfWriter.Write(context.Out, quads, new RdfWriteOptions { Format = outputFormat });
                return ExitCodes.Ok;
            }
            using var file = new AtomicFile(output);
            using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
                RdfWriter.Write(writer, quads, new RdfWriteOptions { Format = outputFormat });
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed($"{output}: {e.Message}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>Loads --data files into the default graph and --graph IRI=FILE into named graphs; null when all loaded.</summary>
    internal int? Load(QuadStore store, string[] data, string[] graphs, string? baseIri, string command)
    {
        var inputs = new List<(string File, Iri? Graph)>();
        inputs.AddRange(data.Select(f => (f, (Iri?)null)));
        foreach (var g in graphs)
        {
            int eq = g.IndexOf('=');
            if (eq <= 0 || eq == g.Length - 1) return Usage(command, $"--graph {g}: expected IRI=FILE");
            inputs.Add((g[(eq + 1)..], new Iri(g[..eq])));
        }
        foreach (var ((file, graph), index) in inputs.Select((input, i) => (input, i)))
        {
            var input = RdfInput.Resolve(file, null, out var usage);
            if (input is null || input.IsStandardInput) return Usage(command, usage ?? "data must come from files");
            try
            {
                using var stream = input.Open(context);
                var quads = RdfReader.Read(stream, new RdfReadOptions
                {
                    Format = input.Format,
                    BaseIri = input.BaseIri(baseIri),
                    // Blank-node labels are local to their file: `_:b` in two files is two nodes.
                    BlankNodeScope = inputs.Count > 1 ? $"f{index}_" : null,
                });
                store.Load(graph is null ? quads : quads.Select(q => q with { Graph = graph }));
            }
            catch (RdfSyntaxException e) { return Failed(InputError.From(e.Error).Format(file)); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Failed($"{file}: {e.Message}"); }
        }
        return null;
    }

    private static string Ms(Stopwatch clock) => clock.Elapsed.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);

    private void Timing(string json) => context.Error.WriteLine(json);

    /// <summary>The first syntax error, and how many more the parser's recovery found (gg lsp shows them all).</summary>
    private static string FirstSyntaxError<T>(ParseResult<T> parsed, string source) where T : class
    {
        string first = InputError.From(parsed.Error!).Format(source);
        int more = parsed.Errors.Count - 1;
        return more == 0 ? first : $"{first} ({more} more syntax error{(more == 1 ? "" : "s")})";
    }

    private int Failed(string message)
    {
        context.Error.WriteLine(message);
        return ExitCodes.InputError;
    }

    private int Usage(string command, string message)
    {
        context.Error.WriteLine($"gg {command}: {message}");
        return ExitCodes.UsageError;
    }
}
