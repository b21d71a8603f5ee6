using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Documents;

namespace GuidelineGraph.Guidance.Tests.Detection;

public sealed class FeatureDetectionTests
{
    private static IReadOnlyList<DetectedFeature> Detect(string markdown) =>
        Graph.Features.Detect(MarkdownProtocolReader.Read(markdown).Document!);

    private static List<string> Ids(string markdown) => Detect(markdown).Where(f => f.Detected).Select(f => f.Feature.Id).ToList();

    [Fact]
    public void Abbreviations_match_only_as_written_and_on_word_boundaries()
    {
        Assert.Contains("intrathecal", Ids("Given IT at day 1.\n"));
        Assert.DoesNotContain("intrathecal", Ids("Each item will be recorded; it will be reviewed. It is fine.\n"));
        Assert.DoesNotContain("aav", Ids("The scAAVx construct.\n"));
    }

    [Fact]
    public void Longest_label_wins_and_positions_are_exact()
    {
        DetectedFeature aav9 = Assert.Single(Detect("# 6.1 Product\n\nA self-complementary AAV9 vector.\n"), f => f.Feature.Id == "aav9");
        FeatureOccurrence occurrence = Assert.Single(aav9.Occurrences);
        Assert.Equal("AAV9 vector", occurrence.Text);
        Assert.Equal((3, 22), (occurrence.Span.Start.Line, occurrence.Span.Start.Column));
        Assert.Equal("6.1 Product", occurrence.Section!.Heading);
    }

    [Fact]
    public void Chinese_labels_match_as_substrings_and_full_width_latin_is_folded()
    {
        List<string> ids = Ids("受试者为婴儿，采用鞘内注射给予ＡＡＶ９载体。\n");
        Assert.Contains("infants", ids);
        Assert.Contains("intrathecal", ids);
        Assert.Contains("aav9", ids);
    }

    [Fact]
    public void A_negated_mention_does_not_make_a_feature_detected()
    {
        DetectedFeature immunosuppression = Assert.Single(Detect("No immunosuppression will be used.\n"), f => f.Feature.Id == "immunosuppression");
        Assert.False(immunosuppression.Detected);
        Assert.True(Assert.Single(immunosuppression.Occurrences).Negated);
    }

    [Fact]
    public void An_M11_template_heading_is_not_a_feature_but_the_same_words_in_the_body_are()
    {
        Assert.DoesNotContain("concomitant-medication", Ids("# 6 TRIAL INTERVENTION AND CONCOMITANT THERAPY\n\n## 6.9 Concomitant Therapy\n\nNone.\n"));
        Assert.Contains("concomitant-medication", Ids("# 6 Intervention\n\nConcomitant therapy with antiepileptics is allowed.\n"));
    }

    [Fact]
    public void A_risk_phrase_hides_the_feature_word_inside_it()
    {
        Assert.DoesNotContain("intracranial", Ids("壳核内注射可能导致颅内出血。\n"));
        Assert.Contains("intracranial", Ids("采用颅内注射给药。\n"));
        Assert.DoesNotContain("intracranial", Ids("Intracranial haemorrhage is a known risk of stereotactic surgery.\n"));
    }

    [Fact]
    public void English_words_match_in_any_inflection()
    {
        Assert.Contains("ex-vivo-modified-cells", Ids("Autologous CD34+ cells transduced ex vivo with a lentiviral vector.\n"));
        Assert.Contains("staggered-enrollment", Ids("The first two infants are sentinel participants.\n"));
        Assert.Contains("spinal-cord", Ids("A disease of the motor neuron.\n"));
    }
}

public sealed class StemTests
{
    [Theory]
    [InlineData("training", "trained")]
    [InlineData("train", "trains")]
    [InlineData("dose", "dosing")]
    [InlineData("doses", "dosed")]
    [InlineData("study", "studies")]
    [InlineData("control", "controlled")]
    [InlineData("monitoring", "monitored")]
    [InlineData("shedding", "shed")]
    [InlineData("assess", "assessed")]
    public void Inflections_share_a_stem(string a, string b)
    {
        int length = Stem.Length(a);
        Assert.Equal(length, Stem.Length(b));
        Assert.Equal(a[..length], b[..length]);
    }

    [Theory]
    [InlineData("pass", "pas")]
    [InlineData("virus", "viru")]
    [InlineData("aav9", "aav")]
    public void Different_words_keep_different_stems(string a, string b) =>
        Assert.False(Stem.Length(a) == Stem.Length(b) && a[..Stem.Length(a)] == b[..Stem.Length(b)]);

    [Fact]
    public void A_control_term_matches_an_inflected_word_with_its_exact_span()
    {
        var matcher = new TermMatcher<string>([("procedure training", "sop")]);
        TermMatch<string> match = Assert.Single(matcher.Find("Surgeons are procedure trained before dosing."));
        Assert.Equal((13, 17), (match.Start, match.Length));
        Assert.Empty(matcher.Find("The procedure trainee watches."));
    }
}

public sealed class NegationTests
{
    [Theory]
    [InlineData("Vector shedding will not be monitored.", "shedding", true)]
    [InlineData("No integration site analysis will be performed.", "integration site analysis", true)]
    [InlineData("Shedding: not applicable.", "Shedding", false)]
    [InlineData("Insertion site analysis is not applicable to AAV.", "Insertion site analysis", true)]
    [InlineData("Liver function is measured weekly.", "Liver function", false)]
    [InlineData("Samples are taken no later than day 3 for shedding.", "shedding", false)]
    [InlineData("Participants who did not respond receive rescue therapy, but liver function is measured weekly.", "liver function", false)]
    [InlineData("本研究不进行载体脱落检测。", "脱落", true)]
    [InlineData("本试验不开展长期随访。", "长期随访", true)]
    [InlineData("无需进行肝功能检查。", "肝功能", true)]
    [InlineData("未设置停止标准。", "停止标准", true)]
    [InlineData("插入位点分析不适用。", "插入位点", true)]
    [InlineData("针对未满足的临床需求，每周检测肝功能。", "肝功能", false)]
    [InlineData("每周检测肝功能，不良事件按常规记录。", "肝功能", false)]
    public void Negation_is_recognised_in_english_and_chinese(string sentence, string term, bool negated)
    {
        int at = sentence.IndexOf(term, StringComparison.Ordinal);
        Assert.Equal(negated, Negation.IsNegated(sentence, at, term.Length));
    }
}

public sealed class FeatureResolverTests
{
    [Theory]
    [InlineData("AAV9", "aav9")]
    [InlineData("aav9", "aav9")]
    [InlineData("ＡＡＶ９", "aav9")]
    [InlineData("intrathecal", "intrathecal")]
    [InlineData("鞘内注射", "intrathecal")]
    [InlineData("婴儿", "infants")]
    [InlineData("https://w3id.org/guidelinegraph/feature/lentivirus", "lentivirus")]
    [InlineData("Intra-Thecal", "intrathecal")]
    public void Words_resolve_by_id_iri_and_labels(string word, string id)
    {
        FeatureResolution resolution = Graph.Resolver.Resolve(word);
        Assert.Equal(ResolutionKind.Resolved, resolution.Kind);
        Assert.Equal(id, resolution.Feature!.Id);
    }

    [Fact]
    public void An_unknown_word_gets_did_you_mean_suggestions()
    {
        FeatureResolution resolution = Graph.Resolver.Resolve("intrathecel");
        Assert.Equal(ResolutionKind.Unknown, resolution.Kind);
        Assert.Contains(resolution.Candidates, f => f.Id == "intrathecal");
        Assert.StartsWith("unknown feature 'intrathecel'; did you mean intrathecal", resolution.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_inside_several_features_labels_is_ambiguous()
    {
        FeatureResolution resolution = Graph.Resolver.Resolve("serotype");
        Assert.Equal(ResolutionKind.Ambiguous, resolution.Kind);
        Assert.Contains(resolution.Candidates, f => f.Id == "aav2");
        Assert.Contains(resolution.Candidates, f => f.Id == "aav9");
    }

    [Fact]
    public void Declared_front_matter_words_resolve_with_positioned_errors()
    {
        ProtocolDocument doc = MarkdownProtocolReader.Read("---\nprofile:\n  features: [AAV9, 婴儿, intrathecel]\n---\n", "p.md").Document!;
        var (features, errors) = Graph.Resolver.ResolveDeclared(doc);
        Assert.Equal(["aav9", "infants"], features.Select(f => f.Feature.Id));
        DocumentError error = Assert.Single(errors);
        Assert.Equal((3, 24), (error.Span!.Value.Start.Line, error.Span.Value.Start.Column));
        Assert.Contains("did you mean", error.Message, StringComparison.Ordinal);
    }
}

public sealed class M11MappingTests
{
    private static DocumentMapping Map(string markdown) => Graph.Mapper.Map(MarkdownProtocolReader.Read(markdown).Document!);

    [Theory]
    [InlineData("Risk Summary and Mitigation Strategy", "2.2.1")]
    [InlineData("risk summary & mitigation strategies", "2.2.1")]
    [InlineData("Mitigation Strategy and Risk Summary", "2.2.1")]
    [InlineData("风险总结和缓解策略", "2.2.1")]
    [InlineData("Inclusion Criteria", "5.2")]
    [InlineData("入选标准", "5.2")]
    [InlineData("Sample Size Determination", "10.11")]
    public void Titles_map_loosely_in_english_and_chinese(string title, string notation)
    {
        Assert.Equal(notation, Graph.Mapper.BestByTitle(title, _ => true).Section!.Notation);
    }

    [Fact]
    public void Title_wins_over_a_conflicting_own_number_and_children_inherit()
    {
        DocumentMapping mapping = Map("# 3 试验设计\n\n## 3.1 试验设计描述\n\n## 3.2 给药间隔的考虑\n");
        Assert.Equal(("4", MappingMethod.Title), (mapping.Sections[0]!.M11.Notation, mapping.Sections[0]!.Method));
        Assert.Equal("4.1", mapping.Sections[1]!.M11.Notation);
        Assert.Equal(("4", MappingMethod.Inherited), (mapping.Sections[2]!.M11.Notation, mapping.Sections[2]!.Method));
        Assert.False(mapping.NumberingFollowsM11);
    }

    [Fact]
    public void A_loose_chinese_title_maps_under_its_parent()
    {
        DocumentMapping mapping = Map("## 2.2 风险和获益评估\n\n### 2.2.1 风险概述和缓解策略\n");
        Assert.Equal("2.2.1", mapping.Sections[1]!.M11.Notation);
        Assert.Equal(MappingMethod.Title, mapping.Sections[1]!.Method);
        Assert.InRange(mapping.Sections[1]!.Confidence, 0.5, 0.9);
    }

    [Fact]
    public void Numbers_map_when_the_document_follows_M11_numbering()
    {
        DocumentMapping mapping = Map("# 8 Trial Assessments and Procedures\n\n## 8.4 Safety Assessments and Procedures\n\n### 8.4.4 Hepatic panels\n");
        Assert.True(mapping.NumberingFollowsM11);
        Assert.Equal(("8.4.4", MappingMethod.Number), (mapping.Sections[2]!.M11.Notation, mapping.Sections[2]!.Method));
    }
}

public sealed class EvidenceDetectionTests
{
    [Fact]
    public void Evidence_is_found_only_in_sections_mapped_to_the_expected_M11_sections()
    {
        ProtocolDocument doc = MarkdownProtocolReader.Read("# 2.2.1 Risk Summary and Mitigation Strategy\n\nLiver injury is a risk.\n\n# 8.4 Safety Assessments and Procedures\n\nALT and AST are measured weekly.\n").Document!;
        ProtocolIndex index = Graph.Scanner.Index(doc);
        ControlTerms liver = Graph.Vocabulary.Controls["liver-function-monitoring"];

        ControlEvidence evidence = Graph.Evidence.Find(index, liver, ["8.4"]);
        Assert.Equal(["ALT", "AST"], evidence.Found.Select(h => h.Term));
        EvidenceHit hit = evidence.Found[0];
        Assert.Equal((7, "8.4", "ALT and AST are measured weekly."), (hit.Line, hit.M11Section, hit.Snippet));
        Assert.Empty(Graph.Evidence.Find(index, liver, ["5.2"]).Found);
    }

    [Fact]
    public void A_heading_over_a_not_applicable_body_is_not_evidence()
    {
        ProtocolDocument doc = MarkdownProtocolReader.Read("# 8 Trial Assessments and Procedures\n\n## 8.9 Vector Shedding\n\nNot applicable.\n").Document!;
        ControlEvidence evidence = Graph.Evidence.Find(Graph.Scanner.Index(doc), Graph.Vocabulary.Controls["shedding-assessment"], ["8"]);
        Assert.False(evidence.IsEvidenced);
        Assert.Single(evidence.Negated);
    }
}
