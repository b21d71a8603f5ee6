using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>Shared line writing for CSV and TSV. Both formats carry ASK answers as a lone "true"/"false" line.</summary>
internal abstract class TextResultsWriter(Stream output, bool leaveOpen) : QueryResultsWriter
{
    protected readonly StreamWriter Out = new(output, new UTF8Encoding(false), 1 << 16, leaveOpen);

    protected abstract string LineEnd { get; }

    protected override void WriteBooleanCore(bool value) => Out.Write(value ? "true" + LineEnd : "false" + LineEnd);

    protected override void FinishCore(bool solutions) => Out.Flush();

    public override void Dispose() => Out.Dispose();
}

/// <summary>SPARQL 1.1 Query Results CSV: plain values, RFC 4180 quoting, CRLF line ends.</summary>
internal sealed class CsvResultsWriter(Stream output, bool leaveOpen) : TextResultsWriter(output, leaveOpen)
{
    protected override string LineEnd => "\r\n";

    protected override void WriteHeadCore(IReadOnlyList<string> variables)
    {
        for (int i = 0; i < variables.Count; i++)
        {
            if (i > 0) Out.Write(',');
            WriteField(variables[i]);
        }
        Out.Write(LineEnd);
    }

    protected override void WriteSolutionCore(ReadOnlySpan<Term?> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) Out.Write(',');
            switch (values[i])
            {
                case Iri iri: WriteField(iri.Value); break;
                case BlankNode b: WriteField("_:" + b.Id); break;
                // Quoted so an empty string stays distinct from unbound.
                case Literal { Lexical.Length: 0 }: Out.Write("\"\""); break;
                case Literal l: WriteField(l.Lexical); break;
            }
        }
        Out.Write(LineEnd);
    }

    private void WriteField(string value)
    {
        if (value.AsSpan().IndexOfAny("\",\r\n") < 0)
        {
            Out.Write(value);
            return;
        }
        Out.Write('"');
        Out.Write(value.Replace("\"", "\"\""));
        Out.Write('"');
    }
}

/// <summary>SPARQL 1.1 Query Results TSV: terms in SPARQL/N-Triples syntax, LF line ends.</summary>
internal sealed class TsvResultsWriter(Stream output, bool leaveOpen) : TextResultsWriter(output, leaveOpen)
{
    protected override string LineEnd => "\n";

    protected override void WriteHeadCore(IReadOnlyList<string> variables)
    {
        for (int i = 0; i < variables.Count; i++)
        {
            if (i > 0) Out.Write('\t');
            Out.Write('?');
            Out.Write(variables[i]);
        }
        Out.Write(LineEnd);
    }

    protected override void WriteSolutionCore(ReadOnlySpan<Term?> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0) Out.Write('\t');
            if (values[i] is { } term) Out.Write(TsvTerms.Format(term));
        }
        Out.Write(LineEnd);
    }
}
