using System.Text.Encodings.Web;
using System.Text.Json;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>SPARQL 1.1 Query Results JSON Format.</summary>
internal sealed class JsonResultsWriter : QueryResultsWriter
{
    private const int FlushThreshold = 1 << 16;
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;
    private string[] _variables = [];

    public JsonResultsWriter(Stream output, bool leaveOpen)
    {
        _output = output;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    protected override void WriteBooleanCore(bool value)
    {
        _json.WriteStartObject();
        _json.WriteStartObject("head");
        _json.WriteEndObject();
        _json.WriteBoolean("boolean", value);
        _json.WriteEndObject();
    }

    protected override void WriteHeadCore(IReadOnlyList<string> variables)
    {
        _variables = [.. variables];
        _json.WriteStartObject();
        _json.WriteStartObject("head");
        _json.WriteStartArray("vars");
        foreach (var v in variables) _json.WriteStringValue(v);
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.WriteStartObject("results");
        _json.WriteStartArray("bindings");
    }

    protected override void WriteSolutionCore(ReadOnlySpan<Term?> values)
    {
        _json.WriteStartObject();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } term) continue;
            _json.WriteStartObject(_variables[i]);
            switch (term)
            {
                case Iri iri:
                    _json.WriteString("type", "uri");
                    _json.WriteString("value", iri.Value);
                    break;
                case BlankNode b:
                    _json.WriteString("type", "bnode");
                    _json.WriteString("value", b.Id);
                    break;
                case Literal l:
                    _json.WriteString("type", "literal");
                    _json.WriteString("value", l.Lexical);
                    if (l.Language is not null) _json.WriteString("xml:lang", l.Language);
                    else if (l.Datatype.Value != Vocab.Xsd.String.Value) _json.WriteString("datatype", l.Datatype.Value);
                    break;
            }
            _json.WriteEndObject();
        }
        _json.WriteEndObject();
        if (_json.BytesPending > FlushThreshold) _json.Flush();
    }

    protected override void FinishCore(bool solutions)
    {
        if (solutions)
        {
            _json.WriteEndArray();
            _json.WriteEndObject();
            _json.WriteEndObject();
        }
        _json.Flush();
        _output.Flush();
    }

    public override void Dispose()
    {
        _json.Dispose();
        if (!_leaveOpen) _output.Dispose();
    }
}
