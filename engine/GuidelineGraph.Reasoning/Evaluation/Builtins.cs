using GuidelineGraph.Rdf;
using GuidelineGraph.Reasoning.Rules;

namespace GuidelineGraph.Reasoning.Evaluation;

internal static class Builtins
{
    /// <summary>
    /// = and != compare terms (a numeric literal equals only the same literal); ordering compares numeric
    /// literals by value and otherwise uses the term order, and fails between a number and a non-number.
    /// </summary>
    public static bool Holds(BuiltinKind kind, int a, int b, TermDictionary terms) => kind switch
    {
        BuiltinKind.Equal => a == b,
        BuiltinKind.NotEqual => a != b,
        BuiltinKind.IsIri => terms.KindOf(a) == TermKind.Iri,
        BuiltinKind.IsBlank => terms.KindOf(a) == TermKind.BlankNode,
        BuiltinKind.IsLiteral => terms.KindOf(a) == TermKind.Literal,
        BuiltinKind.NotLiteral => terms.KindOf(a) != TermKind.Literal,
        _ => Compare(a, b, terms) is int c && kind switch
        {
            BuiltinKind.LessThan => c < 0,
            BuiltinKind.LessOrEqual => c <= 0,
            BuiltinKind.GreaterThan => c > 0,
            _ => c >= 0,
        },
    };

    private static int? Compare(int a, int b, TermDictionary terms)
    {
        var x = terms.NumberOf(a);
        var y = terms.NumberOf(b);
        if (x is not null && y is not null) return x.Value.CompareTo(y.Value);
        if (x is not null || y is not null) return null;
        return terms[a].CompareTo(terms[b]);
    }
}
