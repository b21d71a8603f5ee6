using GuidelineGraph.Rdf;
using static GuidelineGraph.Sparql.Functions.Tests.T;

namespace GuidelineGraph.Sparql.Functions.Tests;

public class OperatorTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData("abc", true)]
    public void EbvOfStrings(string s, bool expected)
    {
        Assert.Equal(expected, Operators.EffectiveBooleanValue(S(s)));
        Assert.Equal(expected, Operators.EffectiveBooleanValue(XsdString(s)));
    }

    [Fact]
    public void EbvOfTypedValues()
    {
        // §17.2.2's examples.
        Assert.Equal(true, Operators.EffectiveBooleanValue(Bool(true)));
        Assert.Equal(false, Operators.EffectiveBooleanValue(Typed("abc", Vocab.Xsd.Boolean)));
        Assert.Equal(false, Operators.EffectiveBooleanValue(Int("0")));
        Assert.Equal(true, Operators.EffectiveBooleanValue(Int("7")));
        Assert.Equal(false, Operators.EffectiveBooleanValue(Dbl("NaN")));
        Assert.Equal(false, Operators.EffectiveBooleanValue(Dbl("-0.0E0")));
        Assert.Equal(false, Operators.EffectiveBooleanValue(Int("abc")));
        Assert.Equal(true, Operators.EffectiveBooleanValue(Lang("x", "en")));
        Assert.Null(Operators.EffectiveBooleanValue(Iri("http://ex/")));
        Assert.Null(Operators.EffectiveBooleanValue(new BlankNode("b")));
        Assert.Null(Operators.EffectiveBooleanValue(DateTime("2011-01-10T14:45:13Z")));
        Assert.Null(Operators.EffectiveBooleanValue(Typed("x", Unknown)));
        Assert.Null(Operators.EffectiveBooleanValue(null));
    }

    [Fact]
    public void EqualityAcrossNumericTypes()
    {
        Assert.Equal(true, Operators.Equal(Int("1"), Dec("1.0")));
        Assert.Equal(true, Operators.Equal(Int("1"), Dbl("1E0")));
        Assert.Equal(true, Operators.Equal(Typed("1", Vocab.Xsd.Int), Int("01")));
        Assert.Equal(true, Operators.Equal(Flt("0.5"), Dec("0.5")));
        Assert.Equal(false, Operators.Equal(Int("1"), Int("2")));
        Assert.Equal(false, Operators.Equal(Dbl("NaN"), Dbl("NaN")));
        Assert.Equal(true, Operators.NotEqual(Dbl("NaN"), Dbl("NaN")));
    }

    [Fact]
    public void EqualityOfStringsAndTags()
    {
        Assert.Equal(true, Operators.Equal(S("abc"), XsdString("abc")));
        Assert.Equal(true, Operators.Equal(Lang("abc", "en"), Lang("abc", "EN")));
        Assert.Equal(false, Operators.Equal(Lang("abc", "en"), S("abc")));
        Assert.Equal(false, Operators.Equal(Lang("abc", "en"), Lang("abc", "fr")));
        Assert.Equal(false, Operators.Equal(S("1"), Int("1")));
        Assert.Equal(false, Operators.Equal(Iri("http://ex/a"), S("http://ex/a")));
        Assert.Equal(true, Operators.Equal(Iri("http://ex/a"), Iri("http://ex/a")));
    }

    [Fact]
    public void EqualityWithUnknownOrIllFormedLiteralsIsAnErrorUnlessSameTerm()
    {
        // The open-world tests of data-r2: a value that cannot be known to differ is not "unequal".
        Assert.Equal(true, Operators.Equal(Typed("x", Unknown), Typed("x", Unknown)));
        Assert.Null(Operators.Equal(Typed("x", Unknown), Typed("y", Unknown)));
        Assert.Null(Operators.Equal(S("xyz"), Typed("xyz", Unknown)));
        Assert.Null(Operators.Equal(S("xyz"), Int("xyz")));
        Assert.Null(Operators.NotEqual(Int("abc"), Int("xyz")));
        Assert.Equal(false, Operators.Equal(Typed("xyz", Unknown), Lang("xyz", "en")));
        Assert.Equal(false, Operators.Equal(Typed("xyz", Unknown), new BlankNode("b")));
        Assert.Null(Operators.Equal(S("a"), null));
    }

    [Fact]
    public void OrderingOperators()
    {
        Assert.Equal(true, Operators.LessThan(Int("2"), Dec("10.5")));
        Assert.Equal(true, Operators.LessThan(S("abc"), S("abd")));
        Assert.Equal(true, Operators.LessThan(Bool(false), Bool(true)));
        Assert.Equal(true, Operators.GreaterOrEqual(Dbl("1E0"), Int("1")));
        Assert.Equal(false, Operators.LessThan(Dbl("NaN"), Int("1")));
        Assert.Equal(false, Operators.GreaterOrEqual(Dbl("NaN"), Int("1")));
        Assert.Null(Operators.LessThan(Int("1"), S("2")));
        Assert.Null(Operators.LessThan(Lang("a", "en"), Lang("b", "en")));
        Assert.Null(Operators.LessThan(Iri("http://a"), Iri("http://b")));
        Assert.Null(Operators.LessThan(Typed("1", Unknown), Typed("2", Unknown)));
    }

    [Fact]
    public void DateTimeComparisonUsesTimezones()
    {
        Assert.Equal(true, Operators.Equal(DateTime("2002-04-02T12:00:00-01:00"), DateTime("2002-04-02T17:00:00+04:00")));
        Assert.Equal(true, Operators.LessThan(DateTime("2002-04-02T12:00:00Z"), DateTime("2002-04-02T12:00:01Z")));
        Assert.Equal(true, Operators.Equal(DateTime("2002-04-02T24:00:00Z"), DateTime("2002-04-03T00:00:00Z")));
        // Without a timezone the order is only known beyond ±14 hours.
        Assert.Null(Operators.Equal(DateTime("2002-04-02T12:00:00"), DateTime("2002-04-02T12:00:00Z")));
        Assert.Equal(true, Operators.LessThan(DateTime("2002-04-01T12:00:00"), DateTime("2002-04-02T12:00:00Z")));
        Assert.Equal(false, Operators.Equal(DateTime("2002-04-02T12:00:00Z"), Typed("2002-04-02", Vocab.Xsd.Date)));
        Assert.Equal(true, Operators.LessThan(Typed("2006-08-22", Vocab.Xsd.Date), Typed("2006-08-23", Vocab.Xsd.Date)));
    }

    [Fact]
    public void OpenWorldDateTests()
    {
        // data-r2 open-world date-1/2/3: which dates pass =, != and > against a date without timezone.
        var d = Typed("2006-08-23", Vocab.Xsd.Date);
        var d22 = Typed("2006-08-22", Vocab.Xsd.Date);
        Literal[] data = [DateTime("2006-08-23T09:00:00+01:00"), Typed("2006-08-23", Vocab.Xsd.Date), Typed("2006-08-23Z", Vocab.Xsd.Date),
            Typed("2006-08-23+00:00", Vocab.Xsd.Date), Typed("2001-01-01", Vocab.Xsd.Date), Typed("2001-01-01Z", Vocab.Xsd.Date)];
        Assert.Equal([false, true, false, false, false, false], data.Select(v => Operators.Equal(v, d) == true));
        Assert.Equal([true, false, false, false, true, true], data.Select(v => Operators.NotEqual(v, d) == true));
        Assert.Equal([false, true, true, true, false, false], data.Select(v => Operators.GreaterThan(v, d22) == true));
    }

    [Fact]
    public void SameValueIsForComparingResults()
    {
        Assert.True(LiteralValue.SameValue(Dbl("1.0"), Dbl("1E0")));
        Assert.True(LiteralValue.SameValue(Dec("1.0"), Dec("01")));
        Assert.True(LiteralValue.SameValue(Dbl("NaN"), Dbl("NaN")));
        Assert.True(LiteralValue.SameValue(DateTime("2002-04-02T12:00:00-01:00"), DateTime("2002-04-02T13:00:00Z")));
        Assert.False(LiteralValue.SameValue(DateTime("2002-04-02T12:00:00"), DateTime("2002-04-02T12:00:00Z")));
        Assert.False(LiteralValue.SameValue(Int("1"), Dec("1.0")));
        Assert.False(LiteralValue.SameValue(Typed("a", Unknown), Typed("b", Unknown)));
        Assert.True(LiteralValue.SameValue(Typed("0", Vocab.Xsd.Boolean), Bool(false)));
    }

    [Fact]
    public void DurationComparison()
    {
        Assert.Equal(true, Operators.Equal(DayTime("PT24H"), DayTime("P1D")));
        Assert.Equal(true, Operators.LessThan(DayTime("PT1H"), DayTime("PT61M")));
        Assert.Equal(true, Operators.Equal(Typed("P1Y", Vocab.Xsd.YearMonthDuration), Typed("P12M", Vocab.Xsd.YearMonthDuration)));
        // A month is not a fixed number of days.
        Assert.Null(Operators.LessThan(Typed("P1M", Vocab.Xsd.Duration), Typed("P30D", Vocab.Xsd.Duration)));
    }

    [Fact]
    public void SameTermIsIdentity()
    {
        Assert.Equal(false, Operators.SameTerm(Int("1"), Dec("1.0")));
        Assert.Equal(true, Operators.SameTerm(S("a"), XsdString("a")));
        Assert.Null(Operators.SameTerm(null, S("a")));
    }

    [Fact]
    public void InAndNotIn()
    {
        // §17.4.1.9/10: 2 IN (1, 2, 3) true; 2 IN () false; 2 IN (<x>, 1/0, 2) true; 2 IN (3, 1/0) error.
        Assert.Equal(true, Operators.In(Int("2"), [Int("1"), Int("2"), Int("3")]));
        Assert.Equal(false, Operators.In(Int("2"), []));
        Assert.Equal(true, Operators.In(Int("2"), [Iri("http://example/iri"), null, Int("2")]));
        Assert.Null(Operators.In(Int("2"), [Int("3"), null]));
        Assert.Equal(false, Operators.NotIn(Int("2"), [Int("1"), Int("2")]));
        Assert.Equal(true, Operators.NotIn(Int("2"), []));
        Assert.Null(Operators.NotIn(Int("2"), [Int("3"), null]));
    }

    [Fact]
    public void LogicalConnectivesFollowTheErrorTable()
    {
        Assert.Equal(true, Operators.Or(null, true));
        Assert.Null(Operators.Or(null, false));
        Assert.Equal(false, Operators.And(null, false));
        Assert.Null(Operators.And(true, null));
        Assert.Null(Operators.Not(null));
    }

    [Fact]
    public void ControlFlowHelpers()
    {
        Assert.Equal(S("yes"), ControlFlow.If(Bool(true), () => S("yes"), () => S("no")));
        Assert.Equal(S("no"), ControlFlow.If(S(""), () => S("yes"), () => S("no")));
        Assert.Null(ControlFlow.If(Iri("http://ex"), () => S("yes"), () => S("no")));
        Assert.Equal(Int("2"), ControlFlow.Coalesce([() => null, () => Int("2"), () => throw new InvalidOperationException("evaluated too far")]));
        Assert.Null(ControlFlow.Coalesce([]));
    }
}
