using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>The value spaces the SPARQL operators know. <see cref="Other"/>: unknown datatype or ill-formed lexical form.</summary>
public enum ValueClass : byte { Numeric, String, LangString, Boolean, DateTime, Date, Time, Duration, Other }

/// <summary>A literal read into its value space, as the operator mapping of SPARQL §17.3 needs it.</summary>
public readonly struct LiteralValue
{
    private LiteralValue(ValueClass cls, Literal literal, Numeric number = default, bool boolean = false, XsdTemporal temporal = default, XsdDuration duration = default)
    {
        Class = cls;
        Literal = literal;
        Number = number;
        Boolean = boolean;
        Temporal = temporal;
        Duration = duration;
    }

    public ValueClass Class { get; }
    public Literal Literal { get; }
    public Numeric Number { get; }
    public bool Boolean { get; }
    public XsdTemporal Temporal { get; }
    public XsdDuration Duration { get; }

    public static LiteralValue Of(Literal l)
    {
        if (l.Language is not null) return new(ValueClass.LangString, l);
        var dt = l.Datatype.Value;
        if (dt == Vocab.Xsd.String.Value) return new(ValueClass.String, l);
        if (dt == Vocab.Xsd.Boolean.Value)
            return ParseBoolean(l.Lexical) is bool b ? new(ValueClass.Boolean, l, boolean: b) : new(ValueClass.Other, l);
        if (XsdIntegerTypes.IsNumericType(dt))
            return Numeric.FromTerm(l) is Numeric n ? new(ValueClass.Numeric, l, number: n) : new(ValueClass.Other, l);
        if (XsdTemporal.FromTerm(l) is XsdTemporal t)
            return new(t.Kind switch { TemporalKind.DateTime => ValueClass.DateTime, TemporalKind.Date => ValueClass.Date, _ => ValueClass.Time }, l, temporal: t);
        if (XsdDuration.FromTerm(l) is XsdDuration d) return new(ValueClass.Duration, l, duration: d);
        return new(ValueClass.Other, l);
    }

    /// <summary>
    /// Whether two literals of the same datatype denote the same value ("1.0"^^xsd:double and "1E0"^^xsd:double).
    /// An equivalence relation, unlike <c>=</c>: NaN is the same as NaN, and a date with a timezone is never the
    /// same as one without. For comparing expected and actual results, where lexical forms may differ.
    /// </summary>
    public static bool SameValue(Literal a, Literal b)
    {
        if (a.Equals(b)) return true;
        if (a.Datatype.Value != b.Datatype.Value || a.Language != b.Language) return false;
        var va = Of(a);
        var vb = Of(b);
        if (va.Class != vb.Class) return false;
        return va.Class switch
        {
            ValueClass.Numeric => va.Number.IsNaN ? vb.Number.IsNaN : Operators.CompareNumbers(va.Number, vb.Number) == Ordering.Equal,
            ValueClass.Boolean => va.Boolean == vb.Boolean,
            ValueClass.DateTime or ValueClass.Date or ValueClass.Time =>
                va.Temporal.Timezone.HasValue == vb.Temporal.Timezone.HasValue && va.Temporal.UtcSeconds == vb.Temporal.UtcSeconds,
            ValueClass.Duration => va.Duration.Months == vb.Duration.Months && va.Duration.Seconds == vb.Duration.Seconds,
            _ => false,
        };
    }

    public static bool? ParseBoolean(string s) => s switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
