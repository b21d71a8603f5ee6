using System.Net;
using System.Text;

namespace GuidelineGraph.Remote;

/// <summary>
/// The human part of an error answer: servers send plain text (Virtuoso's SPARQL errors), HTML pages
/// (Virtuoso's Graph Store errors, Jetty) or JSON; the user wants the sentence, not the markup.
/// </summary>
internal static class ServerMessage
{
    private const int MaxLength = 800;

    public static string From(string body, string? mediaType)
    {
        string text = mediaType is "text/html" or "application/xhtml+xml" || body.TrimStart().StartsWith('<') ? StripMarkup(body) : body;
        var sb = new StringBuilder(Math.Min(text.Length, MaxLength));
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
            if (sb.Length >= MaxLength) { sb.Append('…'); break; }
        }
        return sb.ToString();
    }

    /// <summary>Drops tags and the head (title, scripts); the body's text stays in order.</summary>
    private static string StripMarkup(string html)
    {
        int bodyStart = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        if (bodyStart >= 0) html = html[bodyStart..];
        var sb = new StringBuilder(html.Length);
        bool inTag = false;
        foreach (char c in html)
        {
            if (c == '<') { inTag = true; sb.Append(' '); }
            else if (c == '>') inTag = false;
            else if (!inTag) sb.Append(c);
        }
        return WebUtility.HtmlDecode(sb.ToString());
    }
}
