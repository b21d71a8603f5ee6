using System.Globalization;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>The numeric type lattice of XPath promotion: integer &lt; decimal &lt; float &lt; double.</summary>
public enum NumericType : byte { Integer, Decimal, Float, Double }

/// <summary>
/// A numeric value. Integers and decimals are held as <see cref="decimal"/> (28 digits; larger integers are
/// errors), floats and doubles as <see cref="double"/> (floats rounded to single precision).
/// </summary>
public readonly struct Numeric
{
    private Numeric(NumericType type, decimal exact, double approximate)
    {
        Type = type;
        Exact = exact;
        Approximate = approximate;
    }

    public NumericType Type { get; }
    /// <summary>The value of an integer or decimal.</summary>
    public decimal Exact { get; }
    /// <summary>The value of a float or double.</summary>
    public double Approximate { get; }

    public bool IsExact => Type <= NumericType.Decimal;

    public static Numeric Integer(decimal v) => new(NumericType.Integer, decimal.Truncate(v), 0);
    public static Numeric Decimal(decimal v) => new(NumericType.Decimal, v, 0);
    public static Numeric Float(double v) => new(NumericType.Float, 0, (float)v);
    public static Numeric Double(double v) => new(NumericType.Double, 0, v);

    public static Numeric Of(NumericType type, decimal exact, double approximate) => type switch
    {
        NumericType.Integer => Integer(exact),
        NumericType.Decimal => Decimal(exact),
        NumericType.Float => Float(approximate),
        _ => Double(approximate),
    };

    /// <summary>The value as a double, whatever the type.</summary>
    public double AsDouble => IsExact ? (double)Exact : Approximate;

    public bool IsNaN => !IsExact && double.IsNaN(Approximate);

    /// <summary>The value converted to a type at least as high in the lattice.</summary>
    public Numeric PromoteTo(NumericType type)
    {
        if (type == Type) return this;
        return type switch
        {
            NumericType.Decimal => Decimal(Exact),
            NumericType.Float => Float(AsDouble),
            _ => Double(AsDouble),
        };
    }

    public static NumericType Common(NumericType a, NumericType b) => a > b ? a : b;

    /// <summary>The numeric value of a literal with a numeric datatype and a valid lexical form, or null.</summary>
    public static Numeric? FromTerm(Term? term) => term is Literal l ? FromLiteral(l, XsdTypes.Of(l.Datatype)) : null;

    /// <summary>The value of a literal whose datatype is already classified.</summary>
    public static Numeric? FromLiteral(Literal l, XsdType type) => type switch
    {
        XsdType.Integer => ParseInteger(l.Lexical) is decimal i ? Integer(i) : null,
        XsdType.Decimal => ParseDecimal(l.Lexical) is decimal d ? Decimal(d) : null,
        XsdType.Double => ParseDouble(l.Lexical) is double x ? Double(x) : null,
        XsdType.Float => ParseDouble(l.Lexical) is double f ? Float(f) : null,
        _ when type.IsInteger() => ParseInteger(l.Lexical) is decimal v && type.RangeOf().Contains(v) ? Integer(v) : null,
        _ => null,
    };

    public static decimal? ParseInteger(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return null;
        int i = s[0] is '+' or '-' ? 1 : 0;
        if (i == s.Length) return null;
        for (int k = i; k < s.Length; k++)
            if (!char.IsAsciiDigit(s[k])) return null;
        if (s.Length <= 18) return long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    public static decimal? ParseDecimal(ReadOnlySpan<char> s)
    {
        if (s.Length == 0) return null;
        int i = s[0] is '+' or '-' ? 1 : 0;
        int digits = 0;
        bool dot = false;
        for (int k = i; k < s.Length; k++)
        {
            if (char.IsAsciiDigit(s[k])) digits++;
            else if (s[k] == '.' && !dot) dot = true;
            else return null;
        }
        if (digits == 0) return null;
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    public static double? ParseDouble(ReadOnlySpan<char> s)
    {
        switch (s)
        {
            case "INF" or "+INF": return double.PositiveInfinity;
            case "-INF": return double.NegativeInfinity;
            case "NaN": return double.NaN;
        }
        if (s.Length == 0) return null;
        int i = s[0] is '+' or '-' ? 1 : 0;
        int digits = 0;
        bool dot = false;
        for (; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i])) digits++;
            else if (s[i] == '.' && !dot) dot = true;
            else break;
        }
        if (digits == 0) return null;
        if (i < s.Length)
        {
            if (s[i] is not ('e' or 'E')) return null;
            i++;
            if (i < s.Length && s[i] is '+' or '-') i++;
            if (i == s.Length) return null;
            for (; i < s.Length; i++)
                if (!char.IsAsciiDigit(s[i])) return null;
        }
        return double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public Literal ToLiteral() => Type switch
    {
        NumericType.Integer => new Literal(FormatInteger(Exact), Vocab.Xsd.Integer),
        NumericType.Decimal => new Literal(FormatDecimal(Exact), Vocab.Xsd.Decimal),
        NumericType.Float => new Literal(FormatFloat((float)Approximate), Vocab.Xsd.Float),
        _ => new Literal(FormatDouble(Approximate), Vocab.Xsd.Double),
    };

    public static string FormatInteger(decimal v) => decimal.Truncate(v).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>Canonical xsd:decimal: no exponent, no trailing zeros, at least one digit after the point.</summary>
    public static string FormatDecimal(decimal v)
    {
        if (v == 0) return "0.0";
        // Dividing by 1.000… strips trailing zeros from the scale.
        var s = (v / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
        return s.Contains('.') ? s : s + ".0";
    }

    public static string FormatDouble(double v) => FormatScientific(v, v.ToString("R", CultureInfo.InvariantCulture));

    public static string FormatFloat(float v) => FormatScientific(v, v.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Canonical xsd:double/float: mantissa with one digit before the point, at least one after, then E and exponent.</summary>
    private static string FormatScientific(double v, string roundTrip)
    {
        if (double.IsNaN(v)) return "NaN";
        if (double.IsPositiveInfinity(v)) return "INF";
        if (double.IsNegativeInfinity(v)) return "-INF";
        if (v == 0) return double.IsNegative(v) ? "-0.0E0" : "0.0E0";
        var s = roundTrip;
        bool negative = s[0] == '-';
        if (negative) s = s[1..];
        int exponent = 0;
        int e = s.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..e];
        }
        int dot = s.IndexOf('.');
        string digits = dot < 0 ? s : s.Remove(dot, 1);
        int pointAt = dot < 0 ? s.Length : dot;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        exponent += pointAt - lead - 1;
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        var mantissa = digits.Length == 1 ? digits + ".0" : digits[0] + "." + digits[1..];
        return (negative ? "-" : "") + mantissa + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    public override string ToString() => ToLiteral().ToString();
}

/// <summary>The XSD datatypes the functions know, recognised from an IRI with one prefix check and one switch.</summary>
public enum XsdType : byte
{
    Other, String, Boolean, Decimal, Float, Double, DateTime, Date, Time, Duration, DayTimeDuration, YearMonthDuration,
    Integer, Long, Int, Short, Byte, NonNegativeInteger, PositiveInteger, NonPositiveInteger, NegativeInteger,
    UnsignedLong, UnsignedInt, UnsignedShort, UnsignedByte,
}

public static class XsdTypes
{
    public static XsdType Of(Iri datatype) => Of(datatype.Value);

    public static XsdType Of(string datatype)
    {
        if (!datatype.StartsWith(Vocab.Xsd.Namespace, StringComparison.Ordinal)) return XsdType.Other;
        return datatype.AsSpan(Vocab.Xsd.Namespace.Length) switch
        {
            "string" => XsdType.String,
            "boolean" => XsdType.Boolean,
            "integer" => XsdType.Integer,
            "decimal" => XsdType.Decimal,
            "double" => XsdType.Double,
            "float" => XsdType.Float,
            "dateTime" => XsdType.DateTime,
            "date" => XsdType.Date,
            "time" => XsdType.Time,
            "duration" => XsdType.Duration,
            "dayTimeDuration" => XsdType.DayTimeDuration,
            "yearMonthDuration" => XsdType.YearMonthDuration,
            "long" => XsdType.Long,
            "int" => XsdType.Int,
            "short" => XsdType.Short,
            "byte" => XsdType.Byte,
            "nonNegativeInteger" => XsdType.NonNegativeInteger,
            "positiveInteger" => XsdType.PositiveInteger,
            "nonPositiveInteger" => XsdType.NonPositiveInteger,
            "negativeInteger" => XsdType.NegativeInteger,
            "unsignedLong" => XsdType.UnsignedLong,
            "unsignedInt" => XsdType.UnsignedInt,
            "unsignedShort" => XsdType.UnsignedShort,
            "unsignedByte" => XsdType.UnsignedByte,
            _ => XsdType.Other,
        };
    }

    /// <summary>xsd:integer and the types derived from it.</summary>
    public static bool IsInteger(this XsdType t) => t >= XsdType.Integer;

    public static bool IsNumeric(this XsdType t) => t is XsdType.Decimal or XsdType.Float or XsdType.Double || t >= XsdType.Integer;

    public readonly record struct Range(decimal? Min, decimal? Max)
    {
        public bool Contains(decimal v) => (Min is null || v >= Min) && (Max is null || v <= Max);
    }

    /// <summary>The value range of an integer type (unbounded for xsd:integer).</summary>
    public static Range RangeOf(this XsdType t) => t switch
    {
        XsdType.Long => new(long.MinValue, long.MaxValue),
        XsdType.Int => new(int.MinValue, int.MaxValue),
        XsdType.Short => new(short.MinValue, short.MaxValue),
        XsdType.Byte => new(sbyte.MinValue, sbyte.MaxValue),
        XsdType.NonNegativeInteger => new(0, null),
        XsdType.PositiveInteger => new(1, null),
        XsdType.NonPositiveInteger => new(null, 0),
        XsdType.NegativeInteger => new(null, -1),
        XsdType.UnsignedLong => new(0, ulong.MaxValue),
        XsdType.UnsignedInt => new(0, uint.MaxValue),
        XsdType.UnsignedShort => new(0, ushort.MaxValue),
        XsdType.UnsignedByte => new(0, byte.MaxValue),
        _ => new(null, null),
    };
}
