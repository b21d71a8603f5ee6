using System.Text;
using System.Text.Json;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>
/// Reads the JSON format. The document is buffered because "head" may follow "results"; a first pass
/// validates the JSON and finds the members, then bindings are pulled one object at a time.
/// </summary>
internal sealed class JsonResultsReader : QueryResultsReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private readonly byte[] _bytes;
    private int _position;
    private JsonReaderState _state;

    public JsonResultsReader(Stream input, bool leaveOpen)
    {
        using (var ms = new MemoryStream())
        {
            input.CopyTo(ms);
            _bytes = ms.ToArray();
        }
        if (!leaveOpen) input.Dispose();
        // A UTF-8 byte order mark is not JSON but is common in files.
        if (_bytes.AsSpan().StartsWith("\uFEFF"u8)) _position = 3;
    }

    private protected override void ReadHead()
    {
        if (FirstInvalidUtf8(_bytes.AsSpan(_position)) is int bad) { FailAt(_position + bad, "invalid UTF-8"); return; }
        int head = -1, results = -1;
        bool? boolean = null;
        try
        {
            var r = new Utf8JsonReader(_bytes.AsSpan(_position), Options);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) { FailAt(_position + (int)r.TokenStartIndex, "expected a JSON object"); return; }
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (StringOf(ref r, _position) is not { } name) return;
                r.Read();
                int at = _position + (int)r.TokenStartIndex;
                switch (name)
                {
                    case "head": head = at; break;
                    case "results": results = at; break;
                    case "boolean":
                        if (r.TokenType is not (JsonTokenType.True or JsonTokenType.False)) { FailAt(at, "\"boolean\" must be true or false"); return; }
                        boolean = r.TokenType == JsonTokenType.True;
                        break;
                }
                r.Skip();
            }
            if (r.Read()) { FailAt(_position + (int)r.TokenStartIndex, "unexpected content after the JSON object"); return; }
        }
        catch (JsonException e)
        {
            FailAt(AbsoluteOffset(_position, e), "invalid JSON: " + FirstSentence(e.Message));
            return;
        }

        if (boolean is not null && results >= 0) { FailAt(results, "a result has either \"boolean\" or \"results\", not both"); return; }
        if (boolean is bool b) { BooleanValue = b; return; }
        if (results < 0) { FailAt(_position, "missing \"results\" or \"boolean\""); return; }
        if (head < 0) { FailAt(_position, "missing \"head\""); return; }
        if (!ReadVariables(head)) return;
        FindBindings(results);
    }

    private bool ReadVariables(int at)
    {
        var r = new Utf8JsonReader(_bytes.AsSpan(at), Options);
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) { FailAt(at, "\"head\" must be an object"); return false; }
        var vars = new List<string>();
        bool seen = false;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            bool isVars = r.ValueTextEquals("vars"u8);
            r.Read();
            if (!isVars) { r.Skip(); continue; }
            seen = true;
            if (r.TokenType != JsonTokenType.StartArray) { FailAt(at + (int)r.TokenStartIndex, "\"vars\" must be an array"); return false; }
            while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            {
                if (r.TokenType != JsonTokenType.String) { FailAt(at + (int)r.TokenStartIndex, "variable names must be strings"); return false; }
                if (StringOf(ref r, at) is not { } name) return false;
                if (vars.Contains(name)) { FailAt(at + (int)r.TokenStartIndex, $"variable \"{name}\" is declared twice"); return false; }
                vars.Add(name);
            }
        }
        if (!seen) { FailAt(at, "\"head\" has no \"vars\""); return false; }
        Variables = vars;
        return true;
    }

    private void FindBindings(int at)
    {
        var r = new Utf8JsonReader(_bytes.AsSpan(at), Options);
        r.Read();
        if (r.TokenType != JsonTokenType.StartObject) { FailAt(at, "\"results\" must be an object"); return; }
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            bool isBindings = r.ValueTextEquals("bindings"u8);
            r.Read();
            if (!isBindings) { r.Skip(); continue; }
            if (r.TokenType != JsonTokenType.StartArray) { FailAt(at + (int)r.TokenStartIndex, "\"bindings\" must be an array"); return; }
            _position = at + (int)r.BytesConsumed;
            _state = r.CurrentState;
            return;
        }
        FailAt(at, "\"results\" has no \"bindings\"");
    }

    private protected override Term?[]? ReadRow()
    {
        var r = new Utf8JsonReader(_bytes.AsSpan(_position), isFinalBlock: true, _state);
        r.Read();
        if (r.TokenType == JsonTokenType.EndArray) return null;
        int rowStart = _position + (int)r.TokenStartIndex;
        if (r.TokenType != JsonTokenType.StartObject) { FailAt(rowStart, "a solution must be an object"); return null; }
        var row = new Term?[Variables.Count];
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            int nameAt = _position + (int)r.TokenStartIndex;
            if (StringOf(ref r, _position) is not { } name) return null;
            int index = VariableIndex(name);
            if (index < 0) { FailAt(nameAt, $"variable \"{name}\" is not in \"head\""); return null; }
            if (row[index] is not null) { FailAt(nameAt, $"variable \"{name}\" is bound twice"); return null; }
            r.Read();
            var term = ReadTerm(ref r);
            if (term is null) return null;
            row[index] = term;
        }
        _position += (int)r.BytesConsumed;
        _state = r.CurrentState;
        return row;
    }

    private Term? ReadTerm(ref Utf8JsonReader r)
    {
        int at = _position + (int)r.TokenStartIndex;
        if (r.TokenType != JsonTokenType.StartObject) { FailAt(at, "an RDF term must be an object"); return null; }
        string? type = null, value = null, lang = null, datatype = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (StringOf(ref r, _position) is not { } key) return null;
            r.Read();
            if (r.TokenType != JsonTokenType.String) { FailAt(_position + (int)r.TokenStartIndex, $"\"{key}\" must be a string"); return null; }
            if (StringOf(ref r, _position) is not { } text) return null;
            switch (key)
            {
                case "type": type = text; break;
                case "value": value = text; break;
                case "xml:lang": lang = text; break;
                case "datatype": datatype = text; break;
                default: FailAt(_position + (int)r.TokenStartIndex, $"unknown key \"{key}\" in an RDF term"); return null;
            }
        }
        if (type is null) { FailAt(at, "an RDF term needs a \"type\""); return null; }
        if (value is null) { FailAt(at, "an RDF term needs a \"value\""); return null; }
        switch (type)
        {
            case "uri":
                return new Iri(value);
            case "bnode":
                if (value.Length == 0) { FailAt(at, "empty blank node label"); return null; }
                return new BlankNode(value);
            case "literal" or "typed-literal":
                if (lang is not null)
                {
                    if (datatype is not null && datatype != Vocab.Rdf.LangString.Value) { FailAt(at, "a literal has either \"xml:lang\" or \"datatype\""); return null; }
                    if (lang.Length == 0) { FailAt(at, "empty language tag"); return null; }
                    return new Literal(value, lang);
                }
                if (datatype == Vocab.Rdf.LangString.Value) { FailAt(at, "rdf:langString needs an \"xml:lang\""); return null; }
                return datatype is null ? new Literal(value) : new Literal(value, new Iri(datatype));
            default:
                FailAt(at, $"unknown term type \"{type}\"");
                return null;
        }
    }

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return null;
        Span<char> sink = stackalloc char[1024];
        int offset = 0;
        while (true)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[offset..], sink, out int read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status != System.Buffers.OperationStatus.DestinationTooSmall) return offset;
        }
    }

    /// <summary>
    /// The string of the current token; null (with an error) for escapes that make no UTF-16 text, such as a
    /// lone surrogate, which Utf8JsonReader only reports by exception.
    /// </summary>
    private string? StringOf(ref Utf8JsonReader r, int sliceStart)
    {
        try
        {
            return r.GetString();
        }
        catch (InvalidOperationException)
        {
            FailAt(sliceStart + (int)r.TokenStartIndex, "string escapes do not form valid Unicode text");
            return null;
        }
    }

    private void FailAt(int offset, string message) => Fail(TextPositions.At(_bytes, offset), message);

    /// <summary>JsonException positions are line/byte relative to the slice the reader ran over.</summary>
    private int AbsoluteOffset(int sliceStart, JsonException e)
    {
        int offset = sliceStart;
        for (long line = e.LineNumber ?? 0; line > 0 && offset < _bytes.Length; offset++)
            if (_bytes[offset] == (byte)'\n') line--;
        return (int)Math.Min(_bytes.Length, offset + (e.BytePositionInLine ?? 0));
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    public override void Dispose() { }
}

internal static class TextPositions
{
    /// <summary>The line/column (UTF-16 columns) of a byte offset in UTF-8 text.</summary>
    public static TextPosition At(ReadOnlySpan<byte> utf8, int offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        int lineStart = utf8[..offset].LastIndexOf((byte)'\n') + 1;
        int line = utf8[..lineStart].Count((byte)'\n') + 1;
        int chars = Encoding.UTF8.GetCharCount(utf8[lineStart..offset]);
        int charOffset = Encoding.UTF8.GetCharCount(utf8[..offset]);
        return new TextPosition(line, chars + 1, charOffset);
    }
}
