using System.Text.Json;

namespace GuidelineGraph.Cli.Tests;

public sealed class RequirementsTests : IDisposable
{
    private const string Prefixes = """
        @prefix gg: <https://w3id.org/guidelinegraph/ns#> .
        @prefix ggf: <https://w3id.org/guidelinegraph/feature/> .
        @prefix ggc: <https://w3id.org/guidelinegraph/control/> .
        @prefix m11: <https://w3id.org/guidelinegraph/m11/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        @prefix ex: <http://example.org/g1/> .

        """;

    private const string Guideline = Prefixes + """
        ex:guideline a gg:Guideline ; dcterms:identifier "g1" ; dcterms:title "指导原则"@zh, "Guideline"@en .
        ex:c-1-p1 a gg:Clause ; gg:number "1 ¶1" ; gg:order 1 .
        ggc:lft a gg:Control ; skos:prefLabel "Liver function monitoring"@en, "肝功能监测"@zh .
        m11:8.4 a gg:ProtocolSection ; skos:notation "8.4" .
        m11:2.2.1 a gg:ProtocolSection ; skos:notation "2.2.1" .
        ex:r-1-p1-s2 a gg:Requirement ; gg:inGuideline ex:guideline ; gg:fromClause ex:c-1-p1 ; gg:number "1 ¶1 s2" ;
            gg:modality gg:May ; gg:quote "可以|分隔"@zh, "may | split"@en ; gg:appliesWhen gg:Always .
        ex:r-1-p1-s1 a gg:Requirement ; gg:inGuideline ex:guideline ; gg:fromClause ex:c-1-p1 ; gg:number "1 ¶1 s1" ;
            gg:modality gg:Shall ; gg:quote "应监测肝功能。"@zh, "Liver function shall be monitored."@en ;
            gg:demandsControl ggc:lft ; gg:addressedIn m11:8.4, m11:2.2.1 ;
            gg:appliesWhen [ a gg:Condition ; gg:allOf ggf:aav ; gg:anyOf [ a gg:Condition ; gg:allOf ggf:children ] ; gg:noneOf ggf:adults ] .
        """;

    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private string Ontology(params (string Name, string Text)[] files)
    {
        string dir = Path.Combine(_scratch.Directory, "ontology");
        Directory.CreateDirectory(dir);
        foreach ((string name, string text) in files) File.WriteAllText(Path.Combine(dir, name), text);
        return dir;
    }

    [Fact]
    public void Json_lists_each_requirement_with_quote_clause_controls_sections_and_conditions()
    {
        var run = Gg.Run("requirements", "--format", "json", "--ontology", Ontology(("g1.ttl", Guideline)));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var json = JsonDocument.Parse(run.Out);
        JsonElement root = json.RootElement;
        Assert.Equal("g1", root.GetProperty("guideline").GetProperty("id").GetString());
        Assert.Equal("指导原则", root.GetProperty("guideline").GetProperty("title").GetProperty("zh").GetString());
        JsonElement[] requirements = root.GetProperty("requirements").EnumerateArray().ToArray();
        Assert.Equal(["r-1-p1-s1", "r-1-p1-s2"], requirements.Select(r => r.GetProperty("id").GetString()));
        JsonElement first = requirements[0];
        Assert.Equal("shall", first.GetProperty("modality").GetString());
        Assert.Equal("应监测肝功能。", first.GetProperty("quote").GetProperty("zh").GetString());
        Assert.Equal("Liver function shall be monitored.", first.GetProperty("quote").GetProperty("en").GetString());
        Assert.Equal("c-1-p1", first.GetProperty("clause").GetProperty("id").GetString());
        Assert.Equal("1 ¶1", first.GetProperty("clause").GetProperty("number").GetString());
        JsonElement control = Assert.Single(first.GetProperty("controls").EnumerateArray());
        Assert.Equal("lft", control.GetProperty("id").GetString());
        Assert.Equal("肝功能监测", control.GetProperty("label").GetProperty("zh").GetString());
        Assert.Equal(["2.2.1", "8.4"], first.GetProperty("m11Sections").EnumerateArray().Select(s => s.GetString()));
        JsonElement conditions = first.GetProperty("conditions");
        Assert.Equal(["aav"], conditions.GetProperty("allOf").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["children"], conditions.GetProperty("anyOf")[0].GetProperty("allOf").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["adults"], conditions.GetProperty("noneOf").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("may", requirements[1].GetProperty("modality").GetString());
        Assert.Equal("always", requirements[1].GetProperty("conditions").GetString());
        Assert.Contains("\"zh\": \"应监测肝功能。\"", run.Out); // Chinese is not \u-escaped
    }

    [Fact]
    public void Table_and_markdown_show_every_requirement()
    {
        string ontology = Ontology(("g1.ttl", Guideline));

        var table = Gg.Run("requirements", "--ontology", ontology);
        var markdown = Gg.Run("requirements", "--format", "markdown", "--ontology", ontology);

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("r-1-p1-s1", table.Out);
        Assert.Contains("aav ∧ any((children)) ∧ ¬adults", table.Out);
        Assert.EndsWith("2 requirements: shall 1, may 1" + Environment.NewLine, table.Out);
        Assert.Equal(0, markdown.ExitCode);
        Assert.StartsWith("# 指导原则", markdown.Out);
        Assert.Contains("| r-1-p1-s2 | may | 1 ¶1 |  | always |  | 可以\\|分隔 | may \\| split |", markdown.Out);
    }

    [Fact]
    public void With_several_guidelines_one_must_be_chosen()
    {
        string ontology = Ontology(("g1.ttl", Guideline),
            ("g2.ttl", Prefixes + "<http://example.org/g2/guideline> a gg:Guideline ; dcterms:identifier \"g2\" .\n"));

        var ambiguous = Gg.Run("requirements", "--ontology", ontology);
        var unknown = Gg.Run("requirements", "--guideline", "g3", "--ontology", ontology);
        var chosen = Gg.Run("requirements", "--guideline", "g2", "--format", "json", "--ontology", ontology);

        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("2 guidelines are loaded; choose one with --guideline (g1, g2)", ambiguous.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no guideline 'g3' (loaded: g1, g2)", unknown.Error);
        Assert.Equal(0, chosen.ExitCode);
        using var json = JsonDocument.Parse(chosen.Out);
        Assert.Equal(0, json.RootElement.GetProperty("requirements").GetArrayLength());
    }

    [Fact]
    public void A_syntax_error_in_the_ontology_is_reported_with_its_position()
    {
        string ontology = Ontology(("g1.ttl", Guideline), ("broken.ttl", Prefixes + "ex:a ex:b \"open\n"));

        var run = Gg.Run("requirements", "--ontology", ontology);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(Path.Combine(ontology, "broken.ttl") + ":8:11: ", run.Error);
        Assert.Equal("", run.Out);
    }
}
