using System.CommandLine;
using GuidelineGraph.Cli.Commands;

namespace GuidelineGraph.Cli;

/// <summary>Every command, option and description of <c>gg</c>; the descriptions are the help. Actions live in Commands/.</summary>
public static class CommandTree
{
    private static readonly string[] OutputFormats = ["ntriples", "nquads", "turtle", "trig"];

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("GuidelineGraph: a knowledge graph of regulatory guidelines, and the tools to check documents against it.");

        var baseOption = new Option<string?>("--base") { Description = "Base IRI for relative IRIs in Turtle and TriG input.", HelpName = "IRI" };

        var statsFiles = new Argument<string[]>("FILE")
        {
            Description = "RDF files (.nt .nq .ttl .trig). Counts are statements as read, duplicates included.",
            Arity = ArgumentArity.OneOrMore,
        };
        var statsFormat = new Option<string>("--format") { Description = "Output as a table or as JSON.", DefaultValueFactory = _ => "table" };
        statsFormat.AcceptOnlyFromAmong("table", "json");
        var stats = new Command("stats", "Count the triples, quads and named graphs of RDF files, checking their syntax.")
        {
            statsFiles, baseOption, statsFormat,
        };
        stats.SetAction(r => new StatsCommand(context).Run(r.GetValue(statsFiles)!, r.GetValue(baseOption), r.GetValue(statsFormat) == "json"));

        var convertInput = new Argument<string>("IN") { Description = "Input file, or - for standard input (then --from is needed)." };
        var from = new Option<string?>("--from") { Description = "Input format, when the extension does not tell it.", HelpName = "ntriples|nquads|turtle|trig" };
        from.AcceptOnlyFromAmong(OutputFormats);
        var to = new Option<string>("--to") { Description = "Output format.", Required = true, HelpName = "ntriples|nquads|turtle|trig" };
        to.AcceptOnlyFromAmong(OutputFormats);
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output file, or - for standard output (the default). Written atomically: an existing file is replaced only by a complete result.",
            DefaultValueFactory = _ => "-",
            HelpName = "OUT",
        };
        var convert = new Command("convert", "Convert RDF between N-Triples, N-Quads, Turtle and TriG.")
        {
            convertInput, from, baseOption, to, output,
        };
        convert.SetAction(r => new ConvertCommand(context).Run(r.GetValue(convertInput)!, r.GetValue(from), r.GetValue(baseOption),
            r.GetValue(to)!, r.GetValue(output)!));

        var benchFiles = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "RDF files to parse and load." };
        var parseRuns = new Option<int>("--parse-runs") { Description = "Parse-and-count runs before loading.", DefaultValueFactory = _ => 3 };
        var loadRuns = new Option<int>("--load-runs") { Description = "Loads, each into a fresh store.", DefaultValueFactory = _ => 3 };
        var bench = new Command("bench", "Time parsing and loading into the store, and report memory after the load, as JSON lines (used by bench/peers.sh).")
        {
            benchFiles, baseOption, parseRuns, loadRuns,
        };
        bench.Hidden = true;
        bench.SetAction(r => new BenchCommand(context).Run(r.GetValue(benchFiles)!, r.GetValue(baseOption), r.GetValue(parseRuns), r.GetValue(loadRuns)));

        root.Add(stats);
        root.Add(convert);
        root.Add(bench);
        root.Add(RequirementsCommand.Build(context));
        root.Add(InferCommand.Build(context));
        root.Add(CheckCommand.Build(context));
        root.Add(TraceCommand.Build(context));
        root.Add(PushCommand.Build(context));
        SparqlCommands.Register(root, context);
        root.Add(ServeCommand.Build(context));
        root.Add(LspCommand.Build(context));
        return root;
    }

    /// <summary>Parses and runs; command-line errors exit with <see cref="ExitCodes.UsageError"/>.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var result = Build(context).Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) context.Error.WriteLine($"gg: {error.Message}");
            context.Error.WriteLine("Run 'gg --help' for usage.");
            return ExitCodes.UsageError;
        }
        return result.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }
}
