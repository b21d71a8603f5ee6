using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>
/// Streams results in one format: either <see cref="WriteBoolean"/>, or <see cref="WriteHead"/> then any number
/// of <see cref="WriteSolution"/>; then <see cref="Finish"/>. Calling out of order is a bug and throws.
/// </summary>
public abstract class QueryResultsWriter : IDisposable
{
    private enum State { Start, Solutions, Done }

    private State _state;
    private int _width;

    public static QueryResultsWriter Create(Stream output, QueryResultsFormat format, bool leaveOpen = false) => format switch
    {
        QueryResultsFormat.Json => new JsonResultsWriter(output, leaveOpen),
        QueryResultsFormat.Xml => new XmlResultsWriter(output, leaveOpen),
        QueryResultsFormat.Csv => new CsvResultsWriter(output, leaveOpen),
        _ => new TsvResultsWriter(output, leaveOpen),
    };

    public static void Write(Stream output, QueryResultsFormat format, QueryResults results)
    {
        using var writer = Create(output, format, leaveOpen: true);
        writer.Write(results);
    }

    public static string WriteToString(QueryResults results, QueryResultsFormat format)
    {
        using var ms = new MemoryStream();
        Write(ms, format, results);
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>Writes a whole result and finishes the document.</summary>
    public void Write(QueryResults results)
    {
        if (results.BooleanValue is bool b) WriteBoolean(b);
        else
        {
            WriteHead(results.Variables);
            foreach (var row in results.Rows) WriteSolution(row);
        }
        Finish();
    }

    public void WriteBoolean(bool value)
    {
        Expect(State.Start);
        WriteBooleanCore(value);
        _state = State.Done;
    }

    public void WriteHead(IReadOnlyList<string> variables)
    {
        Expect(State.Start);
        _width = variables.Count;
        WriteHeadCore(variables);
        _state = State.Solutions;
    }

    public void WriteSolution(ReadOnlySpan<Term?> values)
    {
        Expect(State.Solutions);
        if (values.Length != _width) throw new ArgumentException($"{values.Length} values for {_width} variables.", nameof(values));
        WriteSolutionCore(values);
    }

    /// <summary>Closes the document and flushes the stream.</summary>
    public void Finish()
    {
        if (_state == State.Start) throw new InvalidOperationException("Nothing was written.");
        FinishCore(_state == State.Solutions);
        _state = State.Done;
    }

    private void Expect(State s)
    {
        if (_state != s) throw new InvalidOperationException($"Writer is in state {_state}, expected {s}.");
    }

    protected abstract void WriteBooleanCore(bool value);
    protected abstract void WriteHeadCore(IReadOnlyList<string> variables);
    protected abstract void WriteSolutionCore(ReadOnlySpan<Term?> values);
    protected abstract void FinishCore(bool solutions);

    public abstract void Dispose();
}
