namespace GuidelineGraph.Reasoning.Rules;

/// <summary>A user-caused error in a rule text or rule program, with where it is.</summary>
public sealed record RuleError(SourceSpan Span, string Message)
{
    public override string ToString() => $"{Span}: {Message}";
}
