using System.Globalization;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>XPath constructor functions as SPARQL uses them (§17.5): xsd:T(value). Invalid casts give null.</summary>
public static class Casts
{
    /// <summary>Whether <paramref name="datatype"/> names a cast function this library implements.</summary>
    public static bool IsCastTarget(string datatype) => XsdTypes.Of(datatype) != XsdType.Other;

    public static Term? Cast(Term? value, Iri datatype)
    {
        var dt = datatype.Value;
        if (value is null or BlankNode) return null;
        if (dt == Vocab.Xsd.String.Value) return ToStringLiteral(value);
        if (value is not Literal l || l.Language is not null) return null;
        var v = LiteralValue.Of(l);
        // A literal of a known datatype with an invalid lexical form cannot be cast; only strings are re-parsed.
        if (v.Class == ValueClass.Other) return null;
        bool fromString = v.Class == ValueClass.String;
        // XPath collapses whitespace before parsing a string as another type.
        var text = fromString ? l.Lexical.Trim(' ', '\t', '\n', '\r') : l.Lexical;

        if (dt == Vocab.Xsd.Boolean.Value)
        {
            return v.Class switch
            {
                ValueClass.String => LiteralValue.ParseBoolean(text) is bool b ? Operators.Boolean(b) : null,
                ValueClass.Boolean => Operators.Boolean(v.Boolean),
                ValueClass.Numeric => Operators.Boolean(v.Number.IsExact ? v.Number.Exact != 0 : !(v.Number.Approximate == 0 || double.IsNaN(v.Number.Approximate))),
                _ => null,
            };
        }
        var target = XsdTypes.Of(dt);
        if (target.IsInteger())
        {
            decimal? n = v.Class switch
            {
                ValueClass.String => Numeric.ParseInteger(text),
                ValueClass.Boolean => v.Boolean ? 1 : 0,
                ValueClass.Numeric => Truncate(v.Number),
                _ => null,
            };
            if (n is not decimal i) return null;
            if (!target.RangeOf().Contains(i)) return null;
            return new Literal(Numeric.FormatInteger(i), datatype);
        }
        if (dt == Vocab.Xsd.Decimal.Value)
        {
            decimal? d = v.Class switch
            {
                ValueClass.String => Numeric.ParseDecimal(text),
                ValueClass.Boolean => v.Boolean ? 1 : 0,
                ValueClass.Numeric => v.Number.IsExact ? v.Number.Exact : ToDecimal(v.Number.Approximate),
                _ => null,
            };
            return d is decimal x ? Numeric.Decimal(x).ToLiteral() : null;
        }
        if (dt == Vocab.Xsd.Double.Value || dt == Vocab.Xsd.Float.Value)
        {
            double? d = v.Class switch
            {
                ValueClass.String => Numeric.ParseDouble(text),
                ValueClass.Boolean => v.Boolean ? 1 : 0,
                ValueClass.Numeric => v.Number.AsDouble,
                _ => null,
            };
            if (d is not double x) return null;
            return (dt == Vocab.Xsd.Double.Value ? Numeric.Double(x) : Numeric.Float(x)).ToLiteral();
        }
        if (dt == Vocab.Xsd.DateTime.Value || dt == Vocab.Xsd.Date.Value || dt == Vocab.Xsd.Time.Value)
        {
            var kind = dt == Vocab.Xsd.DateTime.Value ? TemporalKind.DateTime : dt == Vocab.Xsd.Date.Value ? TemporalKind.Date : TemporalKind.Time;
            if (fromString) return XsdTemporal.Parse(text, kind)?.ToLiteral();
            if (v.Class is not (ValueClass.DateTime or ValueClass.Date or ValueClass.Time)) return null;
            var t = v.Temporal;
            if (t.Kind == kind) return t.ToLiteral();
            // dateTime → date/time keeps the part; date → dateTime is midnight; time → anything else is not allowed.
            return (t.Kind, kind) switch
            {
                (TemporalKind.DateTime, TemporalKind.Date) => (t with { Kind = kind, Hour = 0, Minute = 0, Second = 0 }).ToLiteral(),
                (TemporalKind.DateTime, TemporalKind.Time) => (t with { Kind = kind, Year = 1, Month = 1, Day = 1 }).ToLiteral(),
                (TemporalKind.Date, TemporalKind.DateTime) => (t with { Kind = kind }).ToLiteral(),
                _ => null,
            };
        }
        if (dt == Vocab.Xsd.Duration.Value || dt == Vocab.Xsd.DayTimeDuration.Value || dt == Vocab.Xsd.YearMonthDuration.Value)
        {
            var kind = dt == Vocab.Xsd.Duration.Value ? DurationKind.Duration : dt == Vocab.Xsd.DayTimeDuration.Value ? DurationKind.DayTime : DurationKind.YearMonth;
            if (fromString) return XsdDuration.Parse(text, kind)?.ToLiteral();
            if (v.Class != ValueClass.Duration) return null;
            var d = v.Duration;
            // Casting between duration types drops the part the target cannot hold.
            return kind switch
            {
                DurationKind.DayTime => new XsdDuration(kind, 0, d.Seconds).ToLiteral(),
                DurationKind.YearMonth => new XsdDuration(kind, d.Months, 0).ToLiteral(),
                _ => new XsdDuration(kind, d.Months, d.Seconds).ToLiteral(),
            };
        }
        return null;
    }

    private static decimal? Truncate(Numeric n)
    {
        if (n.IsExact) return decimal.Truncate(n.Exact);
        return ToDecimal(Math.Truncate(n.Approximate));
    }

    private static decimal? ToDecimal(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) >= 7.9e28) return null;
        return (decimal)d;
    }

    /// <summary>xsd:string(x): IRIs give their text; numbers their XPath string form (1.0 → "1", 1E7 → "1.0E7").</summary>
    private static Literal? ToStringLiteral(Term value)
    {
        switch (value)
        {
            case Iri iri:
                return new Literal(iri.Value);
            case Literal { Language: not null }:
                return null;
            case Literal l:
                var v = LiteralValue.Of(l);
                return v.Class switch
                {
                    ValueClass.Numeric => new Literal(NumberToString(v.Number)),
                    ValueClass.Boolean => new Literal(v.Boolean ? "true" : "false"),
                    ValueClass.DateTime or ValueClass.Date or ValueClass.Time => new Literal(v.Temporal.ToString()),
                    ValueClass.Duration => new Literal(v.Duration.ToString()),
                    _ => new Literal(l.Lexical),
                };
            default:
                return null;
        }
    }

    internal static string NumberToString(Numeric n)
    {
        switch (n.Type)
        {
            case NumericType.Integer:
                return Numeric.FormatInteger(n.Exact);
            case NumericType.Decimal:
                return n.Exact == decimal.Truncate(n.Exact) ? Numeric.FormatInteger(n.Exact) : Numeric.FormatDecimal(n.Exact);
            default:
                double d = n.Approximate;
                double abs = Math.Abs(d);
                if (d == 0) return double.IsNegative(d) ? "-0" : "0";
                if (abs >= 1e-6 && abs < 1e6)
                {
                    var s = n.Type == NumericType.Float
                        ? ((float)d).ToString("R", CultureInfo.InvariantCulture)
                        : d.ToString("R", CultureInfo.InvariantCulture);
                    if (!s.Contains('E')) return s;
                    return ((decimal)d).ToString(CultureInfo.InvariantCulture);
                }
                return n.ToLiteral().Lexical;
        }
    }
}
