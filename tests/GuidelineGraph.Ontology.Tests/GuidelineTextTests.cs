namespace GuidelineGraph.Ontology.Tests;

public sealed class GuidelineTextTests
{
    [Fact]
    public void Normalising_trims_every_line_and_joins_them()
    {
        Assert.Equal("使不能正常工作的基因失活或者引入新的基因。质粒 DNA、RNA",
            GuidelineText.Normalise("使不能正常工作的基因失\n 活或者引入新的基因。 \n\n质粒 DNA、RNA\n"));
    }

    [Fact]
    public void Sentences_end_at_full_stops_semicolons_and_paragraph_ends()
    {
        string source = "1.受试者 \n\n罕见病临床试验的受试人群的选择应基于已有的非临床\n\n和临床数据；选择合适的研究人群。申请人应考虑 \n";

        Assert.Equal(["1.受试者", "罕见病临床试验的受试人群的选择应基于已有的非临床和临床数据；", "选择合适的研究人群。", "申请人应考虑"],
            GuidelineText.Sentences(source));
    }

    [Theory]
    [InlineData("申请人应考虑拟入选的受试人群是否适合证明产品的有效性与安全性。", true)]
    [InlineData("儿童入组罕见病基因治疗产品临床试验时需考虑伦理和监管等因素。", true)]
    [InlineData("如果可行，推荐使用安慰剂对照。", true)]
    [InlineData("鼓励应用患者报告结局。", true)]
    [InlineData("可考虑重复给药。", true)]
    [InlineData("中止/暂停标准必须明确。", true)]
    [InlineData("重度或晚期罕见病受试者其罕见病本身的临床表现可能与基因治疗产品导致的不良反应相混淆。", false)]
    [InlineData("处于疾病更早期的受试者可能从治疗中获益更多，但是疾病更晚期的受试者的临床需求更强烈。", false)]
    [InlineData("无有效治疗手段，且在成年后出现不可避免的严重并发症的罕见病。", false)]
    [InlineData("针对拟申请适应症开展临床调研是不可或缺的。", true)]
    [InlineData("目前国内在研的基因治疗产品多集中于神经系统疾病、代谢性疾病、血液疾病、眼部疾病等领域。", false)]
    [InlineData("这种免疫应答可导致炎症。", true)]
    public void Modal_words_are_found_and_look_alikes_are_not(string sentence, bool modal)
    {
        Assert.Equal(modal, ModalWords.Carries(sentence));
    }
}
