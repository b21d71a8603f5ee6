using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace GuidelineGraph.Endpoint.Http;

/// <summary>
/// Picks what to send from what the client accepts (RFC 9110 §12.5.1): the offer with the highest quality wins;
/// the quality of an offer comes from the most specific range covering it; among equal qualities the server's order decides. No Accept header takes the first offer.
/// </summary>
internal static class ContentNegotiation
{
    private readonly record struct Range(string Type, string Subtype, double Quality)
    {
        /// <summary>2 for type/subtype, 1 for type/*, 0 for */*; -1 when it does not cover the media type.</summary>
        public int Specificity(string mediaType)
        {
            int slash = mediaType.IndexOf('/');
            var (type, subtype) = (mediaType[..slash], mediaType[(slash + 1)..]);
            if (Type == "*") return Subtype == "*" ? 0 : -1;
            if (!Type.Equals(type, StringComparison.OrdinalIgnoreCase)) return -1;
            if (Subtype == "*") return 1;
            return Subtype.Equals(subtype, StringComparison.OrdinalIgnoreCase) ? 2 : -1;
        }
    }

    /// <summary>The chosen offer, or null when the client accepts none of them (406).</summary>
    public static T? Choose<T>(StringValues accept, IReadOnlyList<(string MediaType, T Value)> offers) where T : struct
    {
        var ranges = Parse(accept);
        if (ranges.Count == 0) return offers[0].Value;
        T? best = null;
        double bestQuality = 0;
        foreach (var (mediaType, value) in offers)
        {
            // The most specific range that covers the offer sets its quality.
            int specificity = -1;
            double quality = 0;
            foreach (var r in ranges)
            {
                int s = r.Specificity(mediaType);
                if (s > specificity) { specificity = s; quality = r.Quality; }
            }
            if (specificity >= 0 && quality > bestQuality)
            {
                best = value;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static List<Range> Parse(StringValues accept)
    {
        var ranges = new List<Range>();
        foreach (var header in accept)
        {
            if (header is null) continue;
            foreach (var item in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = item.Split(';', StringSplitOptions.TrimEntries);
                int slash = parts[0].IndexOf('/');
                if (slash <= 0 || slash == parts[0].Length - 1) continue;
                double q = 1;
                foreach (var p in parts.Skip(1))
                    if (p.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                        && double.TryParse(p.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
                        q = Math.Clamp(parsed, 0, 1);
                ranges.Add(new Range(parts[0][..slash], parts[0][(slash + 1)..], q));
            }
        }
        return ranges;
    }
}
