using GuidelineGraph.Rdf;
using static GuidelineGraph.Sparql.Functions.Tests.T;

namespace GuidelineGraph.Sparql.Functions.Tests;

/// <summary>Rows of the W3C cast tests (sparql11/cast), checked against XPath's casting rules.</summary>
public class CastTests
{
    [Theory]
    [InlineData("13", "13")]
    [InlineData("0", "0")]
    [InlineData(" 1 ", "1")]
    [InlineData("+7", "7")]
    public void StringToInteger(string lexical, string expected) => Assert.Equal(Int(expected), Casts.Cast(S(lexical), Vocab.Xsd.Integer));

    [Theory]
    [InlineData("0.0")]
    [InlineData("1E0")]
    [InlineData("string")]
    [InlineData("2002-10-10T17:00:00Z")]
    [InlineData("true")]
    public void StringsThatAreNotIntegers(string lexical) => Assert.Null(Casts.Cast(S(lexical), Vocab.Xsd.Integer));

    [Fact]
    public void NumbersToInteger()
    {
        Assert.Equal(Int("-7"), Casts.Cast(Flt("-7.875"), Vocab.Xsd.Integer));
        Assert.Equal(Int("2"), Casts.Cast(Dec("2.5"), Vocab.Xsd.Integer));
        Assert.Equal(Int("-2"), Casts.Cast(Dec("-2.5"), Vocab.Xsd.Integer));
        Assert.Equal(Int("1"), Casts.Cast(Bool(true), Vocab.Xsd.Integer));
        Assert.Null(Casts.Cast(Dbl("INF"), Vocab.Xsd.Integer));
        Assert.Null(Casts.Cast(Dbl("NaN"), Vocab.Xsd.Integer));
        Assert.Null(Casts.Cast(Iri("http://example.org/z"), Vocab.Xsd.Integer));
    }

    [Fact]
    public void DerivedIntegerTypesCheckTheirRange()
    {
        Assert.Equal(Typed("127", Vocab.Xsd.Byte), Casts.Cast(S("127"), Vocab.Xsd.Byte));
        Assert.Null(Casts.Cast(Int("200"), Vocab.Xsd.Byte));
        Assert.Null(Casts.Cast(Int("-1"), Vocab.Xsd.NonNegativeInteger));
        Assert.Equal(Typed("4294967295", Vocab.Xsd.UnsignedInt), Casts.Cast(Dbl("4294967295"), Vocab.Xsd.UnsignedInt));
    }

    [Fact]
    public void ToDecimal()
    {
        Assert.Equal(Dec("33.33"), Casts.Cast(S("+33.3300"), Vocab.Xsd.Decimal));
        Assert.Equal(Dec("1.0"), Casts.Cast(S("1"), Vocab.Xsd.Decimal));
        Assert.Null(Casts.Cast(S("-10.2E3"), Vocab.Xsd.Decimal));
        Assert.Equal(Dec("-7.875"), Casts.Cast(Flt("-7.875"), Vocab.Xsd.Decimal));
        Assert.Equal(Dec("0.0"), Casts.Cast(Bool(false), Vocab.Xsd.Decimal));
        Assert.Null(Casts.Cast(Dbl("INF"), Vocab.Xsd.Decimal));
    }

    [Fact]
    public void ToDoubleAndFloat()
    {
        Assert.Equal(Dbl("-1.02E4"), Casts.Cast(S("-10.2E3"), Vocab.Xsd.Double));
        Assert.Equal(Dbl("3.333E1"), Casts.Cast(S("+33.3300"), Vocab.Xsd.Double));
        Assert.Equal(Flt("1.5E0"), Casts.Cast(S("1.5"), Vocab.Xsd.Float));
        Assert.Equal(Dbl("1.0E0"), Casts.Cast(Bool(true), Vocab.Xsd.Double));
        Assert.Equal(Dbl("2.5E0"), Casts.Cast(Dec("2.5"), Vocab.Xsd.Double));
        Assert.Null(Casts.Cast(S("false"), Vocab.Xsd.Double));
        // 0.1 is not exactly representable: the float rounding shows in the double.
        Assert.Equal(Dbl("1.0000000149011612E-1"), Casts.Cast(Flt("0.1"), Vocab.Xsd.Double));
    }

    [Fact]
    public void ToBoolean()
    {
        Assert.Equal(Bool(true), Casts.Cast(S("1"), Vocab.Xsd.Boolean));
        Assert.Equal(Bool(false), Casts.Cast(S("false"), Vocab.Xsd.Boolean));
        Assert.Null(Casts.Cast(S("0.0"), Vocab.Xsd.Boolean));
        Assert.Equal(Bool(false), Casts.Cast(Dbl("0E1"), Vocab.Xsd.Boolean));
        Assert.Equal(Bool(true), Casts.Cast(Flt("-7.875"), Vocab.Xsd.Boolean));
        Assert.Equal(Bool(false), Casts.Cast(Typed("0", Vocab.Xsd.Boolean), Vocab.Xsd.Boolean));
        Assert.Equal(Bool(false), Casts.Cast(Dbl("NaN"), Vocab.Xsd.Boolean));
    }

    [Fact]
    public void ToStringUsesXPathForms()
    {
        Assert.Equal(S("http://example.org/z"), Casts.Cast(Iri("http://example.org/z"), Vocab.Xsd.String));
        Assert.Equal(S("+33.3300"), Casts.Cast(S("+33.3300"), Vocab.Xsd.String));
        Assert.Equal(S("false"), Casts.Cast(Typed("0", Vocab.Xsd.Boolean), Vocab.Xsd.String));
        Assert.Equal(S("1"), Casts.Cast(Dec("1.0"), Vocab.Xsd.String));
        Assert.Equal(S("-1"), Casts.Cast(Dec("-1.0"), Vocab.Xsd.String));
        Assert.Equal(S("2.5"), Casts.Cast(Dec("2.5"), Vocab.Xsd.String));
        Assert.Equal(S("0"), Casts.Cast(Dbl("0E1"), Vocab.Xsd.String));
        Assert.Equal(S("1"), Casts.Cast(Flt("1E0"), Vocab.Xsd.String));
        Assert.Equal(S("1.25"), Casts.Cast(Flt("1.25"), Vocab.Xsd.String));
        Assert.Equal(S("1.0E7"), Casts.Cast(Dbl("1e7"), Vocab.Xsd.String));
        Assert.Equal(S("0.00001"), Casts.Cast(Dbl("1e-5"), Vocab.Xsd.String));
        Assert.Equal(S("0"), Casts.Cast(Int("00"), Vocab.Xsd.String));
        Assert.Equal(S("x"), Casts.Cast(Typed("x", Unknown), Vocab.Xsd.String));
        Assert.Null(Casts.Cast(new BlankNode("b"), Vocab.Xsd.String));
        Assert.Null(Casts.Cast(Lang("chat", "fr"), Vocab.Xsd.String));
    }

    [Fact]
    public void IllFormedSourcesCannotBeCast()
    {
        Assert.Null(Casts.Cast(Int("abc"), Vocab.Xsd.Double));
        Assert.Null(Casts.Cast(Typed("x", Unknown), Vocab.Xsd.Integer));
    }

    [Fact]
    public void DateTimes()
    {
        Assert.Equal(DateTime("2002-10-10T17:00:00Z"), Casts.Cast(S("2002-10-10T17:00:00Z"), Vocab.Xsd.DateTime));
        Assert.Equal(DateTime("2002-10-10T17:00:00.5-05:00"), Casts.Cast(S("2002-10-10T17:00:00.500-05:00"), Vocab.Xsd.DateTime));
        Assert.Null(Casts.Cast(S("2002-02-30T17:00:00Z"), Vocab.Xsd.DateTime));
        Assert.Null(Casts.Cast(S("2002-10-10"), Vocab.Xsd.DateTime));
        Assert.Null(Casts.Cast(Int("2002"), Vocab.Xsd.DateTime));
        Assert.Equal(Typed("2002-10-10Z", Vocab.Xsd.Date), Casts.Cast(DateTime("2002-10-10T17:00:00Z"), Vocab.Xsd.Date));
        Assert.Equal(DateTime("2002-10-10T00:00:00"), Casts.Cast(Typed("2002-10-10", Vocab.Xsd.Date), Vocab.Xsd.DateTime));
        Assert.Equal(Typed("17:00:00", Vocab.Xsd.Time), Casts.Cast(DateTime("2002-10-10T17:00:00"), Vocab.Xsd.Time));
    }

    [Fact]
    public void Durations()
    {
        Assert.Equal(DayTime("P1DT2H"), Casts.Cast(S("PT26H"), Vocab.Xsd.DayTimeDuration));
        Assert.Null(Casts.Cast(S("P1M"), Vocab.Xsd.DayTimeDuration));
        Assert.Equal(Typed("P1Y2M", Vocab.Xsd.YearMonthDuration), Casts.Cast(Typed("P1Y2M3D", Vocab.Xsd.Duration), Vocab.Xsd.YearMonthDuration));
        Assert.Equal(Typed("-P3DT0.5S", Vocab.Xsd.Duration), Casts.Cast(S("-P3DT0.5S"), Vocab.Xsd.Duration));
    }

    [Fact]
    public void CastTargets()
    {
        Assert.True(Casts.IsCastTarget(Vocab.Xsd.UnsignedShort.Value));
        Assert.True(Casts.IsCastTarget(Vocab.Xsd.DateTime.Value));
        Assert.False(Casts.IsCastTarget(Vocab.Rdf.LangString.Value));
    }
}
