using GuidelineGraph.Rdf;
using GuidelineGraph.Vocabulary;
using static GuidelineGraph.Ontology.Tests.OntologyGraph;

namespace GuidelineGraph.Ontology.Tests;

/// <summary>
/// The words that authors write resolve to exactly one feature: the seed guideline's own terms (each
/// checked to occur in the seed) and the usual English protocol wording.
/// </summary>
public sealed class FeatureWordingTests
{
    private static readonly OntologyGraph Graph = OntologyGraph.Instance;

    private static readonly Lazy<string> Seed = new(() =>
        GuidelineText.Normalise(File.ReadAllText(Path.Combine(Graph.Directory, "guidelines/cde-2024-rare-disease-gt/source.txt"))));

    private static List<string> FeaturesLabelled(string word, string language) =>
        Graph.InstancesOf(Gg.Classes.ProfileFeature)
            .Where(f => Graph.Objects(f, SkosPrefLabel).Concat(Graph.Objects(f, "http://www.w3.org/2004/02/skos/core#altLabel")).OfType<Literal>()
                .Any(l => string.Equals(l.Language, language, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(l.Lexical, word, StringComparison.OrdinalIgnoreCase)))
            .Select(f => ((Iri)f).Value[Features.Namespace.Length..]).ToList();

    [Theory]
    [InlineData("视网膜下腔注射", "subretinal")]
    [InlineData("鞘内注射", "intrathecal")]
    [InlineData("颅内给药", "intracranial")]
    [InlineData("侵入性操作", "invasive-procedure")]
    [InlineData("中枢神经系统", "central-nervous-system")]
    [InlineData("相对敏感的位点", "sensitive-site-delivery")]
    [InlineData("健康受试者", "healthy-volunteers")]
    [InlineData("成人", "adults")]
    [InlineData("儿童", "children")]
    [InlineData("婴儿", "infants")]
    [InlineData("年幼儿童", "young-children")]
    [InlineData("首次人体试验", "first-in-human")]
    [InlineData("伴随诊断", "companion-diagnostic")]
    [InlineData("预存抗体", "pre-existing-immunity")]
    [InlineData("随机对照试验", "randomized-controlled")]
    [InlineData("安慰剂对照", "placebo-controlled")]
    [InlineData("分层随机化", "stratified-randomization")]
    [InlineData("自身对照", "intra-patient-control")]
    [InlineData("遗传性皮肤病", "inherited-skin-disease")]
    [InlineData("局部治疗效果", "local-effect")]
    [InlineData("单臂试验", "single-arm")]
    [InlineData("外部对照", "external-control")]
    [InlineData("历史对照", "historical-control")]
    [InlineData("疗效目标值", "objective-performance-criterion")]
    [InlineData("导入期", "run-in-period")]
    [InlineData("重复给药", "repeat-dosing")]
    [InlineData("替代终点", "surrogate-endpoint")]
    [InlineData("患者报告结局", "patient-reported-outcome")]
    [InlineData("长期随访", "long-term-follow-up")]
    [InlineData("整合载体", "integrating-vector")]
    [InlineData("造血干细胞", "hematopoietic-stem-cells")]
    [InlineData("合并用药", "concomitant-medication")]
    [InlineData("高风险人群", "high-risk-population")]
    [InlineData("腺相关病毒", "aav")]
    [InlineData("糖皮质激素", "immunosuppression")]
    [InlineData("预处理", "preconditioning")]
    [InlineData("剂量递增", "dose-escalation")]
    [InlineData("入组间隔", "staggered-enrollment")]
    [InlineData("盲法对照", "blinding")]
    [InlineData("独立委员会", "independent-committee")]
    [InlineData("补救治疗", "rescue-therapy")]
    [InlineData("致畸致残", "teratogenic-or-disabling")]
    [InlineData("快速进展", "rapidly-progressive")]
    [InlineData("疾病自然史", "natural-history-available")]
    [InlineData("质粒 DNA", "plasmid-dna")]
    [InlineData("生殖系统", "reproductive-system")]
    [InlineData("骨骼肌肉系统", "musculoskeletal-system")]
    public void A_term_of_the_seed_resolves_to_its_feature(string word, string feature)
    {
        Assert.Contains(word, Seed.Value);
        Assert.Equal([feature], FeaturesLabelled(word, "zh"));
    }

    [Theory]
    [InlineData("AAV9", "aav9")]
    [InlineData("rAAV", "aav")]
    [InlineData("adeno-associated virus", "aav")]
    [InlineData("LVV", "lentivirus")]
    [InlineData("lentiviral vector", "lentivirus")]
    [InlineData("γ-RV", "gamma-retrovirus")]
    [InlineData("HSPC", "hematopoietic-stem-cells")]
    [InlineData("CRISPR/Cas9", "crispr-cas")]
    [InlineData("LNP", "lnp")]
    [InlineData("intrathecal injection", "intrathecal")]
    [InlineData("IT", "intrathecal")]
    [InlineData("ICV", "intracerebroventricular")]
    [InlineData("subretinal injection", "subretinal")]
    [InlineData("IV", "intravenous")]
    [InlineData("paediatric", "children")]
    [InlineData("pediatric", "children")]
    [InlineData("infant", "infants")]
    [InlineData("FIH", "first-in-human")]
    [InlineData("PRO", "patient-reported-outcome")]
    [InlineData("RCT", "randomized-controlled")]
    [InlineData("LTFU", "long-term-follow-up")]
    [InlineData("WOCBP", "women-of-childbearing-potential")]
    public void Protocol_wording_in_english_resolves_to_its_feature(string word, string feature)
    {
        Assert.Equal([feature], FeaturesLabelled(word, "en"));
    }

    [Theory]
    [InlineData("AAV", "aav")]
    [InlineData("慢病毒", "lentivirus")]
    [InlineData("视网膜下注射", "subretinal")]
    [InlineData("鞘内给药", "intrathecal")]
    [InlineData("婴幼儿", "infants")]
    [InlineData("儿科", "children")]
    [InlineData("CRISPR/Cas9", "crispr-cas")]
    public void Protocol_wording_in_chinese_resolves_to_its_feature(string word, string feature)
    {
        Assert.Equal([feature], FeaturesLabelled(word, "zh"));
    }
}
