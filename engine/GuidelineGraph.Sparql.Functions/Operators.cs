using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>The outcome of comparing two values: ordered, or unordered (NaN), which makes every relation false.</summary>
public enum Ordering : sbyte { Less = -1, Equal = 0, Greater = 1, Unordered = 2 }

/// <summary>
/// SPARQL §17.3 operators over terms. A null argument (unbound or an earlier error) and a type error both give
/// null; the FILTER then treats null as false.
/// </summary>
public static class Operators
{
    public static readonly Literal True = new("true", Vocab.Xsd.Boolean);
    public static readonly Literal False = new("false", Vocab.Xsd.Boolean);

    public static Literal Boolean(bool value) => value ? True : False;

    public static Literal? Boolean(bool? value) => value is bool b ? Boolean(b) : null;

    /// <summary>Effective boolean value (§17.2.2).</summary>
    public static bool? EffectiveBooleanValue(Term? term)
    {
        if (term is not Literal l) return null;
        if (l.Language is not null) return l.Lexical.Length > 0;
        var type = XsdTypes.Of(l.Datatype);
        if (type == XsdType.String) return l.Lexical.Length > 0;
        if (type == XsdType.Boolean) return LiteralValue.ParseBoolean(l.Lexical) ?? false;
        if (type.IsNumeric())
            return Numeric.FromLiteral(l, type) is Numeric n && (n.IsExact ? n.Exact != 0 : !(n.Approximate == 0 || double.IsNaN(n.Approximate)));
        return null;
    }

    /// <summary>sameTerm: identity of RDF terms.</summary>
    public static bool? SameTerm(Term? a, Term? b) => a is null || b is null ? null : a.Equals(b);

    /// <summary>
    /// RDFterm-equal extended by value equality of the known datatypes. Literals of distinct known value spaces
    /// are unequal; a literal of an unknown datatype (or ill-formed) equals only itself, otherwise it is an error.
    /// </summary>
    public static bool? Equal(Term? a, Term? b)
    {
        if (a is null || b is null) return null;
        if (a is not Literal la || b is not Literal lb) return a.Equals(b);
        if (ReferenceEquals(a, b)) return true;
        var va = LiteralValue.Of(la);
        var vb = LiteralValue.Of(lb);
        if (va.Class == ValueClass.LangString || vb.Class == ValueClass.LangString) return la.Equals(lb);
        if (va.Class == ValueClass.Other || vb.Class == ValueClass.Other) return la.Equals(lb) ? true : null;
        if (va.Class != vb.Class) return false;
        if (va.Class == ValueClass.Duration)
        {
            XsdDuration x = va.Duration, y = vb.Duration;
            return x.Months == y.Months && x.Seconds == y.Seconds;
        }
        var order = CompareSameClass(va, vb);
        return order is null ? null : order == Ordering.Equal;
    }

    public static bool? NotEqual(Term? a, Term? b) => Equal(a, b) is bool e ? !e : null;

    /// <summary>The ordering of two values for &lt; &gt; &lt;= &gt;=; null when the operator is undefined on them.</summary>
    public static Ordering? Compare(Term? a, Term? b)
    {
        if (a is not Literal la || b is not Literal lb) return null;
        var va = LiteralValue.Of(la);
        var vb = LiteralValue.Of(lb);
        if (va.Class != vb.Class || va.Class is ValueClass.LangString or ValueClass.Other) return null;
        return CompareSameClass(va, vb);
    }

    public static bool? LessThan(Term? a, Term? b) => Compare(a, b) is Ordering o ? o == Ordering.Less : null;
    public static bool? GreaterThan(Term? a, Term? b) => Compare(a, b) is Ordering o ? o == Ordering.Greater : null;
    public static bool? LessOrEqual(Term? a, Term? b) => Compare(a, b) is Ordering o ? o is Ordering.Less or Ordering.Equal : null;
    public static bool? GreaterOrEqual(Term? a, Term? b) => Compare(a, b) is Ordering o ? o is Ordering.Greater or Ordering.Equal : null;

    internal static Ordering? CompareSameClass(in LiteralValue a, in LiteralValue b)
    {
        switch (a.Class)
        {
            case ValueClass.Numeric:
                return CompareNumbers(a.Number, b.Number);
            case ValueClass.String:
                return Sign(string.CompareOrdinal(a.Literal.Lexical, b.Literal.Lexical));
            case ValueClass.Boolean:
                return Sign(a.Boolean.CompareTo(b.Boolean));
            case ValueClass.DateTime or ValueClass.Date or ValueClass.Time:
                return a.Temporal.CompareTo(b.Temporal) is int t ? Sign(t) : null;
            case ValueClass.Duration:
                return a.Duration.CompareTo(b.Duration) is int d ? Sign(d) : null;
            default:
                return null;
        }
    }

    public static Ordering CompareNumbers(Numeric a, Numeric b)
    {
        var type = Numeric.Common(a.Type, b.Type);
        a = a.PromoteTo(type);
        b = b.PromoteTo(type);
        if (a.IsExact) return Sign(a.Exact.CompareTo(b.Exact));
        if (double.IsNaN(a.Approximate) || double.IsNaN(b.Approximate)) return Ordering.Unordered;
        return Sign(a.Approximate.CompareTo(b.Approximate));
    }

    private static Ordering Sign(int c) => c < 0 ? Ordering.Less : c > 0 ? Ordering.Greater : Ordering.Equal;

    /// <summary>IN: true on a match; if none matches and some comparison erred, an error (§17.4.1.9).</summary>
    public static bool? In(Term? needle, IEnumerable<Term?> haystack)
    {
        bool erred = false;
        foreach (var candidate in haystack)
        {
            switch (Equal(needle, candidate))
            {
                case true: return true;
                case null: erred = true; break;
            }
        }
        return erred ? null : false;
    }

    public static bool? NotIn(Term? needle, IEnumerable<Term?> haystack) => In(needle, haystack) is bool b ? !b : null;

    /// <summary>Logical-or with SPARQL's error rules: true wins over an error.</summary>
    public static bool? Or(bool? a, bool? b) => a == true || b == true ? true : a is null || b is null ? null : false;

    /// <summary>Logical-and with SPARQL's error rules: false wins over an error.</summary>
    public static bool? And(bool? a, bool? b) => a == false || b == false ? false : a is null || b is null ? null : true;

    public static bool? Not(bool? a) => a is bool b ? !b : null;
}
