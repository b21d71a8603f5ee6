namespace GuidelineGraph.LanguageServer.Text;

/// <summary>The unit of LSP columns, negotiated at initialize (LSP 3.17 general.positionEncodings).</summary>
public enum PositionEncoding { Utf16, Utf8, Utf32 }

public static class PositionEncodings
{
    public static string Name(PositionEncoding encoding) => encoding switch
    {
        PositionEncoding.Utf8 => "utf-8",
        PositionEncoding.Utf32 => "utf-32",
        _ => "utf-16",
    };

    /// <summary>UTF-16 unless the client offers nothing else; among the offers, the client's first one we know (it lists its preference first).</summary>
    public static PositionEncoding Negotiate(IEnumerable<string>? offered)
    {
        foreach (string name in offered ?? [])
        {
            switch (name)
            {
                case "utf-16": return PositionEncoding.Utf16;
                case "utf-8": return PositionEncoding.Utf8;
                case "utf-32": return PositionEncoding.Utf32;
            }
        }
        return PositionEncoding.Utf16;
    }
}
