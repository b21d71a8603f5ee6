using System.Security.Cryptography;
using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>Functions on terms (§17.4.2), hashes (§17.4.6) and the numeric functions (§17.4.4).</summary>
public static class TermFunctions
{
    public static Term? Str(Term? t) => t switch
    {
        Iri iri => new Literal(iri.Value),
        Literal l => l.Language is null && l.Datatype.Value == Vocab.Xsd.String.Value ? l : new Literal(l.Lexical),
        _ => null,
    };

    public static Term? Lang(Term? t) => t is Literal l ? new Literal(l.Language ?? "") : null;

    public static Term? Datatype(Term? t) => t is Literal l ? l.Datatype : null;

    public static Term? IsIri(Term? t) => t is null ? null : Operators.Boolean(t is Iri);
    public static Term? IsBlank(Term? t) => t is null ? null : Operators.Boolean(t is BlankNode);
    public static Term? IsLiteral(Term? t) => t is null ? null : Operators.Boolean(t is Literal);
    public static Term? IsNumeric(Term? t) => t is null ? null : Operators.Boolean(Numeric.FromTerm(t) is not null);
    public static Term? SameTerm(Term? a, Term? b) => Operators.Boolean(Operators.SameTerm(a, b));

    /// <summary>IRI(x): an IRI stays; a simple literal is resolved against the base (or must be absolute).</summary>
    public static Term? Iri(Term? t, IriResolver? baseIri)
    {
        if (t is Iri) return t;
        if (!StringFunctions.IsSimple(t, out var l)) return null;
        if (baseIri is not null) return new Iri(baseIri.Resolve(l.Lexical));
        return IriResolver.HasScheme(l.Lexical) ? new Iri(l.Lexical) : null;
    }

    /// <summary>BNODE(): fresh; BNODE(label): one node per label within the solution's scope.</summary>
    public static Term? BNode(Term? label, BlankNodeScope? scope)
    {
        if (label is null) return BlankNode.Fresh();
        if (!StringFunctions.IsSimple(label, out var l)) return null;
        return scope is null ? BlankNode.Fresh() : scope.Get(l.Lexical);
    }

    public static Term? StrDt(Term? lexical, Term? datatype) =>
        StringFunctions.IsSimple(lexical, out var l) && datatype is Iri dt ? new Literal(l.Lexical, dt) : null;

    public static Term? StrLang(Term? lexical, Term? language) =>
        StringFunctions.IsSimple(lexical, out var l) && StringFunctions.IsSimple(language, out var tag) && IsLanguageTag(tag.Lexical)
            ? new Literal(l.Lexical, tag.Lexical)
            : null;

    private static bool IsLanguageTag(string s)
    {
        var parts = s.Split('-');
        if (parts[0].Length is 0 or > 8 || !parts[0].All(char.IsAsciiLetter)) return false;
        return parts.Skip(1).All(p => p.Length is > 0 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    public static Term Uuid() => new Iri("urn:uuid:" + Guid.NewGuid().ToString("D"));

    public static Term StrUuid() => new Literal(Guid.NewGuid().ToString("D"));

    public static Term? Md5(Term? t) => Hash(t, MD5.HashData);
    public static Term? Sha1(Term? t) => Hash(t, SHA1.HashData);
    public static Term? Sha256(Term? t) => Hash(t, SHA256.HashData);
    public static Term? Sha384(Term? t) => Hash(t, SHA384.HashData);
    public static Term? Sha512(Term? t) => Hash(t, SHA512.HashData);

    private static Term? Hash(Term? t, Func<byte[], byte[]> hash) =>
        StringFunctions.IsSimple(t, out var l) ? new Literal(Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(l.Lexical)))) : null;

    public static Term? Abs(Term? t) => Numeric.FromTerm(t) is Numeric n
        ? (n.IsExact ? Numeric.Of(n.Type, Math.Abs(n.Exact), 0) : Numeric.Of(n.Type, 0, Math.Abs(n.Approximate))).ToLiteral()
        : null;

    /// <summary>fn:round rounds halves towards positive infinity: round(-2.5) = -2.</summary>
    public static Term? Round(Term? t) => Numeric.FromTerm(t) is Numeric n
        ? (n.IsExact ? Numeric.Of(n.Type, RoundDecimal(n.Exact), 0) : Numeric.Of(n.Type, 0, RoundDouble(n.Approximate))).ToLiteral()
        : null;

    /// <summary>Whole values are returned as they are, so the +0.5 cannot overflow at decimal's limits.</summary>
    private static decimal RoundDecimal(decimal d) => decimal.Truncate(d) == d ? d : Math.Floor(d + 0.5m);

    private static double RoundDouble(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) return d;
        var r = Math.Floor(d + 0.5);
        // Keep the sign of values that round to zero from below (-0.4 → -0).
        return r == 0 && double.IsNegative(d) ? -0.0 : r;
    }

    public static Term? Ceil(Term? t) => Numeric.FromTerm(t) is Numeric n
        ? (n.IsExact ? Numeric.Of(n.Type, Math.Ceiling(n.Exact), 0) : Numeric.Of(n.Type, 0, Math.Ceiling(n.Approximate))).ToLiteral()
        : null;

    public static Term? Floor(Term? t) => Numeric.FromTerm(t) is Numeric n
        ? (n.IsExact ? Numeric.Of(n.Type, Math.Floor(n.Exact), 0) : Numeric.Of(n.Type, 0, Math.Floor(n.Approximate))).ToLiteral()
        : null;

    public static Term Rand(Random random) => Numeric.Double(random.NextDouble()).ToLiteral();

    public static Term? Year(Term? t) => Temporal(t, false) is XsdTemporal v ? Numeric.Integer(v.Year).ToLiteral() : null;
    public static Term? Month(Term? t) => Temporal(t, false) is XsdTemporal v ? Numeric.Integer(v.Month).ToLiteral() : null;
    public static Term? Day(Term? t) => Temporal(t, false) is XsdTemporal v ? Numeric.Integer(v.Day).ToLiteral() : null;
    public static Term? Hours(Term? t) => Temporal(t, true) is XsdTemporal v ? Numeric.Integer(v.Hour).ToLiteral() : null;
    public static Term? Minutes(Term? t) => Temporal(t, true) is XsdTemporal v ? Numeric.Integer(v.Minute).ToLiteral() : null;
    public static Term? Seconds(Term? t) => Temporal(t, true) is XsdTemporal v ? Numeric.Decimal(v.Second).ToLiteral() : null;

    /// <summary>TIMEZONE: the offset as an xsd:dayTimeDuration; an error when there is none.</summary>
    public static Term? Timezone(Term? t) =>
        XsdTemporal.FromTerm(t) is { Timezone: int tz } ? new XsdDuration(DurationKind.DayTime, 0, tz * 60m).ToLiteral() : null;

    /// <summary>TZ: "Z", "-08:00", or "" without timezone.</summary>
    public static Term? Tz(Term? t) =>
        XsdTemporal.FromTerm(t) is XsdTemporal v ? new Literal(v.Timezone is int tz ? XsdTemporal.FormatTimezone(tz) : "") : null;

    /// <summary>Date parts come from dateTime or date, time parts from dateTime or time.</summary>
    private static XsdTemporal? Temporal(Term? t, bool timePart) => XsdTemporal.FromTerm(t) is XsdTemporal v
        && (v.Kind == TemporalKind.DateTime || (timePart ? v.Kind == TemporalKind.Time : v.Kind == TemporalKind.Date)) ? v : null;
}
