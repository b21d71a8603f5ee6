using System.Text;
using GuidelineGraph.Guidance.Requirements;

namespace GuidelineGraph.Guidance.Profiles;

/// <summary>
/// A requirement's derivation as an indented tree (two spaces a level), in English or Chinese: the requirement,
/// each way its condition holds down to the asserted features, each control with the risks it mitigates and
/// the features raising them, and the clause with its quote. Used by <c>gg infer --explain</c> and the language server.
/// </summary>
public static class DerivationText
{
    private sealed record Words(string Applies, string Always, string Holds, string Asserted, string Absent, string Nested,
        string Control, string Mitigates, string RaisedBy, string NoRisk, string Clause);

    private static readonly Words En = new("applies by rule", "applies to every profile", "holds", "asserted", "and the profile does not hold",
        "condition holds", "control", "mitigates", "raised by", "no risk of this profile is linked to it", "clause");

    private static readonly Words Zh = new("适用，依据规则", "适用于所有方案", "具备", "声明", "且方案不具备",
        "满足条件", "控制措施", "降低风险", "风险来自", "本方案无与之关联的风险", "条款");

    /// <param name="language">"en" or "zh": labels, quotes and the connecting words.</param>
    public static string Render(ApplicableRequirement applicable, string language = "en")
    {
        bool zh = language == "zh";
        Words w = zh ? Zh : En;
        var sb = new StringBuilder();
        Requirement r = applicable.Requirement;
        string quote = Pick(r.Quote, zh) ?? "";
        sb.Append(r.Id).Append("  [").Append(r.Modality.ToString().ToLowerInvariant()).Append("]  ").Append(quote).Append('\n');
        foreach (ConditionProof condition in applicable.Derivation.Conditions) Condition(sb, condition, 1, w, zh);
        foreach (ControlProof control in applicable.Derivation.Controls)
        {
            Line(sb, 1, $"{w.Control} {Name(control.Control.Id, control.Control.Label, zh)}");
            if (control.Risks.Count == 0) Line(sb, 2, w.NoRisk);
            foreach (var byRisk in control.Risks.GroupBy(k => (k.RiskId, k.MitigationClause?.Number)))
            {
                RiskProof first = byRisk.First();
                Line(sb, 2, $"{w.Mitigates} {Name(first.RiskId, first.RiskLabel, zh)}{Cite(first.MitigationClause)}");
                foreach (RiskProof risk in byRisk) Feature(sb, 3, risk.RaisedBy, $"{w.RaisedBy} ", Cite(risk.RiskClause), w, zh);
            }
        }
        if (applicable.Derivation.Clause is { } clause)
        {
            Line(sb, 1, $"{w.Clause} {clause.Number ?? clause.Id} ({clause.Id})");
            Line(sb, 2, $"\u201C{Pick(r.Quote, zh)}\u201D");
        }
        return sb.ToString();
    }

    private static void Condition(StringBuilder sb, ConditionProof condition, int depth, Words w, bool zh)
    {
        string rule = $"\u201C{condition.Rule}\u201D{Cite(condition.Source)}";
        Line(sb, depth, condition.Always ? $"{w.Always} ({rule})" : $"{w.Applies} {rule}");
        foreach (HeldFeature held in condition.Features) Feature(sb, depth + 1, held, $"{w.Holds} ", "", w, zh);
        foreach (SatisfiedCondition nested in condition.Nested)
        {
            Line(sb, depth + 1, $"{w.Nested} {nested.Condition}");
            foreach (ConditionProof way in nested.Ways) Condition(sb, way, depth + 2, w, zh);
        }
        if (condition.Absent.Count > 0) Line(sb, depth + 1, $"{w.Absent} {string.Join(", ", condition.Absent.Select(f => Name(f.Id, f.Label, zh)))}");
    }

    /// <summary>"holds aav (AAV) ⇐ aav9 (AAV9, asserted) → aav": one line per path.</summary>
    private static void Feature(StringBuilder sb, int depth, HeldFeature held, string lead, string cite, Words w, bool zh)
    {
        string name = Name(held.Feature.Id, held.Feature.Label, zh);
        foreach (FeaturePath path in held.Paths)
        {
            string from = path.Steps.Count == 1
                ? $"({w.Asserted})"
                : $"\u21D0 {path.Asserted.Id} ({w.Asserted}) \u2192 {string.Join(" \u2192 ", path.Steps.Skip(1).Select(s => s.Id))}";
            Line(sb, depth, $"{lead}{name} {from}{cite}");
        }
    }

    private static string Cite(ClauseReference? clause) => clause is null ? "" : $"  [{clause.Number ?? clause.Id}]";

    private static string Name(string id, BilingualText label, bool zh) => Pick(label, zh) is { } text ? $"{id} ({text})" : id;

    private static string? Pick(BilingualText text, bool zh) => zh ? text.Zh ?? text.En : text.En ?? text.Zh;

    private static void Line(StringBuilder sb, int depth, string text) => sb.Append(' ', depth * 2).Append(text).Append('\n');
}
