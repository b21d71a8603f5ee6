using GuidelineGraph.Endpoint.Http;
using Microsoft.Extensions.Primitives;

namespace GuidelineGraph.Endpoint.Tests;

public sealed class ContentNegotiationTests
{
    private static readonly (string, int)[] Offers = [("application/sparql-results+json", 1), ("application/sparql-results+xml", 2), ("text/csv", 3)];

    [Theory]
    [InlineData(null, 1)]                                                      // no Accept: the server's first offer
    [InlineData("*/*", 1)]
    [InlineData("text/csv", 3)]
    [InlineData("application/sparql-results+xml;q=0.9, text/csv;q=0.8", 2)]
    [InlineData("text/*, application/*;q=0.5", 3)]                             // type wildcard with the higher quality
    [InlineData("*/*;q=0.1, application/sparql-results+xml", 2)]
    [InlineData("application/*;q=0.9, application/sparql-results+json;q=0", 2)] // q=0 excludes even under a wildcard
    [InlineData("APPLICATION/SPARQL-RESULTS+XML", 2)]                         // media types compare case-insensitively
    public void Picks_the_offer_with_the_highest_quality(string? accept, int expected) =>
        Assert.Equal(expected, ContentNegotiation.Choose(accept is null ? StringValues.Empty : new StringValues(accept), Offers));

    [Theory]
    [InlineData("image/png")]
    [InlineData("text/csv;q=0")]
    public void Nothing_fits_when_no_offer_is_acceptable(string accept) =>
        Assert.Null(ContentNegotiation.Choose(new StringValues(accept), Offers));
}
