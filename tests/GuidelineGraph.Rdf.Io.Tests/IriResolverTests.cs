using GuidelineGraph.Rdf;

namespace GuidelineGraph.Rdf.Io.Tests;

public sealed class IriResolverTests
{
    // RFC 3986 §5.4.1 and §5.4.2, base http://a/b/c/d;p?q.
    [Theory]
    [InlineData("g:h", "g:h")]
    [InlineData("g", "http://a/b/c/g")]
    [InlineData("./g", "http://a/b/c/g")]
    [InlineData("g/", "http://a/b/c/g/")]
    [InlineData("/g", "http://a/g")]
    [InlineData("//g", "http://g")]
    [InlineData("?y", "http://a/b/c/d;p?y")]
    [InlineData("g?y", "http://a/b/c/g?y")]
    [InlineData("#s", "http://a/b/c/d;p?q#s")]
    [InlineData("g#s", "http://a/b/c/g#s")]
    [InlineData(";x", "http://a/b/c/;x")]
    [InlineData("", "http://a/b/c/d;p?q")]
    [InlineData(".", "http://a/b/c/")]
    [InlineData("..", "http://a/b/")]
    [InlineData("../g", "http://a/b/g")]
    [InlineData("../../g", "http://a/g")]
    [InlineData("../../../g", "http://a/g")]
    [InlineData("/./g", "http://a/g")]
    [InlineData("/../g", "http://a/g")]
    [InlineData("g.", "http://a/b/c/g.")]
    [InlineData("..g", "http://a/b/c/..g")]
    [InlineData("./../g", "http://a/b/g")]
    [InlineData("g/../h", "http://a/b/c/h")]
    [InlineData("g;x=1/../y", "http://a/b/c/y")]
    [InlineData("g?y/../x", "http://a/b/c/g?y/../x")]
    [InlineData("g#s/../x", "http://a/b/c/g#s/../x")]
    [InlineData("http:g", "http:g")]
    public void ResolvesAsRfc3986Says(string reference, string expected) =>
        Assert.Equal(expected, new IriResolver("http://a/b/c/d;p?q").Resolve(reference));

    [Fact]
    public void ABaseWithoutAuthorityOrPathStillMerges()
    {
        Assert.Equal("http://a/g", new IriResolver("http://a").Resolve("g"));
        // No '/' in the base path: the merge drops all of it (RFC 3986 §5.2.3).
        Assert.Equal("urn:g", new IriResolver("urn:x:y").Resolve("g"));
    }

    [Fact]
    public void ARelativeBaseIsRefused() => Assert.False(IriResolver.TryCreate("relative/path", out _));
}
