namespace GuidelineGraph.Vocabulary.Tests;

/// <summary>The constants generated from the real ontology/ at build time.</summary>
public sealed class VocabularyConstantsTests
{
    [Fact]
    public void Features_are_constants_of_their_iris()
    {
        Assert.Equal("https://w3id.org/guidelinegraph/feature/aav9", Features.Aav9);
        Assert.Equal("https://w3id.org/guidelinegraph/feature/intrathecal", Features.Intrathecal);
        Assert.Equal("https://w3id.org/guidelinegraph/feature/product-modality", Features.ProductModality);
        Assert.Equal("https://w3id.org/guidelinegraph/feature/", Features.Namespace);
    }

    [Fact]
    public void M11_sections_are_named_by_number()
    {
        Assert.Equal("https://w3id.org/guidelinegraph/m11/8.4.1", M11.S8_4_1);
        Assert.Equal("https://w3id.org/guidelinegraph/m11/2.2.1", M11.S2_2_1);
        Assert.Equal("https://w3id.org/guidelinegraph/m11/scheme", M11.Scheme);
    }

    [Fact]
    public void Risks_and_controls_are_constants_of_their_iris()
    {
        Assert.Equal("https://w3id.org/guidelinegraph/control/liver-function-monitoring", Controls.LiverFunctionMonitoring);
        Assert.Equal("https://w3id.org/guidelinegraph/risk/insertional-oncogenesis", Risks.InsertionalOncogenesis);
    }

    [Fact]
    public void Core_classes_properties_and_individuals_are_split()
    {
        Assert.Equal("https://w3id.org/guidelinegraph/ns#Requirement", Gg.Classes.Requirement);
        Assert.Equal("https://w3id.org/guidelinegraph/ns#demandsControl", Gg.Properties.DemandsControl);
        Assert.Equal("https://w3id.org/guidelinegraph/ns#Shall", Gg.Shall);
    }
}
