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
        if (x is Literal a && y is Literal b) return Compare(new OrderKey(a, LiteralValue.Of(a)), new OrderKey(b, LiteralValue.Of(b)));
        return Compare(new OrderKey(x, default), new OrderKey(y, default));
    }

    /// <summary>
    /// A term with its literal value read once, for sorting many rows: n reads instead of one per comparison.
    /// </summary>
    public readonly record struct OrderKey(Term? Term, LiteralValue Value);

    public static OrderKey KeyOf(Term? term) => new(term, term is Literal l ? LiteralValue.Of(l) : default);

    public int Compare(in OrderKey x, in OrderKey y)
    {
        if (ReferenceEquals(x.Term, y.Term)) return 0;
        if (x.Term is null) return -1;
        if (y.Term is null) return 1;
        int kind = Rank(x.Term).CompareTo(Rank(y.Term));
        if (kind != 0) return kind;
        if (x.Term is Literal)
        {
            int cls = x.Value.Class.CompareTo(y.Value.Class);
            if (cls != 0) return cls;
            int value = CompareValues(x.Value, y.Value);
            if (value != 0) return value;
        }
        return x.Term.CompareTo(y.Term);
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
                XsdTemporal ta = a.Temporal, tb = b.Temporal;
                return ta.CompareTo(tb) ?? ta.UtcSeconds.CompareTo(tb.UtcSeconds);
            case ValueClass.Duration:
                XsdDuration da = a.Duration, db = b.Duration;
                int m = da.Months.CompareTo(db.Months);
                return m != 0 ? m : da.Seconds.CompareTo(db.Seconds);
            case ValueClass.LangString:
                int lex = string.CompareOrdinal(a.Literal.Lexical, b.Literal.Lexical);
                return lex != 0 ? lex : string.CompareOrdinal(a.Literal.Language, b.Literal.Language);
            default:
                return Operators.CompareSameClass(a, b) is Ordering o and not Ordering.Unordered ? (int)o : 0;
        }
    }
}
