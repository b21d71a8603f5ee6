using System.Text.Encodings.Web;
using System.Text.Json;
using GuidelineGraph.Guidance.Profiles;
using GuidelineGraph.Guidance.Requirements;

namespace GuidelineGraph.Cli.Output;

/// <summary>
/// The JSON of an applicable requirement and of a profile feature, shared by <c>gg infer</c> and <c>gg check</c>
/// (field names are a contract, issue 5 §5):
/// <c>{"id","iri","number","modality","quote":{"zh","en"},"clause":{"id","number"},"controls":[{"id","label":{"en","zh"}}],"m11Sections":[…],"derivation":{…}}</c>.
/// </summary>
internal static class RequirementJson
{
    /// <summary>Indented, and Chinese stays readable: only what JSON itself requires is escaped.</summary>
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Modality(Modality modality) => modality.ToString().ToLowerInvariant();

    public static void Write(Utf8JsonWriter w, ApplicableRequirement applicable)
    {
        w.WriteStartObject();
        Fields(w, applicable.Requirement);
        w.WritePropertyName("derivation");
        Derivation(w, applicable.Derivation);
        w.WriteEndObject();
    }

    /// <summary>The requirement's own fields, from "id" to "m11Sections", inside an object the caller opened.</summary>
    public static void Fields(Utf8JsonWriter w, Requirement r)
    {
        w.WriteString("id", r.Id);
        w.WriteString("iri", r.Iri);
        w.WriteString("number", r.Number);
        w.WriteString("modality", Modality(r.Modality));
        Text(w, "quote", r.Quote);
        Clause(w, "clause", r.Clause);
        w.WriteStartArray("controls");
        foreach (ControlReference c in r.Controls)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            Text(w, "label", c.Label);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("m11Sections");
        foreach (string section in r.M11Sections) w.WriteStringValue(section);
        w.WriteEndArray();
    }

    /// <summary><c>{"id","label":{"en","zh"},"asserted"}</c></summary>
    public static void Feature(Utf8JsonWriter w, ProfileFeature feature)
    {
        w.WriteStartObject();
        w.WriteString("id", feature.Id);
        Text(w, "label", feature.Label);
        w.WriteBoolean("asserted", feature.Asserted);
        w.WriteEndObject();
    }

    public static void Text(Utf8JsonWriter w, string name, BilingualText text)
    {
        w.WriteStartObject(name);
        w.WriteString("en", text.En);
        w.WriteString("zh", text.Zh);
        w.WriteEndObject();
    }

    private static void Clause(Utf8JsonWriter w, string name, ClauseReference? clause)
    {
        w.WritePropertyName(name);
        if (clause is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteString("id", clause.Id);
        w.WriteString("number", clause.Number);
        w.WriteEndObject();
    }

    /// <summary>
    /// <c>{"conditions":[{"rule","source","always","features":[held],"nested":[{"condition","ways"}],"absent":[ids]}],
    /// "controls":[{"id","risks":[{"id","label","raisedBy":held,"riskClause","mitigationClause"}]}],"clause"}</c>, where
    /// held is <c>{"id","label","paths":[[asserted id, …, held id]]}</c>.
    /// </summary>
    private static void Derivation(Utf8JsonWriter w, RequirementDerivation derivation)
    {
        w.WriteStartObject();
        w.WriteStartArray("conditions");
        foreach (ConditionProof condition in derivation.Conditions) Condition(w, condition);
        w.WriteEndArray();
        w.WriteStartArray("controls");
        foreach (ControlProof control in derivation.Controls)
        {
            w.WriteStartObject();
            w.WriteString("id", control.Control.Id);
            w.WriteStartArray("risks");
            foreach (RiskProof risk in control.Risks)
            {
                w.WriteStartObject();
                w.WriteString("id", risk.RiskId);
                Text(w, "label", risk.RiskLabel);
                w.WritePropertyName("raisedBy");
                Held(w, risk.RaisedBy);
                Clause(w, "riskClause", risk.RiskClause);
                Clause(w, "mitigationClause", risk.MitigationClause);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Clause(w, "clause", derivation.Clause);
        w.WriteEndObject();
    }

    private static void Condition(Utf8JsonWriter w, ConditionProof condition)
    {
        w.WriteStartObject();
        w.WriteString("rule", condition.Rule);
        Clause(w, "source", condition.Source);
        w.WriteBoolean("always", condition.Always);
        w.WriteStartArray("features");
        foreach (HeldFeature held in condition.Features) Held(w, held);
        w.WriteEndArray();
        w.WriteStartArray("nested");
        foreach (SatisfiedCondition nested in condition.Nested)
        {
            w.WriteStartObject();
            w.WriteString("condition", nested.Condition);
            w.WriteStartArray("ways");
            foreach (ConditionProof way in nested.Ways) Condition(w, way);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("absent");
        foreach (ProfileFeature absent in condition.Absent) w.WriteStringValue(absent.Id);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Held(Utf8JsonWriter w, HeldFeature held)
    {
        w.WriteStartObject();
        w.WriteString("id", held.Feature.Id);
        Text(w, "label", held.Feature.Label);
        w.WriteStartArray("paths");
        foreach (FeaturePath path in held.Paths)
        {
            w.WriteStartArray();
            foreach (ProfileFeature step in path.Steps) w.WriteStringValue(step.Id);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
