using GuidelineGraph.Rdf;
using static GuidelineGraph.Sparql.Functions.Tests.T;

namespace GuidelineGraph.Sparql.Functions.Tests;

public class DateTimeTests
{
    private static readonly Literal Sample = DateTime("2011-01-10T14:45:13.815-05:00");

    [Fact]
    public void PartsFromTheSpecExamples()
    {
        Assert.Equal(Int("2011"), TermFunctions.Year(Sample));
        Assert.Equal(Int("1"), TermFunctions.Month(Sample));
        Assert.Equal(Int("10"), TermFunctions.Day(Sample));
        Assert.Equal(Int("14"), TermFunctions.Hours(Sample));
        Assert.Equal(Int("45"), TermFunctions.Minutes(Sample));
        Assert.Equal(Dec("13.815"), TermFunctions.Seconds(Sample));
    }

    [Fact]
    public void Timezones()
    {
        Assert.Equal(DayTime("-PT5H"), TermFunctions.Timezone(Sample));
        Assert.Equal(DayTime("PT0S"), TermFunctions.Timezone(DateTime("2011-01-10T14:45:13.815Z")));
        Assert.Null(TermFunctions.Timezone(DateTime("2011-01-10T14:45:13.815")));
        Assert.Equal(S("-05:00"), TermFunctions.Tz(Sample));
        Assert.Equal(S("Z"), TermFunctions.Tz(DateTime("2011-01-10T14:45:13.815Z")));
        Assert.Equal(S(""), TermFunctions.Tz(DateTime("2011-01-10T14:45:13.815")));
        Assert.Equal(DayTime("PT5H30M"), TermFunctions.Timezone(DateTime("2011-01-10T14:45:13+05:30")));
    }

    [Fact]
    public void InvalidInputsAreErrors()
    {
        Assert.Null(TermFunctions.Year(S("2011-01-10T14:45:13Z")));
        Assert.Null(TermFunctions.Year(DateTime("2011-13-10T14:45:13Z")));
        Assert.Null(TermFunctions.Hours(DateTime("2011-01-10T25:00:00Z")));
        Assert.Null(TermFunctions.Hours(Typed("2011-01-10", Vocab.Xsd.Date)));
        Assert.Equal(Int("2011"), TermFunctions.Year(Typed("2011-01-10", Vocab.Xsd.Date)));
        Assert.Null(TermFunctions.Timezone(DateTime("2011-01-10T14:45:13+15:00")));
    }

    [Fact]
    public void LeapYears()
    {
        Assert.NotNull(XsdTemporal.Parse("2000-02-29", TemporalKind.Date));
        Assert.Null(XsdTemporal.Parse("1900-02-29", TemporalKind.Date));
        Assert.NotNull(XsdTemporal.Parse("2024-02-29T00:00:00", TemporalKind.DateTime));
    }

    [Fact]
    public void Subtraction()
    {
        Assert.Equal(DayTime("P1DT2H45M13S"), Arithmetic.Subtract(DateTime("2011-01-10T14:45:13Z"), DateTime("2011-01-09T12:00:00Z")));
        Assert.Equal(DayTime("-PT5H"), Arithmetic.Subtract(DateTime("2011-01-10T10:00:00Z"), DateTime("2011-01-10T10:00:00-05:00")));
        Assert.Equal(DayTime("P366D"), Arithmetic.Subtract(Typed("2001-01-01", Vocab.Xsd.Date), Typed("2000-01-01", Vocab.Xsd.Date)));
        Assert.Null(Arithmetic.Subtract(DateTime("2011-01-10T14:45:13Z"), Typed("2000-01-01", Vocab.Xsd.Date)));
    }

    [Fact]
    public void AddingDurations()
    {
        Assert.Equal(DateTime("2011-02-28T00:00:00Z"), Arithmetic.Add(DateTime("2011-01-31T00:00:00Z"), Typed("P1M", Vocab.Xsd.YearMonthDuration)));
        Assert.Equal(DateTime("2011-03-01T01:30:00Z"), Arithmetic.Add(DateTime("2011-02-28T23:00:00Z"), DayTime("PT2H30M")));
        Assert.Equal(DateTime("2010-12-31T23:00:00Z"), Arithmetic.Subtract(DateTime("2011-01-01T00:00:00Z"), DayTime("PT1H")));
        Assert.Equal(Typed("2000-03-01", Vocab.Xsd.Date), Arithmetic.Add(Typed("2000-02-28", Vocab.Xsd.Date), DayTime("P2D")));
        Assert.Equal(DayTime("P1DT1H"), Arithmetic.Add(DayTime("P1D"), DayTime("PT1H")));
        Assert.Null(Arithmetic.Add(DayTime("P1D"), Typed("P1M", Vocab.Xsd.YearMonthDuration)));
    }

    [Fact]
    public void Now()
    {
        var context = new FunctionContext(new DateTimeOffset(2026, 11, 25, 17, 3, 4, 500, TimeSpan.FromHours(-8)));
        var now = BuiltIns.Call(BuiltInFunction.Now, [], context);
        Assert.Equal(DateTime("2026-11-25T17:03:04.5-08:00"), now);
        Assert.Same(now, BuiltIns.Call(BuiltInFunction.Now, [], context));
    }

    [Theory]
    [InlineData("P1Y2M3DT4H5M6.7S", "P1Y2M3DT4H5M6.7S")]
    [InlineData("PT36H", "P1DT12H")]
    [InlineData("-P0D", "PT0S")]
    [InlineData("PT0.50S", "PT0.5S")]
    public void DurationCanonicalForm(string lexical, string expected) =>
        Assert.Equal(expected, XsdDuration.Parse(lexical, DurationKind.Duration)!.Value.ToString());

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P1M1Y")]
    [InlineData("P1.5D")]
    [InlineData("1D")]
    public void InvalidDurations(string lexical) => Assert.Null(XsdDuration.Parse(lexical, DurationKind.Duration));
}
