using GuidelineGraph.Rdf;
using static GuidelineGraph.Sparql.Functions.Tests.T;

namespace GuidelineGraph.Sparql.Functions.Tests;

public class BuiltInsTests
{
    private static readonly FunctionContext Context = new(DateTimeOffset.UnixEpoch, "http://example.org/");

    [Theory]
    [InlineData("strlen", BuiltInFunction.StrLen)]
    [InlineData("ENCODE_FOR_URI", BuiltInFunction.EncodeForUri)]
    [InlineData("isBlank", BuiltInFunction.IsBlank)]
    [InlineData("SAMETERM", BuiltInFunction.SameTerm)]
    public void NamesAreCaseInsensitive(string name, BuiltInFunction expected) => Assert.Equal(expected, BuiltIns.FromName(name));

    [Fact]
    public void ControlFlowIsNotABuiltInCall()
    {
        Assert.Null(BuiltIns.FromName("BOUND"));
        Assert.Null(BuiltIns.FromName("COALESCE"));
        Assert.Null(BuiltIns.FromName("IF"));
    }

    [Fact]
    public void EveryFunctionHasANameAndAnArity()
    {
        var named = new[] { "STR", "LANG", "LANGMATCHES", "DATATYPE", "IRI", "URI", "BNODE", "STRDT", "STRLANG", "UUID", "STRUUID",
            "STRLEN", "SUBSTR", "UCASE", "LCASE", "STRSTARTS", "STRENDS", "CONTAINS", "STRBEFORE", "STRAFTER", "ENCODE_FOR_URI",
            "CONCAT", "REPLACE", "REGEX", "ABS", "ROUND", "CEIL", "FLOOR", "RAND", "NOW", "YEAR", "MONTH", "DAY", "HOURS", "MINUTES",
            "SECONDS", "TIMEZONE", "TZ", "MD5", "SHA1", "SHA256", "SHA384", "SHA512", "isIRI", "isURI", "isBLANK", "isLITERAL",
            "isNUMERIC", "sameTerm" }.Select(n => BuiltIns.FromName(n)!.Value).ToHashSet();
        Assert.Equal(Enum.GetValues<BuiltInFunction>().ToHashSet(), named);
        Assert.Equal((3, 4), BuiltIns.Arity(BuiltInFunction.Replace));
        Assert.Equal((0, int.MaxValue), BuiltIns.Arity(BuiltInFunction.Concat));
        Assert.Equal((0, 1), BuiltIns.Arity(BuiltInFunction.BNode));
    }

    [Fact]
    public void CallDispatchesWithOptionalArguments()
    {
        Assert.Equal(S("bar"), BuiltIns.Call(BuiltInFunction.Substr, [S("foobar"), Int("4")], Context));
        Assert.Equal(S("b"), BuiltIns.Call(BuiltInFunction.Substr, [S("foobar"), Int("4"), Int("1")], Context));
        // An optional argument that erred is an error, not an absent argument.
        Assert.Null(BuiltIns.Call(BuiltInFunction.Substr, [S("foobar"), Int("4"), null], Context));
        Assert.Equal(Bool(true), BuiltIns.Call(BuiltInFunction.Regex, [S("Alice"), S("^ali"), S("i")], Context));
        Assert.Null(BuiltIns.Call(BuiltInFunction.Regex, [S("Alice"), S("^ali"), null], Context));
        Assert.Equal(S("aZaZ"), BuiltIns.Call(BuiltInFunction.Replace, [S("abab"), S("B"), S("Z"), S("i")], Context));
        Assert.Equal(S("abab"), BuiltIns.Call(BuiltInFunction.Replace, [S("abab"), S("B"), S("Z")], Context));
        Assert.Equal(S("ab"), BuiltIns.Call(BuiltInFunction.Concat, [S("a"), S("b")], Context));
        Assert.Equal(Int("2011"), BuiltIns.Call(BuiltInFunction.Year, [DateTime("2011-01-10T14:45:13Z")], Context));
        Assert.Equal(Bool(true), BuiltIns.Call(BuiltInFunction.IsUri, [Iri("http://a")], Context));
    }

    [Fact]
    public void UnboundArgumentsAreErrorsEverywhere()
    {
        foreach (var f in Enum.GetValues<BuiltInFunction>())
        {
            var (min, _) = BuiltIns.Arity(f);
            if (min == 0) continue;
            var args = new Term?[min];
            Assert.Null(BuiltIns.Call(f, args, Context));
        }
    }
}
