using GuidelineGraph.Rdf;
using static GuidelineGraph.Sparql.Functions.Tests.T;

namespace GuidelineGraph.Sparql.Functions.Tests;

public class NumericTests
{
    [Fact]
    public void PromotionPicksTheWiderType()
    {
        Assert.Equal(Int("3"), Arithmetic.Add(Int("1"), Int("2")));
        Assert.Equal(Dec("2.5"), Arithmetic.Add(Int("1"), Dec("1.5")));
        Assert.Equal(Flt("2.5E0"), Arithmetic.Add(Dec("1.0"), Flt("1.5")));
        Assert.Equal(Dbl("2.5E0"), Arithmetic.Add(Flt("1"), Dbl("1.5")));
        // Derived integer types take part as xsd:integer.
        Assert.Equal(Int("2"), Arithmetic.Add(Typed("1", Vocab.Xsd.Int), Typed("1", Vocab.Xsd.UnsignedByte)));
        Assert.Equal(Int("-6"), Arithmetic.Multiply(Int("2"), Typed("-3", Vocab.Xsd.NegativeInteger)));
        Assert.Equal(Dec("-0.5"), Arithmetic.Subtract(Dec("1"), Dec("1.5")));
    }

    [Fact]
    public void IntegerDivisionIsDecimal()
    {
        Assert.Equal(Dec("0.5"), Arithmetic.Divide(Int("1"), Int("2")));
        Assert.Equal(Dec("2.0"), Arithmetic.Divide(Int("4"), Int("2")));
        Assert.Equal(Dec("0.3333333333333333333333333333"), Arithmetic.Divide(Int("1"), Int("3")));
        Assert.Null(Arithmetic.Divide(Int("1"), Int("0")));
        Assert.Null(Arithmetic.Divide(Dec("1"), Dec("0.0")));
        Assert.Equal(Dbl("INF"), Arithmetic.Divide(Dbl("1"), Int("0")));
        Assert.Equal(Dbl("NaN"), Arithmetic.Divide(Dbl("0"), Int("0")));
    }

    [Fact]
    public void FloatArithmeticRoundsToSinglePrecision()
    {
        // 0.1f + 0.2f = 0.3f exactly in single precision, unlike double.
        Assert.Equal(Flt("3.0E-1"), Arithmetic.Add(Flt("0.1"), Flt("0.2")));
        Assert.Equal(Dbl("3.0000000000000004E-1"), Arithmetic.Add(Dbl("0.1"), Dbl("0.2")));
    }

    [Fact]
    public void ArithmeticErrors()
    {
        Assert.Null(Arithmetic.Add(Int("1"), S("1")));
        Assert.Null(Arithmetic.Add(Int("1"), Int("x")));
        Assert.Null(Arithmetic.Add(Int("1"), null));
        Assert.Null(Arithmetic.Multiply(Dec("79228162514264337593543950335"), Int("2")));
        Assert.Null(Arithmetic.Negate(Iri("http://ex")));
        Assert.Equal(Int("-5"), Arithmetic.Negate(Int("5")));
        Assert.Equal(Int("5"), Arithmetic.Plus(Typed("5", Vocab.Xsd.Short)));
    }

    [Theory]
    [InlineData(1e6, "1.0E6")]
    [InlineData(-10200.0, "-1.02E4")]
    [InlineData(0.001, "1.0E-3")]
    [InlineData(1.5, "1.5E0")]
    [InlineData(123456789.0, "1.23456789E8")]
    [InlineData(0.0, "0.0E0")]
    [InlineData(double.NegativeInfinity, "-INF")]
    public void CanonicalDouble(double value, string expected) => Assert.Equal(expected, Numeric.FormatDouble(value));

    [Theory]
    [InlineData("2.50", "2.5")]
    [InlineData("100", "100.0")]
    [InlineData("-0.000", "0.0")]
    [InlineData("+33.3300", "33.33")]
    public void CanonicalDecimal(string lexical, string expected) => Assert.Equal(expected, Numeric.FormatDecimal(Numeric.ParseDecimal(lexical)!.Value));

    [Fact]
    public void LexicalForms()
    {
        Assert.Null(Numeric.FromTerm(Int("1.0")));
        Assert.Null(Numeric.FromTerm(Int(" 1")));
        Assert.Null(Numeric.FromTerm(Dec("1e3")));
        Assert.Null(Numeric.FromTerm(Dbl("1e")));
        Assert.Null(Numeric.FromTerm(Typed("200", Vocab.Xsd.Byte)));
        Assert.Null(Numeric.FromTerm(Typed("0", Vocab.Xsd.PositiveInteger)));
        Assert.NotNull(Numeric.FromTerm(Dbl(".5e-3")));
        Assert.NotNull(Numeric.FromTerm(Dec("5.")));
        Assert.NotNull(Numeric.FromTerm(Dbl("-INF")));
    }

    [Fact]
    public void IsNumeric()
    {
        // §17.4.2.4's examples.
        Assert.Equal(Bool(true), TermFunctions.IsNumeric(Int("12")));
        Assert.Equal(Bool(false), TermFunctions.IsNumeric(S("12")));
        Assert.Equal(Bool(true), TermFunctions.IsNumeric(Typed("12", Vocab.Xsd.NonNegativeInteger)));
        Assert.Equal(Bool(false), TermFunctions.IsNumeric(Typed("1200", Vocab.Xsd.Byte)));
        Assert.Equal(Bool(false), TermFunctions.IsNumeric(Iri("http://example/")));
    }

    [Fact]
    public void Abs()
    {
        Assert.Equal(Int("1"), TermFunctions.Abs(Int("1")));
        Assert.Equal(Dec("1.5"), TermFunctions.Abs(Dec("-1.5")));
        Assert.Equal(Dbl("INF"), TermFunctions.Abs(Dbl("-INF")));
        Assert.Null(TermFunctions.Abs(S("-1")));
    }

    [Fact]
    public void Round()
    {
        Assert.Equal(Dec("2.0"), TermFunctions.Round(Dec("2.4999")));
        Assert.Equal(Dec("3.0"), TermFunctions.Round(Dec("2.5")));
        Assert.Equal(Dec("-2.0"), TermFunctions.Round(Dec("-2.5")));
        Assert.Equal(Int("7"), TermFunctions.Round(Int("7")));
        Assert.Equal(Dbl("-0.0E0"), TermFunctions.Round(Dbl("-0.4")));
    }

    [Fact]
    public void CeilAndFloor()
    {
        Assert.Equal(Dec("11.0"), TermFunctions.Ceil(Dec("10.5")));
        Assert.Equal(Dec("-10.0"), TermFunctions.Ceil(Dec("-10.5")));
        Assert.Equal(Dec("10.0"), TermFunctions.Floor(Dec("10.5")));
        Assert.Equal(Dec("-11.0"), TermFunctions.Floor(Dec("-10.5")));
        Assert.Equal(Flt("2.0E0"), TermFunctions.Ceil(Flt("1.25")));
    }

    [Fact]
    public void Rand()
    {
        var r = (Literal)TermFunctions.Rand(new Random(7));
        Assert.Equal(Vocab.Xsd.Double, r.Datatype);
        var v = Numeric.FromTerm(r)!.Value.Approximate;
        Assert.InRange(v, 0.0, 0.9999999999);
    }
}
