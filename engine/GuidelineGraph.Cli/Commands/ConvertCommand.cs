using System.Text;
using GuidelineGraph.Cli.Io;
using GuidelineGraph.Rdf;
using GuidelineGraph.Rdf.Io;

namespace GuidelineGraph.Cli.Commands;

/// <summary>
/// <c>gg convert</c>: streams N-Triples/N-Quads output; Turtle/TriG from Turtle/TriG keeps the input's
/// prefixes. Named graphs never get dropped silently: a triples-only target refuses them.
/// </summary>
internal sealed class ConvertCommand(CliContext context)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public int Run(string inputName, string? from, string? baseIri, string to, string outputName)
    {
        var input = RdfInput.Resolve(inputName, from, out var usage);
        if (input is null)
        {
            context.Error.WriteLine($"gg convert: {usage}");
            return ExitCodes.UsageError;
        }
        var target = RdfFormats.FromName(to)!.Value;
        InputError? error;
        try
        {
            if (outputName == "-")
            {
                error = Convert(input, baseIri, target, context.Out);
                context.Out.Flush();
            }
            else
            {
                using var file = new AtomicFile(outputName);
                using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
                    error = Convert(input, baseIri, target, writer);
                if (error is null) file.Commit();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new InputError(null, null, e.Message);
        }
        if (error is null) return ExitCodes.Ok;
        context.Error.WriteLine(error.Format(input.Name));
        return ExitCodes.InputError;
    }

    private InputError? Convert(RdfInput input, string? baseIri, RdfFormat target, TextWriter output)
    {
        var options = new RdfReadOptions { Format = input.Format, BaseIri = input.BaseIri(baseIri) };
        IReadOnlyDictionary<string, string>? prefixes = null;
        IEnumerable<Quad> quads;
        if (IsTurtleFamily(input.Format) && IsTurtleFamily(target))
        {
            var bytes = ReadAll(input);
            if (TryDecode(bytes) is { } text)
            {
                var document = RdfReader.ReadDocument(text, options);
                if (document.Errors.Count > 0) return InputError.From(document.Errors[0]);
                prefixes = document.Prefixes;
                quads = document.Quads;
            }
            else quads = RdfReader.Read(new MemoryStream(bytes, writable: false), options); // reports where the bad bytes are
        }
        else
        {
            quads = Stream(input, options);
        }

        InputError? refused = null;
        IEnumerable<Quad> Checked()
        {
            foreach (var q in quads)
            {
                if (q.Graph is not null && !target.SupportsDatasets())
                {
                    refused = new InputError(null, null,
                        $"the input has named graphs (first: {q.Graph}), which {target.Name()} cannot hold; convert to nquads or trig");
                    yield break;
                }
                yield return q;
            }
        }

        try
        {
            RdfWriter.Write(output, Checked(), new RdfWriteOptions { Format = target, Prefixes = prefixes });
        }
        catch (RdfSyntaxException e)
        {
            return InputError.From(e.Error);
        }
        output.Flush();
        return refused;
    }

    private IEnumerable<Quad> Stream(RdfInput input, RdfReadOptions options)
    {
        using var stream = input.Open(context);
        foreach (var q in RdfReader.Read(stream, options)) yield return q;
    }

    private byte[] ReadAll(RdfInput input)
    {
        using var stream = input.Open(context);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The text when the bytes are valid UTF-8 (a byte-order mark dropped), else null.</summary>
    private static string? TryDecode(byte[] bytes)
    {
        int skip = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try { return StrictUtf8.GetString(bytes, skip, bytes.Length - skip); }
        catch (DecoderFallbackException) { return null; }
    }

    private static bool IsTurtleFamily(RdfFormat f) => f is RdfFormat.Turtle or RdfFormat.TriG;
}
