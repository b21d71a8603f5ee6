using System.Text;
using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Rules;

namespace GuidelineGraph.Reasoning.RuleSets;

/// <summary>
/// Writes rules in Apache Jena's rule syntax, so Jena's GenericRuleReasoner can serve as a reference in
/// differential tests and benchmarks. Jena keeps generalised triples, so each head variable in subject
/// position gets notLiteral and each in predicate position notLiteral and notBNode: the same triples our
/// evaluation declines to make. Negated atoms become noValue, which Jena evaluates without stratification,
/// so only negation-free programs are guaranteed to agree.
/// </summary>
public static class JenaRuleWriter
{
    public static string Write(IEnumerable<Rule> rules)
    {
        var sb = new StringBuilder();
        foreach (var rule in rules) sb.Append(Write(rule)).Append('\n');
        return sb.ToString();
    }

    public static string Write(Rule rule)
    {
        var body = new List<string>();
        body.AddRange(rule.Body.Select(Atom));
        body.AddRange(rule.Negated.Select(a => $"noValue({Term(a.Subject)}, {Term(a.Predicate)}, {Term(a.Object)})"));
        body.AddRange(rule.Builtins.Select(Builtin));
        if (rule.Head.Subject is Variable s) body.Add($"notLiteral({Term(s)})");
        if (rule.Head.Predicate is Variable p) { body.Add($"notLiteral({Term(p)})"); body.Add($"notBNode({Term(p)})"); }
        return $"[{rule.Id.Value.Replace(':', '_')}: {string.Join(", ", body)} -> {Atom(rule.Head)}]";
    }

    private static string Atom(Atom a) => $"({Term(a.Subject)} {Term(a.Predicate)} {Term(a.Object)})";

    private static string Builtin(Builtin b)
    {
        var args = b.Arguments.Select(Term).ToList();
        return b.Kind switch
        {
            BuiltinKind.Equal => $"equal({args[0]}, {args[1]})",
            BuiltinKind.NotEqual => $"notEqual({args[0]}, {args[1]})",
            BuiltinKind.LessThan => $"lessThan({args[0]}, {args[1]})",
            BuiltinKind.LessOrEqual => $"le({args[0]}, {args[1]})",
            BuiltinKind.GreaterThan => $"greaterThan({args[0]}, {args[1]})",
            BuiltinKind.GreaterOrEqual => $"ge({args[0]}, {args[1]})",
            BuiltinKind.IsLiteral => $"isLiteral({args[0]})",
            BuiltinKind.NotLiteral => $"notLiteral({args[0]})",
            BuiltinKind.IsBlank => $"isBNode({args[0]})",
            _ => $"notLiteral({args[0]}), notBNode({args[0]})",
        };
    }

    private static string Term(RuleTerm t) => t switch
    {
        Variable v => "?" + v.Name,
        Constant { Value: Iri iri } => "<" + iri.Value + ">",
        Constant { Value: Literal l } => Literal(l),
        _ => throw new ArgumentException("blank nodes do not occur in rules", nameof(t)),
    };

    private static string Literal(Literal l)
    {
        var quoted = "'" + l.Lexical.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
        if (l.Language is not null) return quoted + "@" + l.Language;
        return l.Datatype.Value == Vocab.Xsd.String.Value ? quoted : quoted + "^^<" + l.Datatype.Value + ">";
    }
}
