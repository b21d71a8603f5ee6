using System.Buffers;
using System.Text;

namespace GuidelineGraph.Sparql.Syntax.Lexing;

/// <summary>
/// SPARQL 1.1 tokenizer (§19.8 terminals), pulled one token at a time. Stops at the first lexical
/// error, which becomes an <see cref="TokenKind.Error"/> token followed by <see cref="TokenKind.Eof"/>.
/// Codepoint escapes (\u, \U) are decoded inside strings and IRIs.
/// </summary>
internal sealed class Lexer
{
    private static readonly SearchValues<char> IriForbidden = SearchValues.Create("<>\"{}|^`\\");
    private static readonly SearchValues<char> LocalEscapable = SearchValues.Create("_~.-!$&'()*+,;=/?#@%");

    private readonly string _text;
    private int _pos;
    private bool _stopped;

    public Lexer(string text) => _text = text;

    public Token Next()
    {
        if (_stopped) return new Token(TokenKind.Eof, _pos, _pos, null, false);
        int before = _pos;
        SkipWhitespaceAndComments();
        bool adjacent = _pos == before;
        if (_pos >= _text.Length)
        {
            _stopped = true;
            return new Token(TokenKind.Eof, _pos, _pos, null, adjacent);
        }
        var token = Next(adjacent);
        if (token.Kind == TokenKind.Error)
        {
            _stopped = true;
            _pos = token.End;
        }
        return token;
    }

    /// <summary>Goes on after a lexical error (from its end), for a parser that recovers to report further errors.</summary>
    public void Resume() => _stopped = false;

    /// <summary>
    /// Labels that may be written as _:label anywhere in the text (over-approximated: strings and
    /// comments count too), so generated labels can avoid them.
    /// </summary>
    public static HashSet<string> WrittenBlankNodeLabels(string text)
    {
        var labels = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while ((i = text.IndexOf("_:", i, StringComparison.Ordinal)) >= 0)
        {
            var lexer = new Lexer(text) { _pos = i };
            if (lexer.LexBlankNodeLabel(false) is { Kind: TokenKind.BlankNodeLabel, Value: { } label }) labels.Add(label);
            i += 2;
        }
        return labels;
    }

    private void SkipWhitespaceAndComments()
    {
        var t = _text;
        while (_pos < t.Length)
        {
            char c = t[_pos];
            if (c is ' ' or '\t' or '\r' or '\n') _pos++;
            else if (c == '#')
            {
                while (_pos < t.Length && t[_pos] != '\n' && t[_pos] != '\r') _pos++;
            }
            else return;
        }
    }

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private Token Simple(TokenKind kind, int length, bool adjacent)
    {
        int start = _pos;
        _pos += length;
        return new Token(kind, start, _pos, null, adjacent);
    }

    private Token Error(int start, string message) => new(TokenKind.Error, start, Math.Max(_pos, start + 1), message, false);

    private Token Next(bool adj)
    {
        char c = _text[_pos];
        switch (c)
        {
            case '{': return Simple(TokenKind.LBrace, 1, adj);
            case '}': return Simple(TokenKind.RBrace, 1, adj);
            case '(': return Simple(TokenKind.LParen, 1, adj);
            case ')': return Simple(TokenKind.RParen, 1, adj);
            case '[': return Simple(TokenKind.LBracket, 1, adj);
            case ']': return Simple(TokenKind.RBracket, 1, adj);
            case ';': return Simple(TokenKind.Semicolon, 1, adj);
            case ',': return Simple(TokenKind.Comma, 1, adj);
            case '*': return Simple(TokenKind.Star, 1, adj);
            case '/': return Simple(TokenKind.Slash, 1, adj);
            case '+': return Simple(TokenKind.Plus, 1, adj);
            case '-': return Simple(TokenKind.Minus, 1, adj);
            case '=': return Simple(TokenKind.Eq, 1, adj);
            case '!': return Peek(1) == '=' ? Simple(TokenKind.NotEq, 2, adj) : Simple(TokenKind.Bang, 1, adj);
            case '^': return Peek(1) == '^' ? Simple(TokenKind.DoubleCaret, 2, adj) : Simple(TokenKind.Caret, 1, adj);
            case '|': return Peek(1) == '|' ? Simple(TokenKind.OrOr, 2, adj) : Simple(TokenKind.Pipe, 1, adj);
            case '&':
                if (Peek(1) == '&') return Simple(TokenKind.AndAnd, 2, adj);
                _pos++;
                return Error(_pos - 1, "unexpected '&' (did you mean '&&'?)");
            case '>': return Peek(1) == '=' ? Simple(TokenKind.GtEq, 2, adj) : Simple(TokenKind.Gt, 1, adj);
            case '<': return LexLessOrIri(adj);
            case '.':
                if (IsDigit(Peek(1))) return LexNumber(adj);
                return Simple(TokenKind.Dot, 1, adj);
            case '?':
            case '$':
                if (IsVarNameStartAt(_pos + 1)) return LexVariable(adj);
                if (c == '?') return Simple(TokenKind.Question, 1, adj);
                _pos++;
                return Error(_pos - 1, "'$' must start a variable name");
            case '"':
            case '\'':
                return LexString(c, adj);
            case '@': return LexLangTag(adj);
            case '_':
                if (Peek(1) == ':') return LexBlankNodeLabel(adj);
                break;
            case ':':
                return LexPrefixedName(_pos, _pos, adj);
        }
        if (IsDigit(c)) return LexNumber(adj);
        if (IsPnCharsBaseAt(_pos, out _)) return LexWordOrPrefixedName(adj);
        int start = _pos;
        _pos += char.IsSurrogatePair(_text, _pos) ? 2 : 1;
        return Error(start, $"unexpected character '{_text[start.._pos]}'");
    }

    private Token LexLessOrIri(bool adj)
    {
        // Longest match: an IRIREF when a valid one closes before any forbidden character, else '<' or '<='.
        int start = _pos;
        int i = _pos + 1;
        bool escapes = false;
        while (i < _text.Length)
        {
            char c = _text[i];
            if (c == '>')
            {
                _pos = i + 1;
                if (!escapes) return new Token(TokenKind.IriRef, start, _pos, null, adj);
                string raw = _text.Substring(start + 1, i - start - 1);
                var decoded = DecodeIriEscapes(raw, start + 1, out var err);
                return err is null ? new Token(TokenKind.IriRef, start, _pos, decoded, adj) : Error(start, err);
            }
            if (c == '\\' && i + 1 < _text.Length && (_text[i + 1] == 'u' || _text[i + 1] == 'U'))
            {
                escapes = true;
                i += 2;
                continue;
            }
            if (c <= ' ' || IriForbidden.Contains(c))
            {
                // '<scheme://' cannot start a valid expression, so this is a broken IRI: say where.
                if (LooksLikeIriStart(start + 1, i))
                {
                    _pos = i;
                    return new Token(TokenKind.Error, i, i + 1, $"character {DescribeChar(c)} is not allowed in an IRI", adj);
                }
                break;
            }
            i++;
        }
        if (i == _text.Length && LooksLikeIriStart(start + 1, i))
        {
            _pos = i;
            return new Token(TokenKind.Error, start, i, "unterminated IRI: '>' is missing", adj);
        }
        return Peek(1) == '=' ? Simple(TokenKind.LtEq, 2, adj) : Simple(TokenKind.Lt, 1, adj);
    }

    private bool LooksLikeIriStart(int from, int to)
    {
        int colon = _text.IndexOf("://", from, to - from, StringComparison.Ordinal);
        if (colon <= from || !IsAsciiLetter(_text[from])) return false;
        for (int k = from + 1; k < colon; k++)
            if (!(IsAsciiLetterOrDigit(_text[k]) || _text[k] is '+' or '-' or '.')) return false;
        return true;
    }

    private static string DescribeChar(char c) => c switch
    {
        ' ' => "' ' (space)",
        '\t' => "tab",
        '\n' or '\r' => "line break",
        _ when c < ' ' => $"U+{(int)c:X4}",
        _ => $"'{c}'",
    };

    private string? DecodeIriEscapes(string raw, int offset, out string? error)
    {
        error = null;
        var sb = new StringBuilder(raw.Length);
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\')
            {
                int len = raw[i + 1] == 'u' ? 4 : 8;
                if (!TryHex(raw, i + 2, len, out int cp) || !IsScalar(cp))
                {
                    error = "invalid \\u escape in IRI";
                    _pos = offset + i;
                    return null;
                }
                if (cp <= 0x20 || (cp < 0x80 && IriForbidden.Contains((char)cp)))
                {
                    error = $"character U+{cp:X4} is not allowed in an IRI";
                    return null;
                }
                sb.Append(char.ConvertFromUtf32(cp));
                i += 1 + len;
            }
            else sb.Append(raw[i]);
        }
        return sb.ToString();
    }

    private Token LexVariable(bool adj)
    {
        int start = _pos;
        _pos++;
        while (_pos < _text.Length && IsVarNameCharAt(_pos, out int len)) _pos += len;
        return new Token(TokenKind.Variable, start, _pos, null, adj);
    }

    private Token LexLangTag(bool adj)
    {
        int start = _pos;
        _pos++;
        int tagStart = _pos;
        while (IsAsciiLetter(Peek())) _pos++;
        if (_pos == tagStart) return Error(start, "expected a language tag after '@'");
        while (Peek() == '-' && IsAsciiLetterOrDigit(Peek(1)))
        {
            _pos++;
            while (IsAsciiLetterOrDigit(Peek())) _pos++;
        }
        return new Token(TokenKind.LangTag, start, _pos, _text[tagStart.._pos], adj);
    }

    private Token LexNumber(bool adj)
    {
        int start = _pos;
        while (IsDigit(Peek())) _pos++;
        var kind = TokenKind.Integer;
        if (Peek() == '.' && (IsDigit(Peek(1)) || (_pos > start && IsExponentAt(_pos + 1))))
        {
            _pos++;
            while (IsDigit(Peek())) _pos++;
            kind = TokenKind.Decimal;
        }
        if (IsExponentAt(_pos))
        {
            _pos++;
            if (Peek() is '+' or '-') _pos++;
            while (IsDigit(Peek())) _pos++;
            kind = TokenKind.Double;
        }
        return new Token(kind, start, _pos, _text[start.._pos], adj);
    }

    private bool IsExponentAt(int i)
    {
        if (i >= _text.Length || (_text[i] != 'e' && _text[i] != 'E')) return false;
        int j = i + 1;
        if (j < _text.Length && _text[j] is '+' or '-') j++;
        return j < _text.Length && IsDigit(_text[j]);
    }

    private Token LexString(char quote, bool adj)
    {
        int start = _pos;
        bool isLong = Peek(1) == quote && Peek(2) == quote;
        _pos += isLong ? 3 : 1;
        StringBuilder? sb = null;
        int runStart = _pos;
        while (true)
        {
            if (_pos >= _text.Length) return Error(start, "unterminated string");
            char c = _text[_pos];
            if (c == quote)
            {
                if (!isLong || (Peek(1) == quote && Peek(2) == quote))
                {
                    string value = sb is null ? _text[runStart.._pos] : sb.Append(_text, runStart, _pos - runStart).ToString();
                    _pos += isLong ? 3 : 1;
                    return new Token(TokenKind.String, start, _pos, value, adj);
                }
                _pos++;
                continue;
            }
            if (!isLong && (c == '\n' || c == '\r')) return Error(start, "line break inside a short string (use \"\"\" for multi-line strings)");
            if (c != '\\')
            {
                _pos++;
                continue;
            }
            sb ??= new StringBuilder();
            sb.Append(_text, runStart, _pos - runStart);
            int escStart = _pos;
            char e = Peek(1);
            switch (e)
            {
                case 't': sb.Append('\t'); _pos += 2; break;
                case 'b': sb.Append('\b'); _pos += 2; break;
                case 'n': sb.Append('\n'); _pos += 2; break;
                case 'r': sb.Append('\r'); _pos += 2; break;
                case 'f': sb.Append('\f'); _pos += 2; break;
                case '"': sb.Append('"'); _pos += 2; break;
                case '\'': sb.Append('\''); _pos += 2; break;
                case '\\': sb.Append('\\'); _pos += 2; break;
                case 'u':
                case 'U':
                    int len = e == 'u' ? 4 : 8;
                    if (!TryHex(_text, _pos + 2, len, out int cp))
                    {
                        _pos = escStart;
                        return Error(escStart, $"invalid \\{e} escape: expected {len} hex digits");
                    }
                    if (!IsScalar(cp))
                    {
                        _pos = escStart;
                        return Error(escStart, $"\\{e} escape U+{cp:X} is not a Unicode scalar value");
                    }
                    sb.Append(char.ConvertFromUtf32(cp));
                    _pos += 2 + len;
                    break;
                default:
                    _pos = escStart;
                    return Error(escStart, "invalid escape sequence in string");
            }
            runStart = _pos;
        }
    }

    private Token LexBlankNodeLabel(bool adj)
    {
        int start = _pos;
        _pos += 2;
        int labelStart = _pos;
        if (_pos < _text.Length && (IsDigit(_text[_pos]) || IsPnCharsUAt(_pos, out _)))
        {
            _pos += char.IsSurrogatePair(_text, _pos) ? 2 : 1;
            ScanNameTail(allowColon: false, allowPlx: false);
        }
        if (_pos == labelStart) return Error(start, "expected a blank node label after '_:'");
        return new Token(TokenKind.BlankNodeLabel, start, _pos, _text[labelStart.._pos], adj);
    }

    /// <summary>Reads (PN_CHARS | '.')* ending on PN_CHARS: a dot is kept only when a name char follows it.</summary>
    private bool ScanNameTail(bool allowColon, bool allowPlx)
    {
        bool escaped = false;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '.')
            {
                int j = _pos;
                while (j < _text.Length && _text[j] == '.') j++;
                if (j < _text.Length && IsNameTailCharAt(j, allowColon, allowPlx, out _)) { _pos = j; continue; }
                return escaped;
            }
            if (!IsNameTailCharAt(_pos, allowColon, allowPlx, out int len)) return escaped;
            if (c == '\\') escaped = true;
            _pos += len;
        }
        return escaped;
    }

    private bool IsNameTailCharAt(int i, bool allowColon, bool allowPlx, out int len)
    {
        len = 1;
        char c = _text[i];
        if (allowColon && c == ':') return true;
        if (allowPlx)
        {
            if (c == '%') { len = 3; return i + 2 < _text.Length && IsHex(_text[i + 1]) && IsHex(_text[i + 2]); }
            if (c == '\\') { len = 2; return i + 1 < _text.Length && LocalEscapable.Contains(_text[i + 1]); }
        }
        return IsPnCharsAt(i, out len);
    }

    private Token LexWordOrPrefixedName(bool adj)
    {
        int start = _pos;
        _pos += char.IsSurrogatePair(_text, _pos) ? 2 : 1;
        ScanNameTail(allowColon: false, allowPlx: false);
        if (Peek() == ':') return LexPrefixedName(start, _pos, adj);
        for (int i = start; i < _pos; i++)
        {
            char c = _text[i];
            if (!(IsAsciiLetterOrDigit(c) || c == '_'))
                return Error(start, $"unknown word '{_text[start.._pos]}' (a prefixed name needs ':')");
        }
        return new Token(TokenKind.Word, start, _pos, null, adj);
    }

    private Token LexPrefixedName(int start, int colon, bool adj)
    {
        _pos = colon + 1;
        int localStart = _pos;
        bool escaped = false;
        if (_pos < _text.Length && IsLocalStartAt(_pos, out int len))
        {
            escaped = _text[_pos] == '\\';
            _pos += len;
            escaped |= ScanNameTail(allowColon: true, allowPlx: true);
        }
        if (_pos < _text.Length && _text[_pos] == '\\')
            return Error(_pos, $"invalid escape '\\{Peek(1)}' in a local name");
        string? value = escaped ? _text[start..localStart] + UnescapeLocal(_text[localStart.._pos]) : null;
        return new Token(TokenKind.PrefixedName, start, _pos, value, adj, colon - start);
    }

    private bool IsLocalStartAt(int i, out int len)
    {
        len = 1;
        char c = _text[i];
        if (c == ':' || IsDigit(c)) return true;
        if (c is '%' or '\\') return IsNameTailCharAt(i, false, true, out len);
        return IsPnCharsUAt(i, out len);
    }

    private static string UnescapeLocal(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\') i++;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    // Character classes of §19.8.

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
    private static bool IsHex(char c) => IsDigit(c) || c is >= 'a' and <= 'f' or >= 'A' and <= 'F';
    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsDigit(c);
    private static bool IsScalar(int cp) => cp is >= 0 and < 0xD800 or > 0xDFFF and <= 0x10FFFF;

    private static bool TryHex(string s, int start, int length, out int value)
    {
        value = 0;
        if (start + length > s.Length) return false;
        for (int i = start; i < start + length; i++)
        {
            char c = s[i];
            int d = c <= '9' && c >= '0' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return false;
            value = value * 16 + d;
        }
        return true;
    }

    private bool IsPnCharsBaseAt(int i, out int len)
    {
        len = 1;
        char c = _text[i];
        if (c < 0x80) return IsAsciiLetter(c);
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= _text.Length || !char.IsLowSurrogate(_text[i + 1])) return false;
            len = 2;
            return char.ConvertToUtf32(c, _text[i + 1]) <= 0xEFFFF;
        }
        return c is >= '\u00C0' and <= '\u00D6' or >= '\u00D8' and <= '\u00F6' or >= '\u00F8' and <= '\u02FF'
            or >= '\u0370' and <= '\u037D' or >= '\u037F' and <= '\u1FFF' or >= '\u200C' and <= '\u200D'
            or >= '\u2070' and <= '\u218F' or >= '\u2C00' and <= '\u2FEF' or >= '\u3001' and <= '\uD7FF'
            or >= '\uF900' and <= '\uFDCF' or >= '\uFDF0' and <= '\uFFFD';
    }

    private bool IsPnCharsUAt(int i, out int len)
    {
        len = 1;
        return _text[i] == '_' || IsPnCharsBaseAt(i, out len);
    }

    private bool IsPnCharsAt(int i, out int len)
    {
        len = 1;
        char c = _text[i];
        return c == '-' || IsDigit(c) || c == '\u00B7' || c is >= '\u0300' and <= '\u036F' or >= '\u203F' and <= '\u2040'
            || IsPnCharsUAt(i, out len);
    }

    private bool IsVarNameStartAt(int i) => i < _text.Length && (IsDigit(_text[i]) || IsPnCharsUAt(i, out _));

    private bool IsVarNameCharAt(int i, out int len) =>
        IsPnCharsAt(i, out len) && _text[i] != '-';
}
