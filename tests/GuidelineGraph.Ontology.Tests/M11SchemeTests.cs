using GuidelineGraph.Rdf;
using GuidelineGraph.Vocabulary;
using static GuidelineGraph.Ontology.Tests.OntologyGraph;

namespace GuidelineGraph.Ontology.Tests;

public sealed class M11SchemeTests
{
    private static readonly OntologyGraph Graph = OntologyGraph.Instance;

    [Fact]
    public void Every_section_is_named_by_its_number_and_hangs_under_its_parent()
    {
        List<Term> sections = Graph.InstancesOf(Gg.Classes.ProtocolSection).ToList();
        var offenders = new List<string>();
        foreach (Term section in sections)
        {
            string number = ((Iri)section).Value[M11.Namespace.Length..];
            string? notation = Graph.Objects(section, SkosNotation).OfType<Literal>().SingleOrDefault()?.Lexical;
            if (notation != number) offenders.Add($"{Show(section)}: skos:notation {notation ?? "missing"}");
            int level = number.Count(c => c == '.') + 1;
            string? levelText = Graph.Objects(section, Gg.Properties.Level).OfType<Literal>().SingleOrDefault()?.Lexical;
            if (levelText != level.ToString(System.Globalization.CultureInfo.InvariantCulture)) offenders.Add($"{Show(section)}: gg:level {levelText ?? "missing"}, expected {level}");
            List<Term> parents = Graph.Objects(section, SkosBroader).ToList();
            if (level == 1 ? parents.Count != 0 : parents.Count != 1 || !parents[0].Equals(new Iri(M11.Namespace + number[..number.LastIndexOf('.')])))
            {
                offenders.Add($"{Show(section)}: skos:broader {string.Join(", ", parents.Select(Show))}");
            }
            string? code = Graph.Objects(section, Gg.Properties.NciCode).OfType<Literal>().SingleOrDefault()?.Lexical;
            if (code != null && !(code.Length > 1 && code[0] == 'C' && code[1..].All(char.IsAsciiDigit))) offenders.Add($"{Show(section)}: NCI code {code}");
        }
        Offenders.AssertNone(offenders, "M11 section defects");
        // The Step 4 outline: 14 top-level sections, 146 in all down to level 3.
        Assert.Equal(146, sections.Count);
        Assert.Equal(14, sections.Count(s => !Graph.Objects(s, SkosBroader).Any()));
        Assert.Equal("Risk Summary and Mitigation Strategy", Graph.Text(new Iri(M11.S2_2_1), SkosPrefLabel, "en"));
        Assert.Equal("C218523", Graph.Objects(new Iri(M11.S2_2_1), Gg.Properties.NciCode).OfType<Literal>().Single().Lexical);
    }
}
