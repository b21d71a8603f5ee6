using System.Reflection;
using GuidelineGraph.Guidance.Ontology;
using GuidelineGraph.Rdf;
using GuidelineGraph.Store;

namespace GuidelineGraph.Guidance.Tests;

public sealed class OntologyLoaderTests
{
    private static readonly string OntologyDirectory = typeof(OntologyLoaderTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "OntologyDirectory").Value!;

    [Fact]
    public void The_parallel_load_holds_what_the_files_read_one_by_one_hold_with_each_files_prefixes()
    {
        LoadedOntology ontology = OntologyLoader.Load(OntologyDirectory);
        List<OntologyFile> files = OntologyLoader.ReadFiles(OntologyDirectory).ToList();

        Assert.Empty(ontology.Errors);
        var expected = new QuadStore();
        foreach (OntologyFile file in files) expected.Load(file.Quads);
        Assert.Equal(expected.Count, ontology.Store.Count);
        // Blank nodes are matched by identity in a store, so the ground quads are compared one by one.
        Assert.All(expected.Match(null, null, null, GraphSelector.Any).Where(q => q.Subject is not BlankNode && q.Object is not BlankNode), q => Assert.True(ontology.Store.Match(q.Subject, q.Predicate, q.Object, GraphSelector.Any).Any(), q.ToString()));
        Assert.Equal(files.Select(f => f.RelativePath).Order(StringComparer.Ordinal), ontology.Prefixes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("https://w3id.org/guidelinegraph/guideline/cde-2024-rare-disease-gt/",
            ontology.Prefixes[Path.Combine("guidelines", "cde-2024-rare-disease-gt", "guideline.ttl")]["cde"]);
    }

    [Fact]
    public void Blank_nodes_stay_local_to_their_file_and_a_syntax_error_names_its_file_line_and_column()
    {
        string directory = Directory.CreateTempSubdirectory("gg-ontology-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "a.ttl"), "@prefix ex: <http://example.org/> .\n_:b ex:p ex:a .\n");
            File.WriteAllText(Path.Combine(directory, "b.ttl"), "@prefix ex: <http://example.org/> .\n_:b ex:p ex:b .\nex:c ex:p ex:d ;\n  ex:q .\n");

            LoadedOntology ontology = OntologyLoader.Load(directory);

            var p = new Iri("http://example.org/p");
            Assert.Equal(2, ontology.Store.Match(null, p, null, GraphSelector.Any).Where(q => q.Subject is BlankNode).Select(q => q.Subject).Distinct().Count());
            OntologyError error = Assert.Single(ontology.Errors);
            Assert.Equal(("b.ttl", 4), (error.File, error.Line));
            Assert.Equal("ex", Assert.Single(ontology.Prefixes["a.ttl"]).Key);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
