using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>The value spaces the SPARQL operators know. <see cref="Other"/>: unknown datatype or ill-formed lexical form.</summary>
public enum ValueClass : byte { Numeric, String, LangString, Boolean, DateTime, Date, Time, Duration, Other }

/// <summary>
/// A literal read into its value space, as the operator mapping of SPARQL §17.3 needs it. Kept small (numbers
/// inline, dates and durations re-read on access) because comparisons build two of these per call.
/// </summary>
public readonly struct LiteralValue
{
    private LiteralValue(ValueClass cls, Literal literal, Numeric number = default, bool boolean = false)
    {
        Class = cls;
        Literal = literal;
        Number = number;
        Boolean = boolean;
    }

    public ValueClass Class { get; }
    public Literal Literal { get; }
    public Numeric Number { get; }
    public bool Boolean { get; }

    /// <summary>The date/time value; only meaningful when <see cref="Class"/> is DateTime, Date or Time.</summary>
    public XsdTemporal Temporal => XsdTemporal.FromTerm(Literal) ?? default;

    /// <summary>The duration value; only meaningful when <see cref="Class"/> is Duration.</summary>
    public XsdDuration Duration => XsdDuration.FromTerm(Literal) ?? default;

    public static LiteralValue Of(Literal l)
    {
        if (l.Language is not null) return new(ValueClass.LangString, l);
        var type = XsdTypes.Of(l.Datatype);
        switch (type)
        {
            case XsdType.String:
                return new(ValueClass.String, l);
            case XsdType.Boolean:
                return ParseBoolean(l.Lexical) is bool b ? new(ValueClass.Boolean, l, boolean: b) : new(ValueClass.Other, l);
            case XsdType.DateTime or XsdType.Date or XsdType.Time:
                var kind = type == XsdType.DateTime ? TemporalKind.DateTime : type == XsdType.Date ? TemporalKind.Date : TemporalKind.Time;
                return XsdTemporal.Parse(l.Lexical, kind) is not null
                    ? new(type == XsdType.DateTime ? ValueClass.DateTime : type == XsdType.Date ? ValueClass.Date : ValueClass.Time, l)
                    : new(ValueClass.Other, l);
            case XsdType.Duration or XsdType.DayTimeDuration or XsdType.YearMonthDuration:
                return XsdDuration.FromTerm(l) is not null ? new(ValueClass.Duration, l) : new(ValueClass.Other, l);
            default:
                if (type.IsNumeric())
                    return Numeric.FromLiteral(l, type) is Numeric n ? new(ValueClass.Numeric, l, number: n) : new(ValueClass.Other, l);
                return new(ValueClass.Other, l);
        }
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
        switch (va.Class)
        {
            case ValueClass.Numeric:
                return va.Number.IsNaN ? vb.Number.IsNaN : Operators.CompareNumbers(va.Number, vb.Number) == Ordering.Equal;
            case ValueClass.Boolean:
                return va.Boolean == vb.Boolean;
            case ValueClass.DateTime or ValueClass.Date or ValueClass.Time:
                XsdTemporal ta = va.Temporal, tb = vb.Temporal;
                return ta.Timezone.HasValue == tb.Timezone.HasValue && ta.UtcSeconds == tb.UtcSeconds;
            case ValueClass.Duration:
                XsdDuration da = va.Duration, db = vb.Duration;
                return da.Months == db.Months && da.Seconds == db.Seconds;
            default:
                return false;
        }
    }

    public static bool? ParseBoolean(string s) => s switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
