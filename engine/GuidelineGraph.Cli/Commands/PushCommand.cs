using System.CommandLine;
using GuidelineGraph.Cli.Io;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Rdf;
using GuidelineGraph.Remote;
using GuidelineGraph.Store;

namespace GuidelineGraph.Cli.Commands;

/// <summary>
/// <c>gg push</c>: the ontology into a remote SPARQL 1.1 store, one named graph per file, and a profile's inferred
/// graph. Each graph is replaced whole, so pushing twice leaves the store as pushing once.
/// </summary>
internal sealed class PushCommand(CliContext context)
{
    private const string Name = "gg push";

    private sealed record Settings(RemoteStoreRequest Remote, string? Ontology, string? ProfilePath, int ChunkTriples);

    public static Command Build(CliContext context)
    {
        var remote = new RemoteStoreOptions();
        var ontology = new Option<string?>("--ontology") { Description = OntologyInput.OptionDescription, HelpName = "DIR" };
        var profile = new Option<string?>("--profile") { Description = "Also push what is inferred about this profile (JSON, YAML or RDF) into " + RemoteOntology.InferredGraphs + "ID.", HelpName = "FILE" };
        var chunk = new Option<int>("--chunk") { Description = "Triples per INSERT DATA request when the store has no Graph Store service.", DefaultValueFactory = _ => 2000, HelpName = "N" };
        var command = new Command("push", "Upload the ontology (graph " + RemoteOntology.OntologyGraphs + "FILE per file) and, with --profile, its inferred graph to a remote SPARQL 1.1 store, by Graph Store PUT or SPARQL Update.")
        {
            ontology, profile, chunk,
        };
        remote.AddTo(command);
        command.SetAction((r, ct) => new PushCommand(context).RunAsync(new Settings(remote.Read(r), r.GetValue(ontology), r.GetValue(profile), r.GetValue(chunk)), ct));
        return command;
    }

    private async Task<int> RunAsync(Settings settings, CancellationToken ct)
    {
        if (settings.Remote.Endpoint is null) return Usage("--endpoint URL is required");
        if (settings.ChunkTriples < 1) return Usage("--chunk needs a positive count");
        if (settings.Remote.Resolve(out string? usage) is not { } endpoint) return Usage(usage!);
        if (OntologyInput.FindDirectory(context, Name, settings.Ontology, out int exitCode) is not { } directory) return exitCode;

        var files = OntologyLoader.ReadFiles(directory, ct).ToList();
        var errors = files.SelectMany(f => f.Errors).ToList();
        foreach (OntologyError error in errors) context.Error.WriteLine(error with { File = Path.Combine(directory, error.File) });
        if (errors.Count > 0) return ExitCodes.InputError;

        var graphs = files.Select(f => (Graph: RemoteOntology.FileGraph(f.RelativePath), Triples: f.Quads)).ToList();
        if (settings.ProfilePath is { } profilePath)
        {
            if (Inferred(directory, files, profilePath, out exitCode) is not { } inferred) return exitCode;
            graphs.Add(inferred);
        }

        using var client = new SparqlProtocolClient(endpoint);
        var publisher = new GraphPublisher(client, settings.ChunkTriples);
        long total = 0;
        try
        {
            foreach (var (graph, triples) in graphs)
            {
                var progress = context.ErrorIsTerminal ? new Progress<int>(n => context.Error.Write($"\r{Name}: {graph.Value} {n:N0}/{triples.Count:N0}")) : null;
                PublishedGraph published = await publisher.ReplaceAsync(graph, triples, progress, ct);
                string via = published.Via == GraphTransfer.GraphStore ? "Graph Store PUT" : $"SPARQL Update, {published.Requests} request{(published.Requests == 1 ? "" : "s")}";
                context.Error.WriteLine($"{(context.ErrorIsTerminal ? "\r" : "")}{Name}: {graph} {published.Triples:N0} triples ({via})");
                total += published.Triples;
            }
        }
        catch (SparqlProtocolException e)
        {
            context.Error.WriteLine($"{Name}: {e.Message}");
            return ExitCodes.InputError;
        }
        context.Out.WriteLine($"pushed {graphs.Count} graphs, {total:N0} triples, to {endpoint.GraphStore ?? endpoint.UpdateOrQuery}");
        return ExitCodes.Ok;
    }

    /// <summary>The profile's inferred graph, reasoned locally over the files just read.</summary>
    private (Iri Graph, IReadOnlyList<Quad> Triples)? Inferred(string directory, List<OntologyFile> files, string profilePath, out int exitCode)
    {
        exitCode = ExitCodes.UsageError;
        ProfileFile profile = ProfileFile.Read(profilePath);
        foreach (DocumentError error in profile.Errors) context.Error.WriteLine(error.ToString());
        if (profile.Errors.Count > 0) return null;
        var store = new QuadStore();
        foreach (var file in files) store.Load(file.Quads);
        ProfileInference inference;
        try
        {
            inference = ProfileInference.Create(new LoadedOntology(store, []) { Directory = Path.GetFullPath(directory) });
        }
        catch (OntologyRulesException e)
        {
            foreach (string error in e.Errors) context.Error.WriteLine(error);
            exitCode = ExitCodes.InputError;
            return null;
        }
        var (features, errors) = profile.Resolve(inference.Resolver);
        foreach (DocumentError error in errors) context.Error.WriteLine(error.ToString());
        if (errors.Count > 0) return null;
        Term node = profile.Id is not null && Uri.IsWellFormedUriString(profile.Id, UriKind.Absolute) ? new Iri(profile.Id) : ProfileInference.ProfileNode;
        var triples = inference.Infer(features.Select(f => f.Id)).InferredAbout(node).Select(t => t.InGraph(null)).ToList();
        exitCode = ExitCodes.Ok;
        return (RemoteOntology.InferredGraph(profile.Id ?? Path.GetFileNameWithoutExtension(profilePath)), triples);
    }

    private int Usage(string message)
    {
        context.Error.WriteLine($"{Name}: {message}");
        return ExitCodes.UsageError;
    }
}
