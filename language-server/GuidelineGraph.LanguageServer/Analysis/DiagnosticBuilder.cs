using GuidelineGraph.Guidance.Coverage;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.LanguageServer.Protocol;
using GuidelineGraph.LanguageServer.Text;
using GuidelineGraph.LanguageServer.Workspace;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.LanguageServer.Analysis;

/// <summary>Turns an analysis into LSP diagnostics under the current settings (language, severities).</summary>
public static class DiagnosticBuilder
{
    public static IReadOnlyList<Diagnostic> Build(DocumentAnalysis analysis, ServerSettings settings, PositionEncoding encoding)
    {
        DocumentText text = analysis.Document.Text;
        return analysis switch
        {
            SyntaxAnalysis syntax => syntax.Errors.Select(e => Syntax(text, e, encoding)).ToList(),
            ProtocolAnalysis protocol => ForProtocol(protocol, settings, encoding),
            _ => [],
        };
    }

    private static Diagnostic Syntax(DocumentText text, SyntaxError error, PositionEncoding encoding) =>
        new(text.Range(error.Start, error.End, encoding), DiagnosticSeverity.Error, error.Message) { Code = "syntax" };

    private static List<Diagnostic> ForProtocol(ProtocolAnalysis analysis, ServerSettings settings, PositionEncoding encoding)
    {
        DocumentText text = analysis.Document.Text;
        var diagnostics = new List<Diagnostic>();
        foreach (DocumentError error in analysis.Errors)
        {
            Protocol.Range range = error.Span is { } span ? text.Range(span.Start, span.End, encoding) : text.Range(0, 0, encoding);
            diagnostics.Add(new Diagnostic(range, DiagnosticSeverity.Error, error.Message) { Code = "protocol" });
        }
        if (analysis.Model is { } model && analysis.Report is { } report)
        {
            foreach (RequirementCoverage coverage in report.Requirements)
            {
                if (coverage.Status != CoverageStatus.Missing) continue;
                Requirement requirement = coverage.Applicable.Requirement;
                if (settings.SeverityOf(requirement.Modality) is not int severity) continue;
                diagnostics.Add(Missing(text, model, requirement, coverage, severity, settings, encoding));
            }
        }
        return diagnostics;
    }

    /// <summary>
    /// A missing requirement: on the heading of the first section where its text belongs (the document start when
    /// none maps), code = its compact id, the clause quoted in relatedInformation and linked by codeDescription.
    /// </summary>
    private static Diagnostic Missing(DocumentText text, GuidelineModel model, Requirement requirement, RequirementCoverage coverage,
        int severity, ServerSettings settings, PositionEncoding encoding)
    {
        Protocol.Range range = coverage.ExpectedSections.Count > 0
            ? text.Range(coverage.ExpectedSections[0].HeadingSpan.Start, coverage.ExpectedSections[0].HeadingSpan.End, encoding)
            : text.Range(0, text.LineEnd(0), encoding);
        string controls = string.Join(settings.Chinese ? "、" : ", ", requirement.Controls.Select(c => settings.Pick(c.Label) ?? c.Id));
        string clause = requirement.Clause?.Number ?? requirement.Id;
        string message = settings.Chinese
            ? $"未涉及{Modality(requirement.Modality, true)}要求（第 {clause} 条）：{settings.Pick(requirement.Quote)}" + (controls.Length > 0 ? $" 所需控制措施：{controls}" : "")
            : $"Not addressed: {Modality(requirement.Modality, false)} requirement (clause {clause}): {settings.Pick(requirement.Quote)}" + (controls.Length > 0 ? $" Controls: {controls}." : "");
        string clauseIri = requirement.Clause?.Iri ?? requirement.Iri;
        var related = new List<DiagnosticRelatedInformation>();
        foreach (string? quote in settings.Chinese ? new[] { requirement.Quote.Zh, requirement.Quote.En } : [requirement.Quote.En, requirement.Quote.Zh])
            if (quote is not null) related.Add(new DiagnosticRelatedInformation(new Location(clauseIri, new Protocol.Range(new Position(0, 0), new Position(0, 0))), $"{clause}: {quote}"));
        return new Diagnostic(range, severity, message)
        {
            Code = model.CompactName(requirement),
            CodeDescription = new CodeDescription(clauseIri),
            RelatedInformation = related,
            Data = new Newtonsoft.Json.Linq.JObject { ["requirementId"] = requirement.Id },
        };
    }

    private static string Modality(Modality modality, bool chinese) => (modality, chinese) switch
    {
        (Guidance.Requirements.Modality.Shall, true) => "必须（应当）",
        (Guidance.Requirements.Modality.Should, true) => "建议",
        (Guidance.Requirements.Modality.May, true) => "可选",
        _ => modality.ToString().ToLowerInvariant(),
    };
}
