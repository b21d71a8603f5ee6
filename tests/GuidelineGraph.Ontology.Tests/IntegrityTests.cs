using GuidelineGraph.Rdf;
using GuidelineGraph.Vocabulary;
using static GuidelineGraph.Ontology.Tests.OntologyGraph;

namespace GuidelineGraph.Ontology.Tests;

/// <summary>The promises the graph makes to its users, checked over everything in ontology/.</summary>
public sealed class IntegrityTests
{
    private static readonly OntologyGraph Graph = OntologyGraph.Instance;

    private static readonly Iri[] Modalities = [new(Gg.Shall), new(Gg.Should), new(Gg.May), new(Gg.Informative)];

    [Fact]
    public void Ontology_files_parse_without_errors()
    {
        Offenders.AssertNone(Graph.Errors, "syntax errors in ontology/");
        Assert.NotEmpty(Graph.InstancesOf(Gg.Classes.Requirement));
    }

    /// <summary>Each guideline with its normalised source text and its requirements.</summary>
    private static IEnumerable<(Term Guideline, string Source, List<Term> Requirements)> Guidelines()
    {
        foreach (Term guideline in Graph.InstancesOf(Gg.Classes.Guideline))
        {
            string? relative = Graph.Objects(guideline, Gg.Properties.Source).OfType<Literal>().SingleOrDefault()?.Lexical;
            if (relative == null) continue;
            string source = File.ReadAllText(Path.Combine(Graph.Directory, relative));
            List<Term> requirements = Graph.InstancesOf(Gg.Classes.Requirement).Where(r => GuidelineOf(r) == guideline).ToList();
            yield return (guideline, source, requirements);
        }
    }

    private static Term? GuidelineOf(Term requirement) =>
        Graph.Objects(requirement, Gg.Properties.InGuideline).FirstOrDefault()
        ?? Graph.Objects(requirement, Gg.Properties.FromClause).SelectMany(c => Graph.Objects(c, Gg.Properties.InGuideline)).FirstOrDefault();

    [Fact]
    public void Every_guideline_ships_its_source_and_every_requirement_belongs_to_one()
    {
        var guidelines = Graph.InstancesOf(Gg.Classes.Guideline).ToList();
        Assert.NotEmpty(guidelines);
        Offenders.AssertNone(guidelines
            .Select(g => (Guideline: g, Source: Graph.Objects(g, Gg.Properties.Source).OfType<Literal>().SingleOrDefault()?.Lexical))
            .Where(g => g.Source == null || !File.Exists(Path.Combine(Graph.Directory, g.Source)))
            .Select(g => $"{Show(g.Guideline)}: gg:source {g.Source ?? "missing"} is not a file under ontology/"),
            "guidelines without their source text");
        Offenders.AssertNone(Graph.InstancesOf(Gg.Classes.Requirement).Where(r => GuidelineOf(r) == null).Select(Show),
            "requirements in no guideline (gg:inGuideline)");
    }

    [Fact]
    public void Every_quote_occurs_verbatim_in_the_source_and_in_its_clause()
    {
        var offenders = new List<string>();
        foreach ((Term _, string source, List<Term> requirements) in Guidelines())
        {
            string normalised = GuidelineText.Normalise(source);
            foreach (Term requirement in requirements)
            {
                List<string> quotes = Graph.Objects(requirement, Gg.Properties.Quote).OfType<Literal>()
                    .Where(l => string.Equals(l.Language, "zh", StringComparison.OrdinalIgnoreCase)).Select(l => l.Lexical).ToList();
                if (quotes.Count != 1)
                {
                    offenders.Add($"{Show(requirement)}: {quotes.Count} Chinese quotes, expected 1");
                    continue;
                }
                if (Graph.Text(requirement, Gg.Properties.Quote, "en") == null)
                {
                    offenders.Add($"{Show(requirement)}: no English rendering of the quote");
                }
                string quote = GuidelineText.Normalise(quotes[0]);
                if (quote.Length == 0 || !normalised.Contains(quote, StringComparison.Ordinal))
                {
                    offenders.Add($"{Show(requirement)}: quote «{quotes[0]}» is not in the source");
                }
                foreach (Term clause in Graph.Objects(requirement, Gg.Properties.FromClause))
                {
                    string? text = Graph.Text(clause, Gg.Properties.Text, "zh");
                    if (text == null || !GuidelineText.Normalise(text).Contains(quote, StringComparison.Ordinal))
                    {
                        offenders.Add($"{Show(requirement)}: quote «{quotes[0]}» is not in the text of its clause {Show(clause)}");
                    }
                }
            }
        }
        Offenders.AssertNone(offenders, "quotes that are not verbatim");
    }

    [Fact]
    public void Every_clause_text_occurs_verbatim_in_the_source()
    {
        var offenders = new List<string>();
        foreach ((Term guideline, string source, List<Term> _) in Guidelines())
        {
            string normalised = GuidelineText.Normalise(source);
            foreach (Term clause in Graph.InstancesOf(Gg.Classes.Clause).Where(c => Graph.Objects(c, Gg.Properties.InGuideline).Contains(guideline)))
            {
                string? text = Graph.Text(clause, Gg.Properties.Text, "zh");
                if (text == null || !normalised.Contains(GuidelineText.Normalise(text), StringComparison.Ordinal))
                {
                    offenders.Add($"{Show(clause)}: {(text == null ? "no Chinese text" : "text is not in the source")}");
                }
                if (Graph.Text(clause, Gg.Properties.Text, "en") == null)
                {
                    offenders.Add($"{Show(clause)}: no English rendering");
                }
            }
        }
        Offenders.AssertNone(offenders, "clauses whose text is not verbatim");
    }

    [Fact]
    public void Every_requirement_has_one_modality_one_clause_and_its_controls_and_M11_sections()
    {
        var offenders = new List<string>();
        foreach (Term requirement in Graph.InstancesOf(Gg.Classes.Requirement))
        {
            string name = Show(requirement);
            List<Term> modalities = Graph.Objects(requirement, Gg.Properties.Modality).ToList();
            if (modalities.Count != 1 || !Modalities.Contains(modalities[0]))
            {
                offenders.Add($"{name}: modality {Describe(modalities)}, expected exactly one of shall/should/may/informative");
            }
            List<Term> clauses = Graph.Objects(requirement, Gg.Properties.FromClause).ToList();
            if (clauses.Count != 1 || !Graph.HasType(clauses[0], Gg.Classes.Clause))
            {
                offenders.Add($"{name}: gg:fromClause {Describe(clauses)}, expected exactly one gg:Clause");
            }
            bool informative = modalities.Count == 1 && modalities[0].Equals(new Iri(Gg.Informative));
            List<Term> controls = Graph.Objects(requirement, Gg.Properties.DemandsControl).ToList();
            if (!informative && controls.Count == 0)
            {
                offenders.Add($"{name}: demands no control");
            }
            offenders.AddRange(controls.Where(c => !Graph.HasType(c, Gg.Classes.Control)).Select(c => $"{name}: {Show(c)} is not a gg:Control"));
            List<Term> sections = Graph.Objects(requirement, Gg.Properties.AddressedIn).ToList();
            if (!informative && sections.Count == 0)
            {
                offenders.Add($"{name}: addressed in no M11 section");
            }
            offenders.AddRange(sections.Where(s => !IsM11Section(s)).Select(s => $"{name}: {Show(s)} is not a section of m11.ttl"));
        }
        Offenders.AssertNone(offenders, "requirement defects");
    }

    private static bool IsM11Section(Term section) =>
        Graph.HasType(section, Gg.Classes.ProtocolSection) && Graph.Objects(section, SkosInScheme).Contains(new Iri(M11.Scheme));

    private static string Describe(List<Term> terms) => terms.Count == 0 ? "missing" : string.Join(", ", terms.Select(Show));

    [Fact]
    public void Every_condition_is_always_or_built_from_features_and_conditions()
    {
        var offenders = new List<string>();
        foreach (Term requirement in Graph.InstancesOf(Gg.Classes.Requirement))
        {
            List<Term> conditions = Graph.Objects(requirement, Gg.Properties.AppliesWhen).ToList();
            if (conditions.Count != 1)
            {
                offenders.Add($"{Show(requirement)}: {conditions.Count} gg:appliesWhen, expected 1 (gg:Always when unconditional)");
            }
            var pending = new Stack<Term>(conditions);
            while (pending.TryPop(out Term? condition))
            {
                if (condition.Equals(new Iri(Gg.Always))) continue;
                if (!Graph.HasType(condition, Gg.Classes.Condition))
                {
                    offenders.Add($"{Show(requirement)}: {Show(condition)} is neither gg:Always nor a gg:Condition");
                    continue;
                }
                IEnumerable<Term> members = Graph.Objects(condition, Gg.Properties.AllOf)
                    .Concat(Graph.Objects(condition, Gg.Properties.AnyOf)).Concat(Graph.Objects(condition, Gg.Properties.NoneOf));
                foreach (Term member in members)
                {
                    if (Graph.HasType(member, Gg.Classes.Condition)) pending.Push(member);
                    else if (!Graph.HasType(member, Gg.Classes.ProfileFeature)) offenders.Add($"{Show(requirement)}: condition member {Show(member)} is not a gg:ProfileFeature");
                }
            }
        }
        Offenders.AssertNone(offenders, "condition defects");
    }

    [Fact]
    public void Every_sentence_with_a_modal_word_is_covered_by_a_quote()
    {
        var offenders = new List<string>();
        int modalSentences = 0;
        foreach ((Term guideline, string source, List<Term> requirements) in Guidelines())
        {
            List<string> quotes = requirements
                .SelectMany(r => Graph.Objects(r, Gg.Properties.Quote)).OfType<Literal>()
                .Where(l => string.Equals(l.Language, "zh", StringComparison.OrdinalIgnoreCase))
                .Select(l => GuidelineText.Normalise(l.Lexical)).Where(q => q.Length > 0).ToList();
            foreach (string sentence in GuidelineText.Sentences(source).Where(ModalWords.Carries))
            {
                modalSentences++;
                bool covered = quotes.Any(q => sentence.Contains(q, StringComparison.Ordinal) || q.Contains(sentence, StringComparison.Ordinal));
                if (!covered) offenders.Add($"{Show(guideline)}: «{sentence}»");
            }
        }
        Assert.True(modalSentences > 0, "no modal sentence found: is the source text loaded?");
        Offenders.AssertNone(offenders, "sentences with a modal word that no requirement quotes");
    }

    [Theory]
    [InlineData(Gg.Classes.ProfileFeature)]
    [InlineData(Gg.Classes.Risk)]
    [InlineData(Gg.Classes.Control)]
    [InlineData(Gg.Classes.ProtocolSection)]
    public void Every_feature_risk_control_and_section_has_one_english_and_one_chinese_preferred_label(string type)
    {
        List<Term> instances = Graph.InstancesOf(type).ToList();
        Assert.NotEmpty(instances);
        var offenders = new List<string>();
        foreach (Term instance in instances)
        {
            List<Literal> labels = Graph.Objects(instance, SkosPrefLabel).OfType<Literal>().ToList();
            foreach (string language in new[] { "en", "zh" })
            {
                int count = labels.Count(l => string.Equals(l.Language, language, StringComparison.OrdinalIgnoreCase) && l.Lexical.Trim().Length > 0);
                if (count != 1) offenders.Add($"{Show(instance)}: {count} skos:prefLabel@{language}, expected 1");
            }
        }
        Offenders.AssertNone(offenders, "label defects of " + Show(new Iri(type)));
    }

    [Fact]
    public void No_iri_of_our_namespaces_dangles()
    {
        var offenders = new List<string>();
        foreach (Triple triple in Graph.Triples)
        {
            if (IsOurs(triple.Predicate) && !Graph.IsDeclared(triple.Predicate))
            {
                offenders.Add($"{Show(triple.Predicate)} (used as a predicate on {Show(triple.Subject)}) is not declared");
            }
            if (triple.Object is Iri target && IsOurs(target) && !Graph.IsDeclared(target))
            {
                offenders.Add($"{Show(target)} (object of {Show(triple.Predicate)} on {Show(triple.Subject)}) is not declared");
            }
        }
        Offenders.AssertNone(offenders, "undeclared IRIs (no rdf:type anywhere)");
    }

    private static bool IsOurs(Iri iri) => OwnNamespaces.Any(ns => iri.Value.StartsWith(ns, StringComparison.Ordinal));

    [Fact]
    public void Every_risk_and_mitigation_link_cites_an_existing_clause()
    {
        var offenders = new List<string>();
        foreach (Triple citation in Graph.WithPredicate(Gg.Properties.CitesClause))
        {
            if (!Graph.HasType(citation.Object, Gg.Classes.Clause)) offenders.Add($"{Show(citation.Subject)} cites {Show(citation.Object)}, which is not a gg:Clause");
        }
        var riskLinks = new HashSet<(Term, Term)>();
        foreach (Term link in Graph.InstancesOf(Gg.Classes.RiskLink))
        {
            Term? feature = Single(link, Gg.Properties.Feature, Gg.Classes.ProfileFeature, offenders);
            Term? risk = Single(link, Gg.Properties.Risk, Gg.Classes.Risk, offenders);
            if (!Graph.Objects(link, Gg.Properties.CitesClause).Any()) offenders.Add($"{Show(link)} (a gg:RiskLink) cites no clause");
            if (feature != null && risk != null) riskLinks.Add((feature, risk));
        }
        var mitigationLinks = new HashSet<(Term, Term)>();
        foreach (Term link in Graph.InstancesOf(Gg.Classes.MitigationLink))
        {
            Term? risk = Single(link, Gg.Properties.Risk, Gg.Classes.Risk, offenders);
            Term? control = Single(link, Gg.Properties.Control, Gg.Classes.Control, offenders);
            if (!Graph.Objects(link, Gg.Properties.CitesClause).Any()) offenders.Add($"{Show(link)} (a gg:MitigationLink) cites no clause");
            if (risk != null && control != null) mitigationLinks.Add((risk, control));
        }
        foreach (Triple raises in Graph.WithPredicate(Gg.Properties.RaisesRisk))
        {
            if (!riskLinks.Contains((raises.Subject, raises.Object))) offenders.Add($"{Show(raises.Subject)} gg:raisesRisk {Show(raises.Object)} has no gg:RiskLink citing its clause");
        }
        foreach (Triple mitigated in Graph.WithPredicate(Gg.Properties.MitigatedBy))
        {
            if (!mitigationLinks.Contains((mitigated.Subject, mitigated.Object))) offenders.Add($"{Show(mitigated.Subject)} gg:mitigatedBy {Show(mitigated.Object)} has no gg:MitigationLink citing its clause");
        }
        foreach (Triple mitigates in Graph.WithPredicate(Gg.Properties.Mitigates))
        {
            if (!mitigationLinks.Contains((mitigates.Object, mitigates.Subject))) offenders.Add($"{Show(mitigates.Subject)} gg:mitigates {Show(mitigates.Object)} has no gg:MitigationLink citing its clause");
        }
        Assert.NotEmpty(riskLinks);
        Assert.NotEmpty(mitigationLinks);
        Offenders.AssertNone(offenders, "links without a citation");
    }

    private static Term? Single(Term link, string property, string type, List<string> offenders)
    {
        List<Term> values = Graph.Objects(link, property).ToList();
        if (values.Count == 1 && Graph.HasType(values[0], type)) return values[0];
        offenders.Add($"{Show(link)}: {Show(new Iri(property))} is {Describe(values)}, expected one {Show(new Iri(type))}");
        return null;
    }

    [Fact]
    public void Broader_links_stay_inside_one_scheme_and_never_cycle()
    {
        var offenders = new List<string>();
        foreach (Triple broader in Graph.WithPredicate(SkosBroader))
        {
            HashSet<Term> schemes = Graph.Objects(broader.Subject, SkosInScheme).ToHashSet();
            if (!Graph.Objects(broader.Object, SkosInScheme).Any(schemes.Contains))
            {
                offenders.Add($"{Show(broader.Subject)} skos:broader {Show(broader.Object)} crosses schemes");
            }
        }
        foreach (Term concept in Graph.WithPredicate(SkosBroader).Select(t => t.Subject).Distinct())
        {
            if (Graph.BroaderClosure(concept).Contains(concept)) offenders.Add($"{Show(concept)} is broader than itself");
        }
        Offenders.AssertNone(offenders, "hierarchy defects");
    }
}
