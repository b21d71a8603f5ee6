using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>
/// Shared record reading for CSV and TSV: a header line, then one record per line. A document that is a lone
/// "true" or "false" line is an ASK answer (what our writers emit for booleans).
/// </summary>
internal abstract class TextResultsReader(Stream input, bool leaveOpen) : QueryResultsReader
{
    private readonly StreamReader _in = new(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen);
    // Own buffering: the records are scanned a character at a time, and StreamReader.Peek/Read per char is slow.
    private readonly char[] _buffer = new char[1 << 14];
    private int _position, _length;
    private int _line = 1, _column = 1;
    private long _offset;

    protected TextPosition Here => new(_line, _column, _offset);

    protected bool AtEnd => _position == _length && !Fill();

    protected int Peek() => _position < _length || Fill() ? _buffer[_position] : -1;

    protected char Next()
    {
        if (_position == _length) Fill();
        char c = _buffer[_position++];
        _offset++;
        if (c == '\n') { _line++; _column = 1; }
        else _column++;
        return c;
    }

    private bool Fill()
    {
        _length = _in.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }

    /// <summary>Reads one record's fields with their start positions; null at the end of input.</summary>
    protected abstract List<(string Text, bool Quoted, TextPosition At)>? ReadRecord();

    protected abstract string? VariableName(string field, TextPosition at);

    protected abstract Term? ToTerm(string text, bool quoted, TextPosition at);

    private protected sealed override void ReadHead()
    {
        var header = ReadRecord();
        if (Error is not null) return;
        if (header is null) { Fail(Here, "missing header line"); return; }
        if (header.Count == 1 && !header[0].Quoted && header[0].Text is "true" or "false")
        {
            var answer = header[0].Text == "true";
            var rest = ReadRecord();
            if (rest is null && Error is null)
            {
                BooleanValue = answer;
                return;
            }
            // A variable that happens to be called "true": fall through with the record we took.
            _pushedBack = rest;
        }
        var vars = new List<string>(header.Count);
        if (header is [{ Text: "", Quoted: false }])
        {
            Variables = vars;
            return;
        }
        foreach (var (text, _, at) in header)
        {
            var name = VariableName(text, at);
            if (name is null) return;
            if (vars.Contains(name)) { Fail(at, $"variable \"{name}\" is declared twice"); return; }
            vars.Add(name);
        }
        Variables = vars;
    }

    private List<(string Text, bool Quoted, TextPosition At)>? _pushedBack;

    private protected sealed override Term?[]? ReadRow()
    {
        var record = _pushedBack ?? ReadRecord();
        _pushedBack = null;
        if (record is null) return null;
        if (Variables.Count == 0 && record is [{ Text: "", Quoted: false }]) return [];
        if (record.Count != Variables.Count)
        {
            Fail(record[0].At, $"{record.Count} values for {Variables.Count} variables");
            return null;
        }
        var row = new Term?[record.Count];
        for (int i = 0; i < row.Length; i++)
        {
            var (text, quoted, at) = record[i];
            if (text.Length == 0 && !quoted) continue;
            var term = ToTerm(text, quoted, at);
            if (term is null) return null;
            row[i] = term;
        }
        return row;
    }

    protected static bool IsVariableName(string name)
    {
        if (name.Length == 0) return false;
        foreach (var rune in name.EnumerateRunes())
            if (!Rune.IsLetterOrDigit(rune) && rune.Value != '_' && rune.Value != 0xB7 && !(rune.Value >= 0x300 && rune.Value <= 0x36F) && !(rune.Value is 0x203F or 0x2040))
                return false;
        return true;
    }

    public override void Dispose() => _in.Dispose();
}

/// <summary>
/// CSV (RFC 4180; CRLF or LF). CSV is lossy: "_:x" reads as a blank node, an absolute IRI (scheme ':' and no
/// spaces) as an IRI, anything else as a simple literal. Compare CSV expectations against results passed
/// through the CSV writer and this reader, which applies the same mapping.
/// </summary>
internal sealed class CsvResultsReader(Stream input, bool leaveOpen) : TextResultsReader(input, leaveOpen)
{
    protected override List<(string Text, bool Quoted, TextPosition At)>? ReadRecord()
    {
        if (AtEnd) return null;
        var fields = new List<(string, bool, TextPosition)>();
        var sb = new StringBuilder();
        while (true)
        {
            var at = Here;
            bool quoted = false;
            sb.Clear();
            if (Peek() == '"')
            {
                quoted = true;
                Next();
                while (true)
                {
                    if (AtEnd) { Fail(at, "unterminated quoted field"); return null; }
                    char c = Next();
                    if (c != '"') { sb.Append(c); continue; }
                    if (Peek() == '"') { Next(); sb.Append('"'); continue; }
                    break;
                }
                if (!AtEnd && Peek() is not (',' or '\r' or '\n')) { Fail(Here, "expected ',' or a line end after a quoted field"); return null; }
            }
            else
            {
                while (!AtEnd && Peek() is not (',' or '\r' or '\n'))
                {
                    char c = Next();
                    if (c == '"') { Fail(Here, "'\"' inside an unquoted field"); return null; }
                    sb.Append(c);
                }
            }
            fields.Add((sb.ToString(), quoted, at));
            if (AtEnd) return fields;
            char sep = Next();
            if (sep == ',') continue;
            if (sep == '\r' && Peek() == '\n') Next();
            return fields;
        }
    }

    protected override string? VariableName(string field, TextPosition at)
    {
        if (IsVariableName(field)) return field;
        Fail(at, $"invalid variable name \"{field}\"");
        return null;
    }

    protected override Term? ToTerm(string text, bool quoted, TextPosition at)
    {
        if (text.StartsWith("_:", StringComparison.Ordinal) && text.Length > 2) return new BlankNode(text[2..]);
        return LooksLikeAbsoluteIri(text) ? new Iri(text) : new Literal(text);
    }

    private static bool LooksLikeAbsoluteIri(string s)
    {
        int colon = s.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(s[0]) || colon == s.Length - 1) return false;
        for (int i = 1; i < colon; i++)
            if (!char.IsAsciiLetterOrDigit(s[i]) && s[i] is not ('+' or '-' or '.')) return false;
        foreach (var c in s)
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`') return false;
        return true;
    }
}

/// <summary>TSV: '?var' headers, tab-separated terms in SPARQL syntax, LF line ends (a CR before LF is tolerated).</summary>
internal sealed class TsvResultsReader(Stream input, bool leaveOpen) : TextResultsReader(input, leaveOpen)
{
    protected override List<(string Text, bool Quoted, TextPosition At)>? ReadRecord()
    {
        if (AtEnd) return null;
        var fields = new List<(string, bool, TextPosition)>();
        var sb = new StringBuilder();
        var at = Here;
        while (true)
        {
            if (AtEnd || Peek() is '\t' or '\n')
            {
                if (sb.Length > 0 && sb[^1] == '\r' && (AtEnd || Peek() == '\n')) sb.Length--;
                fields.Add((sb.ToString(), false, at));
                sb.Clear();
                if (AtEnd) return fields;
                if (Next() == '\n') return fields;
                at = Here;
                continue;
            }
            sb.Append(Next());
        }
    }

    protected override string? VariableName(string field, TextPosition at)
    {
        if (field.Length > 1 && field[0] is '?' or '$' && IsVariableName(field[1..])) return field[1..];
        Fail(at, $"invalid variable \"{field}\" (expected ?name)");
        return null;
    }

    protected override Term? ToTerm(string text, bool quoted, TextPosition at)
    {
        var term = TsvTerms.Parse(text.Trim(' '), out var error, out int column);
        if (term is null) Fail(at with { Column = at.Column + column, Offset = at.Offset + column }, error!);
        return term;
    }
}
