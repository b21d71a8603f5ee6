using GuidelineGraph.Rdf;

namespace GuidelineGraph.Cli.Io;

/// <summary>An input named on the command line: a file, or standard input as "-".</summary>
internal sealed record RdfInput(string Name, RdfFormat Format)
{
    public bool IsStandardInput => Name == "-";

    /// <summary>Resolves the format from <paramref name="formatName"/> or else the extension; null with a usage message when neither tells.</summary>
    public static RdfInput? Resolve(string name, string? formatName, out string? usageError)
    {
        usageError = null;
        RdfFormat? format = formatName is not null ? RdfFormats.FromName(formatName)
            : name == "-" ? null : RdfFormats.FromExtension(name);
        if (format is null)
        {
            usageError = name == "-"
                ? "reading standard input needs --from ntriples|nquads|turtle|trig"
                : $"{name}: cannot tell the RDF format from the extension (use .nt .nq .ttl .trig{(formatName is null ? " or --from" : "")})";
            return null;
        }
        return new RdfInput(name, format.Value);
    }

    public Stream Open(CliContext context) =>
        IsStandardInput ? context.OpenStandardInput()
            : new FileStream(Name, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    /// <summary>The explicit base, else the file's own URI, so relative IRIs in a file resolve against where it is.</summary>
    public string? BaseIri(string? explicitBase) =>
        explicitBase ?? (IsStandardInput ? null : new Uri(Path.GetFullPath(Name)).AbsoluteUri);
}
