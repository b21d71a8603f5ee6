using System.Diagnostics.CodeAnalysis;
using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>
/// A pull reader of results. <see cref="Open"/> reads the head; then either <see cref="BooleanValue"/> is set,
/// or <see cref="TryRead"/> yields rows aligned with <see cref="Variables"/> until the end or the first error,
/// which is left in <see cref="Error"/> with its position. Malformed input never throws.
/// </summary>
public abstract class QueryResultsReader : IDisposable
{
    private protected static readonly string[] NoVariables = [];

    public static QueryResultsReader Open(Stream input, QueryResultsFormat format, bool leaveOpen = false)
    {
        QueryResultsReader reader = format switch
        {
            QueryResultsFormat.Json => new JsonResultsReader(input, leaveOpen),
            QueryResultsFormat.Xml => new XmlResultsReader(input, leaveOpen),
            QueryResultsFormat.Csv => new CsvResultsReader(input, leaveOpen),
            _ => new TsvResultsReader(input, leaveOpen),
        };
        reader.ReadHead();
        return reader;
    }

    /// <summary>Reads a whole document into memory.</summary>
    public static QueryResultsParse Read(Stream input, QueryResultsFormat format)
    {
        using var reader = Open(input, format, leaveOpen: true);
        if (reader.Error is { } headError) return new(null, headError);
        if (reader.BooleanValue is bool b) return new(QueryResults.FromBoolean(b), null);
        var rows = new List<Term?[]>();
        while (reader.TryRead(out var row)) rows.Add(row);
        return reader.Error is { } e ? new(null, e) : new(QueryResults.FromSolutions(reader.Variables, rows), null);
    }

    public static QueryResultsParse Read(string text, QueryResultsFormat format) =>
        Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), format);

    /// <summary>The ASK answer, or null for a solution sequence (or an error in the head).</summary>
    public bool? BooleanValue { get; private protected set; }
    public IReadOnlyList<string> Variables { get; private protected set; } = NoVariables;
    public SyntaxError? Error { get; private set; }

    public bool TryRead([NotNullWhen(true)] out Term?[]? row)
    {
        row = null;
        if (Error is not null || BooleanValue is not null) return false;
        row = ReadRow();
        return row is not null;
    }

    private protected abstract void ReadHead();

    /// <summary>The next row, or null at the end or after <see cref="Fail"/>.</summary>
    private protected abstract Term?[]? ReadRow();

    private protected void Fail(SyntaxError error) => Error ??= error;

    private protected void Fail(TextPosition at, string message) => Fail(new SyntaxError(at, at, message));

    private protected int VariableIndex(string name)
    {
        for (int i = 0; i < Variables.Count; i++)
            if (Variables[i] == name) return i;
        return -1;
    }

    public abstract void Dispose();
}
