using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>
/// The ORDER BY order (§15.1): unbound, blank nodes, IRIs, literals. Literals sort by value within a value
/// space (numbers, strings, booleans, dates …), value spaces in a fixed order, and ties (1 vs 1.0, unknown
/// datatypes) by lexical form, datatype and language, so the order is total and deterministic.
/// </summary>
public sealed class TermOrder : IComparer<Term?>
{
    public static readonly TermOrder Instance = new();

    private TermOrder() { }

    public int Compare(Term? x, Term? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int kind = Rank(x).CompareTo(Rank(y));
        if (kind != 0) return kind;
        if (x is Literal a && y is Literal b)
        {
            var va = LiteralValue.Of(a);
            var vb = LiteralValue.Of(b);
            int cls = va.Class.CompareTo(vb.Class);
            if (cls != 0) return cls;
            int value = CompareValues(va, vb);
            if (value != 0) return value;
        }
        return x.CompareTo(y);
    }

    private static int Rank(Term t) => t.Kind switch { TermKind.BlankNode => 0, TermKind.Iri => 1, _ => 2 };

    private static int CompareValues(in LiteralValue a, in LiteralValue b)
    {
        switch (a.Class)
        {
            case ValueClass.Numeric:
                // NaN sorts before every number so the order stays total.
                bool nanA = a.Number.IsNaN, nanB = b.Number.IsNaN;
                if (nanA || nanB) return nanB.CompareTo(nanA);
                return (int)Operators.CompareNumbers(a.Number, b.Number);
            case ValueClass.DateTime or ValueClass.Date or ValueClass.Time:
                // The partial order leaves gaps; the UTC reading (missing timezone as Z) totalizes it.
                return a.Temporal.CompareTo(b.Temporal) ?? a.Temporal.UtcSeconds.CompareTo(b.Temporal.UtcSeconds);
            case ValueClass.Duration:
                int m = a.Duration.Months.CompareTo(b.Duration.Months);
                return m != 0 ? m : a.Duration.Seconds.CompareTo(b.Duration.Seconds);
            case ValueClass.LangString:
                int lex = string.CompareOrdinal(a.Literal.Lexical, b.Literal.Lexical);
                return lex != 0 ? lex : string.CompareOrdinal(a.Literal.Language, b.Literal.Language);
            default:
                return Operators.CompareSameClass(a, b) is Ordering o and not Ordering.Unordered ? (int)o : 0;
        }
    }
}
