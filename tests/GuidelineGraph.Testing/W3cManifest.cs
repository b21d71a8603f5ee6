using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;

namespace GuidelineGraph.Testing;

/// <summary>One test of a W3C manifest. File references are local paths; IRIs are as read with the manifest's file: IRI as base.</summary>
public sealed record W3cTestEntry
{
    /// <summary>The test's IRI (file: based, e.g. file:///…/rdf-turtle/manifest.ttl#IRI_subject).</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>The rdf:type IRI (rdft:TestTurtleEval, mf:QueryEvaluationTest, …).</summary>
    public required string Type { get; init; }
    public required string ManifestPath { get; init; }
    /// <summary>mf:action when it is a file.</summary>
    public string? Action { get; init; }
    /// <summary>
    /// The IRI a reader should use as base for <see cref="Action"/>: mf:assumedTestBase plus the action's path
    /// relative to the manifest when the manifest says so, else the action's file: IRI.
    /// </summary>
    public string? ActionBaseIri { get; init; }
    /// <summary>mf:result when it is a file.</summary>
    public string? Result { get; init; }
    public string? Approval { get; init; }
    public string? Comment { get; init; }
    /// <summary>qt:query or ut:request of a blank-node action.</summary>
    public string? Query { get; init; }
    /// <summary>qt:data or ut:data of a blank-node action.</summary>
    public IReadOnlyList<string> Data { get; init; } = [];
    /// <summary>qt:graphData (name = the file's IRI) or ut:graphData (name = its rdfs:label) of a blank-node action.</summary>
    public IReadOnlyList<(string GraphName, string Path)> GraphData { get; init; } = [];
    /// <summary>ut:data of a blank-node result (SPARQL Update).</summary>
    public IReadOnlyList<string> ResultData { get; init; } = [];
    /// <summary>ut:graphData of a blank-node result (SPARQL Update).</summary>
    public IReadOnlyList<(string GraphName, string Path)> ResultGraphData { get; init; } = [];
    /// <summary>Every property of the test node, for what the fields above do not cover (mf:requires, qt:queryForm …).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Term>> Properties { get; init; } = new Dictionary<string, IReadOnlyList<Term>>();
    /// <summary>Every property of a blank-node action.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Term>> ActionProperties { get; init; } = new Dictionary<string, IReadOnlyList<Term>>();

    public override string ToString() => Id;
}

public static class W3cManifest
{
    private const string Mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    private const string Qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
    private const string Ut = "http://www.w3.org/2009/sparql/tests/test-update#";
    private const string Rdft = "http://www.w3.org/ns/rdftest#";
    private const string Dawgt = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";

    /// <summary>The entries of a manifest, in mf:entries order, followed by those of its mf:include manifests.</summary>
    public static IReadOnlyList<W3cTestEntry> Load(string manifestPath)
    {
        var entries = new List<W3cTestEntry>();
        Load(System.IO.Path.GetFullPath(manifestPath), entries, new HashSet<string>(StringComparer.Ordinal));
        return entries;
    }

    private static void Load(string path, List<W3cTestEntry> entries, HashSet<string> seen)
    {
        if (!seen.Add(path)) return;
        string manifestIri = new Uri(path).AbsoluteUri;
        List<Quad> quads;
        using (var stream = File.OpenRead(path))
            quads = RdfReader.Read(stream, new RdfReadOptions { Format = RdfFormat.Turtle, BaseIri = manifestIri }).ToList();
        var graph = new Graph(quads);

        var manifest = graph.SubjectsOfType(Mf + "Manifest").FirstOrDefault() ?? new Iri(manifestIri);
        string? assumedBase = (graph.Object(manifest, Mf + "assumedTestBase") as Iri)?.Value;
        string manifestDir = manifestIri[..(manifestIri.LastIndexOf('/') + 1)];

        if (graph.Object(manifest, Mf + "entries") is { } list)
            foreach (var test in graph.List(list))
                entries.Add(ReadEntry(graph, test, path, assumedBase, manifestDir));
        foreach (var includes in graph.Objects(manifest, Mf + "include"))
            foreach (var include in graph.List(includes))
                if (include is Iri iri && LocalPath(iri) is { } includePath) Load(includePath, entries, seen);
    }

    private static W3cTestEntry ReadEntry(Graph graph, Term test, string manifestPath, string? assumedBase, string manifestDir)
    {
        var action = graph.Object(test, Mf + "action");
        var result = graph.Object(test, Mf + "result");
        string? actionBase = null;
        if (action is Iri actionIri)
        {
            actionBase = assumedBase is not null && actionIri.Value.StartsWith(manifestDir, StringComparison.Ordinal)
                ? assumedBase + actionIri.Value[manifestDir.Length..]
                : actionIri.Value;
        }
        var approval = graph.Object(test, Rdft + "approval") ?? graph.Object(test, Dawgt + "approval");
        return new W3cTestEntry
        {
            Id = test is Iri id ? id.Value : test.ToString(),
            Name = (graph.Object(test, Mf + "name") as Literal)?.Lexical ?? test.ToString(),
            Type = (graph.Object(test, Vocab.Rdf.Type.Value) as Iri)?.Value ?? "",
            ManifestPath = manifestPath,
            Action = action is Iri a ? LocalPath(a) : null,
            ActionBaseIri = actionBase,
            Result = result is Iri r ? LocalPath(r) : null,
            Approval = (approval as Iri)?.Value,
            Comment = (graph.Object(test, Vocab.Rdfs.Comment.Value) as Literal)?.Lexical,
            Query = action is BlankNode ? FilePath(graph, action, Qt + "query") ?? FilePath(graph, action, Ut + "request") : null,
            Data = action is BlankNode ? Paths(graph, action, Qt + "data").Concat(Paths(graph, action, Ut + "data")).ToArray() : [],
            GraphData = action is BlankNode ? GraphFiles(graph, action) : [],
            ResultData = result is BlankNode ? Paths(graph, result, Ut + "data").ToArray() : [],
            ResultGraphData = result is BlankNode ? GraphFiles(graph, result) : [],
            Properties = graph.Properties(test),
            ActionProperties = action is BlankNode ? graph.Properties(action) : new Dictionary<string, IReadOnlyList<Term>>(),
        };
    }

    private static string? FilePath(Graph graph, Term node, string predicate) =>
        graph.Object(node, predicate) is Iri iri ? LocalPath(iri) : null;

    private static IEnumerable<string> Paths(Graph graph, Term node, string predicate) =>
        graph.Objects(node, predicate).OfType<Iri>().Select(LocalPath).OfType<string>();

    private static (string, string)[] GraphFiles(Graph graph, Term node)
    {
        var files = new List<(string, string)>();
        foreach (var g in graph.Objects(node, Qt + "graphData"))
            if (g is Iri iri && LocalPath(iri) is { } p) files.Add((iri.Value, p));
        foreach (var g in graph.Objects(node, Ut + "graphData"))
        {
            if (graph.Object(g, Ut + "graph") is Iri file && LocalPath(file) is { } p)
            {
                var name = graph.Object(g, Vocab.Rdfs.Label.Value) switch
                {
                    Literal l => l.Lexical,
                    Iri i => i.Value,
                    _ => file.Value,
                };
                files.Add((name, p));
            }
        }
        return files.ToArray();
    }

    private static string? LocalPath(Iri iri) =>
        Uri.TryCreate(iri.Value, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : null;

    /// <summary>A subject index over the manifest's triples.</summary>
    private sealed class Graph
    {
        private readonly Dictionary<Term, List<Quad>> _bySubject = new();

        public Graph(IEnumerable<Quad> quads)
        {
            foreach (var q in quads)
            {
                if (!_bySubject.TryGetValue(q.Subject, out var list)) _bySubject[q.Subject] = list = [];
                list.Add(q);
            }
        }

        public IEnumerable<Term> Objects(Term subject, string predicate) =>
            _bySubject.TryGetValue(subject, out var list) ? list.Where(q => q.Predicate.Value == predicate).Select(q => q.Object) : [];

        public Term? Object(Term subject, string predicate) => Objects(subject, predicate).FirstOrDefault();

        public IEnumerable<Term> SubjectsOfType(string type) =>
            _bySubject.Where(kv => kv.Value.Any(q => q.Predicate.Value == Vocab.Rdf.Type.Value && q.Object is Iri t && t.Value == type)).Select(kv => kv.Key);

        public IReadOnlyDictionary<string, IReadOnlyList<Term>> Properties(Term subject) =>
            _bySubject.TryGetValue(subject, out var list)
                ? list.GroupBy(q => q.Predicate.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<Term>)g.Select(q => q.Object).ToArray())
                : new Dictionary<string, IReadOnlyList<Term>>();

        /// <summary>The members of an RDF collection; stops at rdf:nil or a malformed cell (and at cycles).</summary>
        public IEnumerable<Term> List(Term head)
        {
            var visited = new HashSet<Term>();
            var node = head;
            while (node is not Iri { Value: "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil" } && visited.Add(node))
            {
                if (Object(node, Vocab.Rdf.First.Value) is not { } first) yield break;
                yield return first;
                if (Object(node, Vocab.Rdf.Rest.Value) is not { } rest) yield break;
                node = rest;
            }
        }
    }
}
