using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions.Tests;

/// <summary>Short term builders so test cases read like the spec's examples.</summary>
internal static class T
{
    public static Literal S(string s) => new(s);
    public static Literal Lang(string s, string tag) => new(s, tag);
    public static Literal Typed(string s, Iri dt) => new(s, dt);
    public static Literal XsdString(string s) => new(s, Vocab.Xsd.String);
    public static Literal Int(string s) => new(s, Vocab.Xsd.Integer);
    public static Literal Dec(string s) => new(s, Vocab.Xsd.Decimal);
    public static Literal Dbl(string s) => new(s, Vocab.Xsd.Double);
    public static Literal Flt(string s) => new(s, Vocab.Xsd.Float);
    public static Literal Bool(bool b) => b ? Operators.True : Operators.False;
    public static Literal DateTime(string s) => new(s, Vocab.Xsd.DateTime);
    public static Literal DayTime(string s) => new(s, Vocab.Xsd.DayTimeDuration);
    public static Iri Iri(string s) => new(s);

    public static readonly Iri Unknown = new("http://example/unknown");
}
