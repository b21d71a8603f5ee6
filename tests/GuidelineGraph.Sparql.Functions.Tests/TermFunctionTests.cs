using System.Text.RegularExpressions;
using GuidelineGraph.Rdf;
using static GuidelineGraph.Sparql.Functions.Tests.T;

namespace GuidelineGraph.Sparql.Functions.Tests;

public class TermFunctionTests
{
    [Fact]
    public void KindTests()
    {
        Assert.Equal(Bool(true), TermFunctions.IsIri(Iri("mailto:alice@work.example")));
        Assert.Equal(Bool(false), TermFunctions.IsIri(S("mailto:alice@work.example")));
        Assert.Equal(Bool(true), TermFunctions.IsBlank(new BlankNode("b1")));
        Assert.Equal(Bool(true), TermFunctions.IsLiteral(Lang("chat", "fr")));
        Assert.Equal(Bool(false), TermFunctions.IsLiteral(Iri("http://ex/")));
        Assert.Null(TermFunctions.IsIri(null));
    }

    [Fact]
    public void StrLangDatatype()
    {
        Assert.Equal(S("http://ex/a"), TermFunctions.Str(Iri("http://ex/a")));
        Assert.Equal(S("1"), TermFunctions.Str(Int("1")));
        Assert.Equal(S("chat"), TermFunctions.Str(Lang("chat", "fr")));
        Assert.Null(TermFunctions.Str(new BlankNode("b")));
        Assert.Equal(S("en"), TermFunctions.Lang(Lang("abc", "en")));
        Assert.Equal(S(""), TermFunctions.Lang(S("abc")));
        Assert.Null(TermFunctions.Lang(Iri("http://ex/")));
        Assert.Equal(Vocab.Xsd.String, TermFunctions.Datatype(S("abc")));
        Assert.Equal(Vocab.Xsd.Integer, TermFunctions.Datatype(Int("1")));
        Assert.Equal(Vocab.Rdf.LangString, TermFunctions.Datatype(Lang("abc", "en")));
        Assert.Null(TermFunctions.Datatype(Iri("http://ex/")));
    }

    [Fact]
    public void StrDtAndStrLang()
    {
        Assert.Equal(Int("123"), TermFunctions.StrDt(S("123"), Vocab.Xsd.Integer));
        Assert.Equal(Typed("iiii", Iri("http://example/romanNumeral")), TermFunctions.StrDt(S("iiii"), Iri("http://example/romanNumeral")));
        Assert.Null(TermFunctions.StrDt(Lang("123", "en"), Vocab.Xsd.Integer));
        Assert.Null(TermFunctions.StrDt(S("123"), S("http://www.w3.org/2001/XMLSchema#integer")));
        Assert.Equal(Lang("chat", "en"), TermFunctions.StrLang(S("chat"), S("en")));
        Assert.Equal(Lang("chat", "en-gb"), TermFunctions.StrLang(S("chat"), S("en-GB")));
        Assert.Null(TermFunctions.StrLang(Lang("chat", "fr"), S("en")));
        Assert.Null(TermFunctions.StrLang(S("chat"), S("")));
        Assert.Null(TermFunctions.StrLang(S("chat"), S("not a tag")));
    }

    [Fact]
    public void IriResolvesAgainstTheBase()
    {
        var context = new FunctionContext(DateTimeOffset.UnixEpoch, "http://example.org/dir/file");
        Assert.Equal(Iri("http://example.org/dir/iri"), BuiltIns.Call(BuiltInFunction.Iri, [S("iri")], context));
        Assert.Equal(Iri("http://example.org/x"), BuiltIns.Call(BuiltInFunction.Uri, [S("../x")], context));
        Assert.Equal(Iri("http://other/"), BuiltIns.Call(BuiltInFunction.Iri, [Iri("http://other/")], context));
        Assert.Null(BuiltIns.Call(BuiltInFunction.Iri, [Int("1")], context));
        var noBase = new FunctionContext(DateTimeOffset.UnixEpoch);
        Assert.Equal(Iri("urn:x"), BuiltIns.Call(BuiltInFunction.Iri, [S("urn:x")], noBase));
        Assert.Null(BuiltIns.Call(BuiltInFunction.Iri, [S("relative")], noBase));
    }

    [Fact]
    public void BNodeLabelsAreScopedToASolution()
    {
        var first = new BlankNodeScope();
        var a1 = TermFunctions.BNode(S("a"), first);
        Assert.IsType<BlankNode>(a1);
        Assert.Equal(a1, TermFunctions.BNode(S("a"), first));
        Assert.NotEqual(a1, TermFunctions.BNode(S("b"), first));
        Assert.NotEqual(a1, TermFunctions.BNode(S("a"), new BlankNodeScope()));
        var context = new FunctionContext(DateTimeOffset.UnixEpoch);
        Assert.NotEqual(BuiltIns.Call(BuiltInFunction.BNode, [], context), BuiltIns.Call(BuiltInFunction.BNode, [], context));
        Assert.Null(TermFunctions.BNode(Int("1"), first));
    }

    [Fact]
    public void Uuids()
    {
        var uuid = Assert.IsType<Iri>(TermFunctions.Uuid());
        Assert.Matches(new Regex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"), uuid.Value);
        var s = Assert.IsType<Literal>(TermFunctions.StrUuid());
        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"), s.Lexical);
        Assert.Equal(Vocab.Xsd.String, s.Datatype);
        Assert.NotEqual(TermFunctions.StrUuid(), TermFunctions.StrUuid());
    }

    [Fact]
    public void Hashes()
    {
        // The FIPS/RFC test vectors for "abc".
        Assert.Equal(S("900150983cd24fb0d6963f7d28e17f72"), TermFunctions.Md5(S("abc")));
        Assert.Equal(S("a9993e364706816aba3e25717850c26c9cd0d89d"), TermFunctions.Sha1(S("abc")));
        Assert.Equal(S("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), TermFunctions.Sha256(S("abc")));
        Assert.Equal(S("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"), TermFunctions.Sha384(XsdString("abc")));
        Assert.Equal(S("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"), TermFunctions.Sha512(S("abc")));
        // MD5 of the empty string.
        Assert.Equal(S("d41d8cd98f00b204e9800998ecf8427e"), TermFunctions.Md5(S("")));
        Assert.Null(TermFunctions.Md5(Lang("abc", "en")));
        Assert.Null(TermFunctions.Sha1(Int("1")));
    }

    [Fact]
    public void SameTermFunction()
    {
        Assert.Equal(Bool(true), TermFunctions.SameTerm(Iri("http://a"), Iri("http://a")));
        Assert.Equal(Bool(false), TermFunctions.SameTerm(Int("1"), Int("01")));
        Assert.Null(TermFunctions.SameTerm(Int("1"), null));
    }
}
