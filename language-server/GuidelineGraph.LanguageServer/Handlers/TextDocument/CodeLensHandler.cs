using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.LanguageServer.Analysis;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Server;

namespace GuidelineGraph.LanguageServer.Handlers.TextDocument;

/// <summary>A lens on each section heading: how many requirements its text addresses, and how many missing ones belong there.</summary>
[LspMethod(LspMethods.TextDocumentCodeLens)]
internal sealed class CodeLensHandler : ILspHandler<CodeLensParams, IReadOnlyList<CodeLens>>
{
    public bool MutatesState => false;

    public async Task<IReadOnlyList<CodeLens>> HandleAsync(CodeLensParams request, RequestContext context, CancellationToken ct)
    {
        if (await context.ProtocolAsync(request.TextDocument.Uri, ct).ConfigureAwait(false) is not { Report: { } report } analysis) return [];
        var addressed = new int[analysis.Protocol.Sections.Count];
        var missing = new int[analysis.Protocol.Sections.Count];
        foreach (RequirementCoverage coverage in report.Requirements)
        {
            if (coverage.Status == CoverageStatus.Missing)
                foreach (ProtocolSection section in coverage.ExpectedSections) missing[section.Index]++;
            else if (coverage.Status == CoverageStatus.Addressed)
                foreach (int index in coverage.Evidence.Where(e => e.Section is not null).Select(e => e.Section!.Index).Distinct()) addressed[index]++;
        }
        bool zh = context.Snapshot.Settings.Chinese;
        var lenses = new List<CodeLens>();
        foreach (ProtocolSection section in analysis.Protocol.Sections)
        {
            string title = zh ? $"已涉及 {addressed[section.Index]} 条，此处缺少 {missing[section.Index]} 条" : $"{addressed[section.Index]} addressed, {missing[section.Index]} missing here";
            lenses.Add(new CodeLens(analysis.Document.Text.Range(section.HeadingSpan.Start, section.HeadingSpan.End, context.Snapshot.Encoding),
                new LspCommand(title, "")));
        }
        return lenses;
    }
}
