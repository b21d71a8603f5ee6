using System.Text;
using GuidelineGraph.Guidance.Detection;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Guidance.Requirements;
using GuidelineGraph.LanguageServer.Workspace;

namespace GuidelineGraph.LanguageServer.Presentation;

/// <summary>Markdown for hovers and documentation: requirements and features, in the configured language first.</summary>
public static class Markdown
{
    public static string Modality(Modality modality) => modality.ToString().ToLowerInvariant();

    /// <summary>"shall · 3.1 ¶3 · r-3.1-p3-s2a", then the clause in both languages, controls and M11 sections.</summary>
    public static void Requirement(StringBuilder text, Requirement requirement, ServerSettings settings)
    {
        text.Append("**").Append(Modality(requirement.Modality)).Append("** · ");
        if (requirement.Clause?.Number is { } number) text.Append("clause ").Append(number).Append(" · ");
        text.Append('`').Append(requirement.Id).Append("`\n\n");
        string?[] quotes = settings.Chinese ? [requirement.Quote.Zh, requirement.Quote.En] : [requirement.Quote.En, requirement.Quote.Zh];
        foreach (string? quote in quotes)
            if (quote is not null) text.Append("> ").Append(Escape(quote)).Append("\n\n");
        if (requirement.Controls.Count > 0)
            text.Append(settings.Chinese ? "控制措施：" : "Controls: ")
                .AppendJoin(", ", requirement.Controls.Select(c => settings.Pick(c.Label) ?? c.Id)).Append("\n\n");
        if (requirement.M11Sections.Count > 0)
            text.Append(settings.Chinese ? "ICH M11 章节：" : "ICH M11 sections: ").AppendJoin(", ", requirement.M11Sections).Append("\n\n");
    }

    /// <summary>A requirement's derivation (DerivationText's indented tree) as a code block, in the configured language.</summary>
    public static void Derivation(StringBuilder text, ApplicableRequirement applicable, ServerSettings settings) =>
        text.Append("```text\n").Append(DerivationText.Render(applicable, settings.Language).TrimEnd()).Append("\n```\n\n");

    /// <summary>One line per requirement: "- **shall** `r-…` 3.1 ¶3: quote", at most <paramref name="limit"/>, then "… and N more".</summary>
    public static void RequirementList(StringBuilder text, IReadOnlyList<ApplicableRequirement> requirements, ServerSettings settings, int limit)
    {
        foreach (ApplicableRequirement applicable in requirements.Take(limit))
        {
            Requirement r = applicable.Requirement;
            string quote = settings.Pick(r.Quote) ?? "";
            text.Append("- **").Append(Modality(r.Modality)).Append("** `").Append(r.Id).Append("` ").Append(r.Clause?.Number ?? "")
                .Append(": ").Append(Escape(quote.Length > 120 ? quote[..120] + "…" : quote)).Append('\n');
        }
        if (requirements.Count > limit) text.Append(settings.Chinese ? $"- ……另有 {requirements.Count - limit} 条\n" : $"- … and {requirements.Count - limit} more\n");
    }

    /// <summary>"**AAV9** (`aav9`) — adeno-associated virus serotype 9 / 腺相关病毒9型 · product modality".</summary>
    public static void Feature(StringBuilder text, Feature feature, ServerSettings settings)
    {
        text.Append("**").Append(Escape(settings.Pick(feature.Title) ?? feature.Id)).Append("** (`").Append(feature.Id).Append("`)");
        string? other = settings.Chinese ? feature.Title.En : feature.Title.Zh;
        if (other is not null) text.Append(" — ").Append(Escape(other));
        if (feature.Scheme is not null) text.Append(" · ").Append(feature.Scheme);
        text.Append("\n\n");
    }

    /// <summary>Escapes the characters Markdown would read as markup.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|') result.Append('\\');
            result.Append(c);
        }
        return result.ToString();
    }
}
