using System.Buffers;
using System.Runtime.CompilerServices;

namespace GuidelineGraph.Rdf.Io.Syntax;

internal enum TokenKind : byte
{
    End, Error, IriRef, PrefixedName, BlankNodeLabel, LangTag, Integer, Decimal, Double, String, Word,
    AtPrefix, AtBase, Dot, Semicolon, Comma, OpenBracket, CloseBracket, OpenParen, CloseParen,
    OpenBrace, CloseBrace, DoubleCaret,
}

internal enum StringQuote : byte { Double, Single, LongDouble, LongSingle }

/// <summary>
/// The Turtle-family token recognizer: dispatch on the first character, scan over a refillable char
/// buffer. A token cut by the buffer's end is rescanned after a refill; the buffer doubles when one token
/// fills it, so a huge token costs linear time. Token values are spans valid until the next <see cref="Next"/>.
/// </summary>
internal sealed class Lexer
{
    private const int NeedMore = -2, EndOfInput = -1;
    private enum Scan : byte { Done, NeedMore }

    private static readonly SearchValues<char> IriStops = SearchValues.Create(
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        " <>\"{}|^`\\");
    private static readonly SearchValues<char> DoubleQuoteStops = SearchValues.Create("\"\\\n\r");
    private static readonly SearchValues<char> SingleQuoteStops = SearchValues.Create("'\\\n\r");
    private static readonly SearchValues<char> LongDoubleStops = SearchValues.Create("\"\\\n");
    private static readonly SearchValues<char> LongSingleStops = SearchValues.Create("'\\\n");

    private readonly CharSource _source;
    // 32K chars stays below the large object heap; a longer token grows it.
    private char[] _buf = new char[1 << 15];
    private int _pos, _end;
    private long _bufOffset;
    private bool _eof;
    private int _line = 1;
    private long _lineStart;

    private char[] _scratch = new char[256];
    private int _scratchLength;
    private bool _valueInScratch;
    private int _valueStart, _valueLength;

    public Lexer(CharSource source) => _source = source;

    public TokenKind Kind { get; private set; }
    public TextPosition Start { get; private set; }
    public TextPosition End { get; private set; }
    /// <summary>For <see cref="TokenKind.PrefixedName"/>: where the ':' is in <see cref="Value"/>.</summary>
    public int PrefixLength { get; private set; }
    public StringQuote Quote { get; private set; }
    public string ErrorMessage { get; private set; } = "";

    /// <summary>
    /// Set on an error that most likely ends its statement, an unterminated short string: what follows on
    /// the next line is better read as the next statement than skipped to the next '.'.
    /// </summary>
    public bool ErrorEndsStatement { get; private set; }

    /// <summary>Set once the input cannot be read further (undecodable bytes): nothing after can be recovered.</summary>
    public bool Fatal { get; private set; }

    public ReadOnlySpan<char> Value => _valueInScratch ? _scratch.AsSpan(0, _scratchLength) : _buf.AsSpan(_valueStart, _valueLength);

    private TextPosition Position => PositionAt(_pos);

    private TextPosition PositionAt(int p)
    {
        long offset = _bufOffset + p;
        return new TextPosition(_line, (int)(offset - _lineStart) + 1, offset);
    }

    public void Next()
    {
        while (true)
        {
            if (!SkipTrivia())
            {
                Start = End = Position;
                if (_source.InvalidUtf8) FailUtf8();
                else Kind = TokenKind.End;
                return;
            }
            int start = _pos;
            Start = PositionAt(start);
            _valueInScratch = false;
            if (ScanToken(start) == Scan.Done)
            {
                Finish();
                return;
            }
            Refill(start);
            _pos = 0;
            // Rescan from the token's start with more characters in the buffer.
            while (true)
            {
                Start = PositionAt(0);
                if (ScanToken(0) == Scan.Done)
                {
                    Finish();
                    return;
                }
                Refill(0);
            }
        }
    }

    private void Finish()
    {
        if (Kind != TokenKind.Error) End = PositionAt(_pos);
        // A token cut short by undecodable bytes reports them, not its own truncation.
        else if (_eof && _source.InvalidUtf8 && _pos >= _end) FailUtf8();
    }

    private void FailUtf8()
    {
        _pos = _end;
        Fail(_end, "invalid UTF-8 byte sequence", _end);
        Fatal = true;
    }

    /// <summary>Moves unread text from <paramref name="keepFrom"/> to the buffer's front and reads more.</summary>
    private void Refill(int keepFrom)
    {
        int keep = _end - keepFrom;
        if (keepFrom == 0 && keep == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2);
        else if (keep > 0) Array.Copy(_buf, keepFrom, _buf, 0, keep);
        _bufOffset += keepFrom;
        _pos -= keepFrom;
        _end = keep;
        if (_eof) return;
        int n = _source.Read(_buf.AsSpan(_end));
        if (n == 0) _eof = true;
        _end += n;
        if (_bufOffset == 0 && _end > 0 && keep == 0 && _buf[0] == '\uFEFF')
        {
            // A byte order mark is not content.
            _pos = 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int At(int p) => p < _end ? _buf[p] : _eof ? EndOfInput : NeedMore;

    /// <summary>Skips white space and comments; false at the end of the input.</summary>
    private bool SkipTrivia()
    {
        while (true)
        {
            var buf = _buf;
            int p = _pos, end = _end;
            while (p < end)
            {
                char c = buf[p];
                if (c == ' ' || c == '\t' || c == '\r') p++;
                else if (c == '\n')
                {
                    p++;
                    _line++;
                    _lineStart = _bufOffset + p;
                }
                else if (c == '#')
                {
                    int nl = buf.AsSpan(p, end - p).IndexOf('\n');
                    if (nl < 0)
                    {
                        // The comment runs past the buffer: drop what we have and keep skipping it.
                        _pos = end;
                        Refill(end);
                        if (_end == 0 && _eof) return false;
                        SkipRestOfComment();
                        p = _pos;
                        buf = _buf;
                        end = _end;
                    }
                    else p += nl;
                }
                else
                {
                    _pos = p;
                    return true;
                }
            }
            _pos = p;
            if (_eof) return false;
            Refill(p);
            if (_end == _pos && _eof) return false;
        }
    }

    private void SkipRestOfComment()
    {
        while (true)
        {
            int nl = _buf.AsSpan(_pos, _end - _pos).IndexOf('\n');
            if (nl >= 0)
            {
                _pos += nl;
                return;
            }
            _pos = _end;
            if (_eof) return;
            Refill(_end);
            if (_end == 0 && _eof) return;
        }
    }

    /// <summary>Makes the current token an error; scanning resumes at <paramref name="resumeAt"/>.</summary>
    private Scan Fail(int at, string message, int resumeAt)
    {
        Kind = TokenKind.Error;
        ErrorEndsStatement = false;
        ErrorMessage = message;
        Start = PositionAt(at);
        End = PositionAt(Math.Max(at, resumeAt));
        _pos = resumeAt;
        return Scan.Done;
    }

    /// <summary>Just past the offending character, unless it is a line break, which trivia must count.</summary>
    private int After(int p) => p < _end && _buf[p] != '\n' ? p + 1 : p;

    private Scan Punct(TokenKind kind, int start)
    {
        Kind = kind;
        _pos = start + 1;
        return Scan.Done;
    }

    private Scan ScanToken(int p)
    {
        char c = _buf[p];
        switch (c)
        {
            case '<': return ScanIri(p);
            case '"': case '\'': return ScanString(p, c);
            case '_': return ScanBlankNodeLabel(p);
            case '@': return ScanLangTag(p);
            case '.':
                {
                    int n = At(p + 1);
                    if (n == NeedMore) return Scan.NeedMore;
                    if (n >= '0' && n <= '9') return ScanNumber(p);
                    return Punct(TokenKind.Dot, p);
                }
            case '+': case '-': case >= '0' and <= '9': return ScanNumber(p);
            case ';': return Punct(TokenKind.Semicolon, p);
            case ',': return Punct(TokenKind.Comma, p);
            case '[': return Punct(TokenKind.OpenBracket, p);
            case ']': return Punct(TokenKind.CloseBracket, p);
            case '(': return Punct(TokenKind.OpenParen, p);
            case ')': return Punct(TokenKind.CloseParen, p);
            case '{': return Punct(TokenKind.OpenBrace, p);
            case '}': return Punct(TokenKind.CloseBrace, p);
            case '^':
                {
                    int n = At(p + 1);
                    if (n == NeedMore) return Scan.NeedMore;
                    if (n == '^')
                    {
                        Kind = TokenKind.DoubleCaret;
                        _pos = p + 2;
                        return Scan.Done;
                    }
                    return Fail(p, "expected '^^'", p + 1);
                }
            case ':': return ScanPrefixedName(p, p);
            default:
                {
                    int cp = CodePointAt(p, out _);
                    if (cp == NeedMore) return Scan.NeedMore;
                    if (CharClass.IsPnCharsBase(cp)) return ScanWordOrPrefixedName(p);
                    return Fail(p, $"unexpected character '{Printable(c)}'", p + (c == '\n' ? 0 : 1));
                }
        }
    }

    private static string Printable(char c) => c < 0x20 || c == 0x7F ? $"\\u{(int)c:X4}" : c.ToString();

    /// <summary>The code point at p (a surrogate pair counts once), NeedMore or EndOfInput.</summary>
    private int CodePointAt(int p, out int width)
    {
        width = 1;
        int c = At(p);
        if (c < 0 || !char.IsHighSurrogate((char)c)) return c;
        int d = At(p + 1);
        if (d == NeedMore) return NeedMore;
        if (d < 0 || !char.IsLowSurrogate((char)d)) return c;
        width = 2;
        return char.ConvertToUtf32((char)c, (char)d);
    }

    private void BeginScratch(int rawStart, int rawEnd)
    {
        _scratchLength = 0;
        AppendScratch(_buf.AsSpan(rawStart, rawEnd - rawStart));
        _valueInScratch = true;
    }

    private void AppendScratch(ReadOnlySpan<char> s)
    {
        if (_scratchLength + s.Length > _scratch.Length)
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + s.Length));
        s.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += s.Length;
    }

    private void AppendScratch(char c)
    {
        if (_scratchLength == _scratch.Length) Array.Resize(ref _scratch, _scratch.Length * 2);
        _scratch[_scratchLength++] = c;
    }

    private void AppendCodePoint(int cp)
    {
        if (cp < 0x10000) AppendScratch((char)cp);
        else
        {
            cp -= 0x10000;
            AppendScratch((char)(0xD800 + (cp >> 10)));
            AppendScratch((char)(0xDC00 + (cp & 0x3FF)));
        }
    }

    private Scan ScanIri(int start)
    {
        int p = start + 1;
        bool escaped = false;
        int segmentStart = p;
        while (true)
        {
            int rel = _buf.AsSpan(p, _end - p).IndexOfAny(IriStops);
            if (rel < 0)
            {
                if (!_eof) return Scan.NeedMore;
                return Fail(start, "unterminated IRI, expected '>'", _end);
            }
            p += rel;
            char c = _buf[p];
            if (c == '>')
            {
                if (escaped) AppendScratch(_buf.AsSpan(segmentStart, p - segmentStart));
                else
                {
                    _valueStart = start + 1;
                    _valueLength = p - start - 1;
                }
                Kind = TokenKind.IriRef;
                _pos = p + 1;
                return Scan.Done;
            }
            if (c != '\\')
            {
                return Fail(p, $"character '{Printable(c)}' is not allowed in an IRI", After(p));
            }
            if (!escaped)
            {
                BeginScratch(start + 1, p);
                escaped = true;
            }
            else AppendScratch(_buf.AsSpan(segmentStart, p - segmentStart));
            int kind = At(p + 1);
            if (kind == NeedMore) return Scan.NeedMore;
            if (kind != 'u' && kind != 'U')
            {
                return Fail(p, "only \\u and \\U escapes are allowed in an IRI", p + 1);
            }
            var r = ReadHex(p + 2, kind == 'u' ? 4 : 8, out int cp);
            if (r == NeedMore) return Scan.NeedMore;
            if (r < 0 || !IsScalar(cp))
            {
                return Fail(p, "invalid \\u or \\U escape", p + 1);
            }
            if (cp <= ' ' || cp is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                return Fail(p, "escaped character is not allowed in an IRI", p + 1);
            }
            AppendCodePoint(cp);
            p += kind == 'u' ? 6 : 10;
            segmentStart = p;
        }
    }

    private static bool IsScalar(int cp) => cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);

    /// <summary>Reads n hex digits at p: 0 on success, NeedMore, or -1 when a digit is missing.</summary>
    private int ReadHex(int p, int n, out int value)
    {
        value = 0;
        for (int i = 0; i < n; i++)
        {
            int c = At(p + i);
            if (c == NeedMore) return NeedMore;
            int d = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return -1;
            value = value * 16 + d;
        }
        return 0;
    }

    private Scan ScanString(int start, char q)
    {
        int a = At(start + 1);
        if (a == NeedMore) return Scan.NeedMore;
        bool isLong = false;
        if (a == q)
        {
            int b = At(start + 2);
            if (b == NeedMore) return Scan.NeedMore;
            if (b != q)
            {
                // An empty short string.
                Kind = TokenKind.String;
                Quote = q == '"' ? StringQuote.Double : StringQuote.Single;
                _valueStart = start + 1;
                _valueLength = 0;
                _pos = start + 2;
                return Scan.Done;
            }
            isLong = true;
        }
        int p = start + (isLong ? 3 : 1);
        var stops = isLong ? (q == '"' ? LongDoubleStops : LongSingleStops) : (q == '"' ? DoubleQuoteStops : SingleQuoteStops);
        bool escaped = false;
        int segmentStart = p;
        int newlines = 0;
        long lastNewline = 0;
        while (true)
        {
            int rel = _buf.AsSpan(p, _end - p).IndexOfAny(stops);
            if (rel < 0)
            {
                if (!_eof) return Scan.NeedMore;
                Fail(start, "unterminated string", _end);
                CommitNewlines(newlines, lastNewline);
                return Scan.Done;
            }
            p += rel;
            char c = _buf[p];
            if (c == '\n' && isLong)
            {
                newlines++;
                lastNewline = _bufOffset + p + 1;
                p++;
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                Fail(start, "line break in a short string; use \\n or a long string", p);
                ErrorEndsStatement = true;
                return Scan.Done;
            }
            if (c == q)
            {
                if (!isLong)
                {
                    FinishString(start, p, escaped, segmentStart, q == '"' ? StringQuote.Double : StringQuote.Single);
                    _pos = p + 1;
                    return Scan.Done;
                }
                int b = At(p + 1);
                int d = b == q ? At(p + 2) : 0;
                if (b == NeedMore || d == NeedMore) return Scan.NeedMore;
                if (b == q && d == q)
                {
                    FinishString(start, p, escaped, segmentStart, q == '"' ? StringQuote.LongDouble : StringQuote.LongSingle);
                    _pos = p + 3;
                    CommitNewlines(newlines, lastNewline);
                    return Scan.Done;
                }
                p++;
                continue;
            }
            // A backslash escape.
            if (!escaped)
            {
                BeginScratch(start + (isLong ? 3 : 1), p);
                escaped = true;
            }
            else AppendScratch(_buf.AsSpan(segmentStart, p - segmentStart));
            int e = At(p + 1);
            if (e == NeedMore) return Scan.NeedMore;
            switch (e)
            {
                case 't': AppendScratch('\t'); p += 2; break;
                case 'b': AppendScratch('\b'); p += 2; break;
                case 'n': AppendScratch('\n'); p += 2; break;
                case 'r': AppendScratch('\r'); p += 2; break;
                case 'f': AppendScratch('\f'); p += 2; break;
                case '"': AppendScratch('"'); p += 2; break;
                case '\'': AppendScratch('\''); p += 2; break;
                case '\\': AppendScratch('\\'); p += 2; break;
                case 'u':
                case 'U':
                    {
                        int n = e == 'u' ? 4 : 8;
                        var r = ReadHex(p + 2, n, out int cp);
                        if (r == NeedMore) return Scan.NeedMore;
                        if (r < 0 || !IsScalar(cp))
                        {
                            CommitNewlines(newlines, lastNewline);
                            return Fail(p, "invalid \\u or \\U escape", p + 1);
                        }
                        AppendCodePoint(cp);
                        p += 2 + n;
                        break;
                    }
                default:
                    CommitNewlines(newlines, lastNewline);
                    return Fail(p, "invalid escape sequence in a string", p + 1);
            }
            segmentStart = p;
        }
    }

    private void CommitNewlines(int newlines, long lastNewline)
    {
        if (newlines == 0) return;
        _line += newlines;
        _lineStart = lastNewline;
    }

    private void FinishString(int start, int closing, bool escaped, int segmentStart, StringQuote quote)
    {
        Kind = TokenKind.String;
        Quote = quote;
        if (escaped) AppendScratch(_buf.AsSpan(segmentStart, closing - segmentStart));
        else
        {
            int open = quote is StringQuote.LongDouble or StringQuote.LongSingle ? 3 : 1;
            _valueStart = start + open;
            _valueLength = closing - start - open;
        }
    }

    private Scan ScanBlankNodeLabel(int start)
    {
        int colon = At(start + 1);
        if (colon == NeedMore) return Scan.NeedMore;
        if (colon != ':')
        {
            return Fail(start, "expected ':' after '_' in a blank node label", start + 1);
        }
        int p = start + 2;
        int cp = CodePointAt(p, out int w);
        if (cp == NeedMore) return Scan.NeedMore;
        if (cp < 0 || !(CharClass.IsPnCharsU(cp) || cp is >= '0' and <= '9'))
        {
            return Fail(start, "a blank node label needs a name after '_:'", p);
        }
        p += w;
        int lastGood = p;
        while (true)
        {
            cp = CodePointAt(p, out w);
            if (cp == NeedMore) return Scan.NeedMore;
            if (cp < 0) break;
            if (CharClass.IsPnChars(cp))
            {
                p += w;
                lastGood = p;
            }
            else if (cp == '.') p++;
            else break;
        }
        Kind = TokenKind.BlankNodeLabel;
        _valueStart = start + 2;
        _valueLength = lastGood - start - 2;
        _pos = lastGood;
        return Scan.Done;
    }

    private Scan ScanLangTag(int start)
    {
        int p = start + 1;
        int c;
        while ((c = At(p)) >= 0 && char.IsAsciiLetter((char)c)) p++;
        if (c == NeedMore) return Scan.NeedMore;
        if (p == start + 1)
        {
            return Fail(start, "expected a language tag or a directive after '@'", p);
        }
        int firstEnd = p;
        while (c == '-')
        {
            int q = p + 1;
            while ((c = At(q)) >= 0 && char.IsAsciiLetterOrDigit((char)c)) q++;
            if (c == NeedMore) return Scan.NeedMore;
            if (q == p + 1)
            {
                return Fail(p, "empty language subtag", q);
            }
            p = q;
        }
        _valueStart = start + 1;
        _valueLength = p - start - 1;
        _pos = p;
        var word = _buf.AsSpan(start + 1, firstEnd - start - 1);
        if (p == firstEnd && word.SequenceEqual("prefix")) Kind = TokenKind.AtPrefix;
        else if (p == firstEnd && word.SequenceEqual("base")) Kind = TokenKind.AtBase;
        else Kind = TokenKind.LangTag;
        return Scan.Done;
    }

    private Scan ScanNumber(int start)
    {
        int p = start;
        int c = At(p);
        if (c is '+' or '-') p++;
        int digits = 0;
        while ((c = At(p)) is >= '0' and <= '9') { p++; digits++; }
        if (c == NeedMore) return Scan.NeedMore;
        var kind = TokenKind.Integer;
        if (c == '.')
        {
            int n = At(p + 1);
            if (n == NeedMore) return Scan.NeedMore;
            if (n is >= '0' and <= '9')
            {
                p++;
                while ((c = At(p)) is >= '0' and <= '9') p++;
                if (c == NeedMore) return Scan.NeedMore;
                kind = TokenKind.Decimal;
            }
            else if (digits > 0 && n is 'e' or 'E')
            {
                int r = ExponentLength(p + 1);
                if (r == NeedMore) return Scan.NeedMore;
                if (r > 0) return FinishNumber(TokenKind.Double, start, p + 1 + r);
            }
        }
        if (kind == TokenKind.Integer && digits == 0) return Fail(start, "expected a number", After(p));
        c = At(p);
        if (c is 'e' or 'E')
        {
            int r = ExponentLength(p);
            if (r == NeedMore) return Scan.NeedMore;
            if (r > 0) return FinishNumber(TokenKind.Double, start, p + r);
        }
        return FinishNumber(kind, start, p);
    }

    /// <summary>Length of an exponent at p ([eE][+-]?[0-9]+), 0 if none, or NeedMore.</summary>
    private int ExponentLength(int p)
    {
        int q = p + 1;
        int c = At(q);
        if (c is '+' or '-') c = At(++q);
        if (c == NeedMore) return NeedMore;
        if (c is not (>= '0' and <= '9')) return 0;
        while ((c = At(q)) is >= '0' and <= '9') q++;
        if (c == NeedMore) return NeedMore;
        return q - p;
    }

    private Scan FinishNumber(TokenKind kind, int start, int end)
    {
        Kind = kind;
        _valueStart = start;
        _valueLength = end - start;
        _pos = end;
        return Scan.Done;
    }

    private Scan ScanWordOrPrefixedName(int start)
    {
        // PN_PREFIX: PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?; a bare word has the same shape.
        int p = start;
        int lastGood = start;
        var buf = _buf;
        while (true)
        {
            while (p < _end)
            {
                char ch = buf[p];
                if (CharClass.IsAsciiNameChar(ch)) lastGood = ++p;
                else if (ch == '.') p++;
                else break;
            }
            int cp = CodePointAt(p, out int w);
            if (cp == NeedMore) return Scan.NeedMore;
            if (cp < 0) break;
            if (CharClass.IsPnChars(cp))
            {
                p += w;
                lastGood = p;
            }
            else if (cp == '.') p++;
            else break;
        }
        int next = At(p);
        if (next == NeedMore) return Scan.NeedMore;
        if (next == ':')
        {
            if (lastGood != p)
            {
                return Fail(lastGood, "a prefix must not end with '.'", p + 1);
            }
            return ScanPrefixedName(start, p);
        }
        Kind = TokenKind.Word;
        _valueStart = start;
        _valueLength = lastGood - start;
        _pos = lastGood;
        return Scan.Done;
    }

    /// <summary>Scans PN_LOCAL after the ':' at <paramref name="colon"/>.</summary>
    private Scan ScanPrefixedName(int start, int colon)
    {
        int p = colon + 1;
        int lastGood = p;
        int lastGoodScratch = 0;
        bool escaped = false;
        bool first = true;
        int segmentStart = p;
        var buf = _buf;
        while (true)
        {
            if (!first)
            {
                int q = p, good = -1;
                while (q < _end)
                {
                    char ch = buf[q];
                    if (CharClass.IsAsciiNameChar(ch) || ch == ':') good = ++q;
                    else if (ch == '.') q++;
                    else break;
                }
                if (good > 0)
                {
                    lastGood = good;
                    if (escaped)
                    {
                        AppendScratch(buf.AsSpan(segmentStart, good - segmentStart));
                        segmentStart = good;
                        lastGoodScratch = _scratchLength;
                    }
                }
                p = q;
            }
            int cp = CodePointAt(p, out int w);
            if (cp == NeedMore) return Scan.NeedMore;
            if (cp < 0) break;
            if (cp == ':' || (first ? CharClass.IsPnCharsU(cp) || cp is >= '0' and <= '9' : CharClass.IsPnChars(cp)))
            {
                p += w;
            }
            else if (cp == '.' && !first)
            {
                p++;
                first = false;
                continue;
            }
            else if (cp == '%')
            {
                var r = ReadHex(p + 1, 2, out _);
                if (r == NeedMore) return Scan.NeedMore;
                if (r < 0)
                {
                    return Fail(p, "'%' must be followed by two hex digits", p + 1);
                }
                p += 3;
            }
            else if (cp == '\\')
            {
                int e = At(p + 1);
                if (e == NeedMore) return Scan.NeedMore;
                if (e < 0 || !CharClass.IsLocalEscape((char)e))
                {
                    return Fail(p, "invalid escape in a local name", p + 1);
                }
                if (!escaped)
                {
                    BeginScratch(start, p);
                    escaped = true;
                }
                else AppendScratch(_buf.AsSpan(segmentStart, p - segmentStart));
                AppendScratch((char)e);
                p += 2;
                segmentStart = p;
            }
            else break;
            first = false;
            lastGood = p;
            if (escaped)
            {
                AppendScratch(_buf.AsSpan(segmentStart, p - segmentStart));
                segmentStart = p;
                lastGoodScratch = _scratchLength;
            }
        }
        Kind = TokenKind.PrefixedName;
        PrefixLength = colon - start;
        if (escaped) _scratchLength = lastGoodScratch;
        else
        {
            _valueStart = start;
            _valueLength = lastGood - start;
        }
        _pos = lastGood;
        return Scan.Done;
    }
}
