using System.Text.Json;
using GuidelineGraph.Guidance.Documents;
using GuidelineGraph.Guidance.Requirements;

namespace GuidelineGraph.Guidance.Coverage;

/// <summary>
/// A check as SARIF 2.1.0 for code-scanning UIs: one rule per applicable requirement, one result per missing one,
/// located at the heading of the section where the text belongs (or the document start); level by modality.
/// </summary>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Level(Modality modality) => modality switch
    {
        Modality.Shall => "error",
        Modality.Should => "warning",
        _ => "note",
    };

    public static void Write(CheckReport report, Utf8JsonWriter w, string artifactUri, string toolVersion)
    {
        var missing = report.Requirements.Where(r => r.Status == CoverageStatus.Missing).ToList();
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "GuidelineGraph");
        w.WriteString("version", toolVersion);
        w.WriteString("informationUri", "https://w3id.org/guidelinegraph");
        w.WriteStartArray("rules");
        foreach (RequirementCoverage coverage in missing)
        {
            Requirement r = coverage.Applicable.Requirement;
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("name", string.Join("", (r.Controls.FirstOrDefault()?.Label.En ?? r.Id).Split(' ', '-').Select(Capitalised)));
            w.WriteStartObject("shortDescription");
            w.WriteString("text", $"{r.Clause?.Number ?? r.Number}: {r.Quote.En ?? r.Quote.Zh}");
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", $"{r.Quote.Zh} — {r.Quote.En}");
            w.WriteEndObject();
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(r.Modality));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("modality", r.Modality.ToString().ToLowerInvariant());
            w.WriteStartArray("m11Sections");
            foreach (string s in r.M11Sections) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("artifacts");
        w.WriteStartObject();
        w.WriteStartObject("location");
        w.WriteString("uri", artifactUri);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("results");
        for (int i = 0; i < missing.Count; i++)
        {
            RequirementCoverage coverage = missing[i];
            Requirement r = coverage.Applicable.Requirement;
            ProtocolSection? section = coverage.ExpectedSections.FirstOrDefault();
            SourceSpan span = section?.HeadingSpan ?? new SourceSpan(new(1, 1, 0), new(1, 1, 0));
            string where = section is null ? "the document (no section maps to ICH M11 " + string.Join(", ", r.M11Sections) + ")" : $"section {section.Heading}";
            w.WriteStartObject();
            w.WriteString("ruleId", r.Id);
            w.WriteNumber("ruleIndex", i);
            w.WriteString("level", Level(r.Modality));
            w.WriteStartObject("message");
            w.WriteString("text", $"Missing {r.Modality.ToString().ToLowerInvariant()} requirement {r.Id} ({string.Join(", ", r.Controls.Select(c => c.Label.En ?? c.Id))}) in {where}: {r.Quote.En}");
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", artifactUri);
            w.WriteNumber("index", 0);
            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", span.Start.Line);
            w.WriteNumber("startColumn", span.Start.Column);
            w.WriteNumber("endLine", span.End.Line);
            w.WriteNumber("endColumn", Math.Max(span.End.Column, span.Start.Column));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
