using GuidelineGraph.Rdf;
using static GuidelineGraph.Sparql.Functions.Tests.T;

namespace GuidelineGraph.Sparql.Functions.Tests;

/// <summary>
/// Every function, operator, cast and aggregate over every combination of awkward terms returns a value or an
/// error value, never an exception: the evaluator relies on it on its hot paths.
/// </summary>
public class NoExceptionTests
{
    private static readonly Term?[] Pool =
    [
        null, Iri("http://ex/a"), Iri("rel"), new BlankNode("b"), S(""), S("abc"), S("  12 "), S("\uD800"), Lang("abc", "en"), Lang("", "fr"),
        Int("99999999999999999999999999999999"), Int("79228162514264337593543950335"), Int("-0"), Int("x"),
        Dec("79228162514264337593543950335"), Dec("-7922816251426433759354395033.5"), Dec(".5"),
        Dbl("INF"), Dbl("NaN"), Dbl("-0.0e0"), Dbl("1e308"), Flt("3.4e38"), Typed("1e400", Vocab.Xsd.Double),
        Typed("300", Vocab.Xsd.UnsignedByte), Bool(true), Typed("yes", Vocab.Xsd.Boolean),
        DateTime("-999999999-01-01T00:00:00Z"), DateTime("999999999-12-31T23:59:59.9999999999999999999999999999+14:00"),
        DateTime("2000-02-29T24:00:00"), Typed("0001-01-01", Vocab.Xsd.Date), Typed("24:00:00Z", Vocab.Xsd.Time),
        DayTime("P999999999999999D"), DayTime("-PT0.000000000000000000000000001S"), Typed("P999999999999999Y", Vocab.Xsd.YearMonthDuration),
        Typed("P1Y2M3DT4H5M6S", Vocab.Xsd.Duration), Typed("x", Unknown), S("(a+)+$"), S("$0\\"), S("imsxq"), S("*"),
    ];

    private static readonly Iri[] CastTargets =
    [
        Vocab.Xsd.String, Vocab.Xsd.Boolean, Vocab.Xsd.Integer, Vocab.Xsd.Decimal, Vocab.Xsd.Float, Vocab.Xsd.Double,
        Vocab.Xsd.DateTime, Vocab.Xsd.Date, Vocab.Xsd.Time, Vocab.Xsd.Duration, Vocab.Xsd.DayTimeDuration, Vocab.Xsd.YearMonthDuration,
        Vocab.Xsd.Long, Vocab.Xsd.Byte, Vocab.Xsd.UnsignedLong, Vocab.Xsd.NegativeInteger,
    ];

    [Fact]
    public void UnaryAndCasts()
    {
        var context = new FunctionContext(DateTimeOffset.UnixEpoch, "http://example.org/", new Random(1), new RegexCache(TimeSpan.FromMilliseconds(20)));
        int values = 0, errors = 0;
        void Count(object? result) { if (result is null) errors++; else values++; }
        foreach (var a in Pool)
        {
            foreach (var f in Enum.GetValues<BuiltInFunction>())
                if (BuiltIns.Arity(f).Min <= 1 && BuiltIns.Arity(f).Max >= 1) Count(BuiltIns.Call(f, [a], context, new BlankNodeScope()));
            foreach (var dt in CastTargets) Count(Casts.Cast(a, dt));
            Count(Arithmetic.Negate(a));
            Count(Operators.EffectiveBooleanValue(a));
        }
        Assert.True(values > 300 && errors > 300, $"{values} values, {errors} errors");
    }

    [Fact]
    public void BinaryAndTernary()
    {
        var context = new FunctionContext(DateTimeOffset.UnixEpoch, null, new Random(1), new RegexCache(TimeSpan.FromMilliseconds(20)));
        int calls = 0;
        foreach (var a in Pool)
        {
            foreach (var b in Pool)
            {
                foreach (var f in Enum.GetValues<BuiltInFunction>())
                {
                    var (min, max) = BuiltIns.Arity(f);
                    if (min <= 2 && max >= 2) { BuiltIns.Call(f, [a, b], context); calls++; }
                    if (min <= 3 && max >= 3) { BuiltIns.Call(f, [a, b, S("i")], context); BuiltIns.Call(f, [S("abcabc"), a, b], context); calls += 2; }
                }
                Arithmetic.Add(a, b);
                Arithmetic.Subtract(a, b);
                Arithmetic.Multiply(a, b);
                Arithmetic.Divide(a, b);
                Operators.Equal(a, b);
                Operators.Compare(a, b);
                TermOrder.Instance.Compare(a, b);
            }
        }
        Assert.True(calls > 10_000);
    }

    [Fact]
    public void Aggregates()
    {
        foreach (var f in Enum.GetValues<AggregateFunction>())
        {
            foreach (var distinct in new[] { false, true })
            {
                var acc = Accumulator.Create(f, distinct);
                foreach (var a in Pool) acc.Add(a);
                var result = acc.Result();
                // The pool holds an IRI and a blank node, so only the aggregates that accept any term succeed.
                Assert.Equal(f is AggregateFunction.Count or AggregateFunction.Min or AggregateFunction.Max or AggregateFunction.Sample, result is not null);
            }
        }
    }
}
