using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace GuidelineGraph.Vocabulary.Generator
{
    /// <summary>
    /// A small Turtle reader for the compiler: it follows the whole Turtle grammar (directives,
    /// nested blank nodes, collections, long strings) but keeps only prefixes and the top-level
    /// subjects typed with <c>a</c>/rdf:type, plus their first English label. A grammar error is
    /// recorded with its position and reading resumes after the next '.'; a lexical error (an
    /// unterminated string or IRI) ends the file, since nothing after it can be trusted.
    /// </summary>
    internal sealed class TurtleScanner
    {
        private const string RdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
        private const string RdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
        private const string SkosPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
        private const int MaxErrors = 20;

        private readonly string _text;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<string, string> _prefixes = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<PrefixBinding> _bindings = new List<PrefixBinding>();
        private readonly List<TermDeclaration> _terms = new List<TermDeclaration>();
        private readonly List<ScanError> _errors = new List<ScanError>();
        private string? _base;
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private Token _token;
        private bool _lexicalError;

        private TurtleScanner(string text, CancellationToken cancellationToken)
        {
            _text = text;
            _cancellationToken = cancellationToken;
        }

        public static ScannedFile Scan(string path, string text, CancellationToken cancellationToken = default)
        {
            var scanner = new TurtleScanner(text, cancellationToken);
            scanner.ReadDocument();
            return new ScannedFile(
                path,
                scanner._bindings.ToEquatableArray(),
                scanner._terms.ToEquatableArray(),
                scanner._errors.ToEquatableArray());
        }

        private enum TokenKind
        {
            End, Error, Iri, PrefixedName, BlankNodeLabel, String, LangTag, DoubleCaret, Number, A, Boolean,
            PrefixDirective, BaseDirective, SparqlPrefix, SparqlBase,
            Dot, Semicolon, Comma, OpenBracket, CloseBracket, OpenParen, CloseParen,
        }

        /// <summary>Text is the IRI, the local name (Prefix holds the prefix), the string value or the message.</summary>
        private readonly struct Token
        {
            public Token(TokenKind kind, string text, FilePosition position, string? prefix = null)
            {
                Kind = kind;
                Text = text;
                Position = position;
                Prefix = prefix;
            }

            public TokenKind Kind { get; }
            public string Text { get; }
            public FilePosition Position { get; }
            public string? Prefix { get; }
        }

        /// <summary>The subject being read, when it is named; types and label accumulate here.</summary>
        private sealed class Subject
        {
            public Subject(string iri, string? prefix, string? ns, FilePosition position)
            {
                Iri = iri;
                Prefix = prefix;
                Namespace = ns;
                Position = position;
            }

            public string Iri { get; }
            public string? Prefix { get; }
            public string? Namespace { get; }
            public FilePosition Position { get; }
            public List<string> Types { get; } = new List<string>();
            public string? Label { get; set; }
        }

        // ------------------------------------------------------------------ grammar

        private void ReadDocument()
        {
            Advance();
            while (_token.Kind != TokenKind.End && !_lexicalError && _errors.Count < MaxErrors)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (!ReadStatement())
                {
                    SkipPastDot();
                }
            }
        }

        private bool ReadStatement()
        {
            switch (_token.Kind)
            {
                case TokenKind.PrefixDirective:
                    return ReadPrefix(requireDot: true);
                case TokenKind.SparqlPrefix:
                    return ReadPrefix(requireDot: false);
                case TokenKind.BaseDirective:
                    return ReadBase(requireDot: true);
                case TokenKind.SparqlBase:
                    return ReadBase(requireDot: false);
                default:
                    // A statement with an error declares nothing, even if its types were read.
                    if (!ReadTriples(out Subject? subject) || !Expect(TokenKind.Dot, "expected '.' at the end of the statement"))
                    {
                        return false;
                    }
                    if (subject != null && subject.Types.Count > 0)
                    {
                        _terms.Add(new TermDeclaration(subject.Iri, subject.Prefix, subject.Namespace, subject.Types.ToEquatableArray(), subject.Label, subject.Position));
                    }
                    return true;
            }
        }

        private bool ReadPrefix(bool requireDot)
        {
            Advance();
            if (_token.Kind != TokenKind.PrefixedName || _token.Text.Length != 0)
            {
                return Fail("expected a prefix such as 'ex:' after the prefix directive");
            }
            string prefix = _token.Prefix!;
            Advance();
            if (_token.Kind != TokenKind.Iri)
            {
                return Fail("expected the namespace IRI in <...> after '" + prefix + ":'");
            }
            if (!TryResolve(_token.Text, out string ns))
            {
                return false;
            }
            _prefixes[prefix] = ns;
            _bindings.Add(new PrefixBinding(prefix, ns));
            Advance();
            return !requireDot || Expect(TokenKind.Dot, "expected '.' after the prefix directive");
        }

        private bool ReadBase(bool requireDot)
        {
            Advance();
            if (_token.Kind != TokenKind.Iri)
            {
                return Fail("expected an IRI in <...> after the base directive");
            }
            if (!TryResolve(_token.Text, out string iri))
            {
                return false;
            }
            _base = iri;
            Advance();
            return !requireDot || Expect(TokenKind.Dot, "expected '.' after the base directive");
        }

        private bool ReadTriples(out Subject? subject)
        {
            subject = null;
            switch (_token.Kind)
            {
                case TokenKind.Iri:
                case TokenKind.PrefixedName:
                {
                    FilePosition position = _token.Position;
                    string? prefix = _token.Kind == TokenKind.PrefixedName ? _token.Prefix : null;
                    if (!TryResolveTerm(out string iri))
                    {
                        return false;
                    }
                    subject = new Subject(iri, prefix, prefix == null ? null : _prefixes[prefix], position);
                    Advance();
                    return ReadPredicateObjectList(subject);
                }
                case TokenKind.BlankNodeLabel:
                    Advance();
                    return ReadPredicateObjectList(null);
                case TokenKind.OpenBracket:
                    return ReadBlankNodePropertyList()
                        && (_token.Kind == TokenKind.Dot || ReadPredicateObjectList(null));
                case TokenKind.OpenParen:
                    return ReadCollection() && ReadPredicateObjectList(null);
                default:
                    return Fail("expected a subject (an IRI, a prefixed name, a blank node or a collection)");
            }
        }

        private bool ReadPredicateObjectList(Subject? subject)
        {
            while (true)
            {
                string predicate;
                if (_token.Kind == TokenKind.A)
                {
                    predicate = RdfType;
                }
                else if (_token.Kind == TokenKind.Iri || _token.Kind == TokenKind.PrefixedName)
                {
                    if (!TryResolveTerm(out predicate))
                    {
                        return false;
                    }
                }
                else
                {
                    return Fail("expected a predicate (an IRI, a prefixed name or 'a')");
                }
                Advance();
                if (!ReadObject(subject, predicate))
                {
                    return false;
                }
                while (_token.Kind == TokenKind.Comma)
                {
                    Advance();
                    if (!ReadObject(subject, predicate))
                    {
                        return false;
                    }
                }
                if (_token.Kind != TokenKind.Semicolon)
                {
                    return true;
                }
                while (_token.Kind == TokenKind.Semicolon)
                {
                    Advance();
                }
                if (_token.Kind == TokenKind.Dot || _token.Kind == TokenKind.CloseBracket)
                {
                    return true;
                }
            }
        }

        private bool ReadObject(Subject? subject, string? predicate)
        {
            switch (_token.Kind)
            {
                case TokenKind.Iri:
                case TokenKind.PrefixedName:
                    if (!TryResolveTerm(out string iri))
                    {
                        return false;
                    }
                    if (subject != null && predicate == RdfType)
                    {
                        subject.Types.Add(iri);
                    }
                    Advance();
                    return true;
                case TokenKind.BlankNodeLabel:
                case TokenKind.Number:
                case TokenKind.Boolean:
                    Advance();
                    return true;
                case TokenKind.OpenBracket:
                    return ReadBlankNodePropertyList();
                case TokenKind.OpenParen:
                    return ReadCollection();
                case TokenKind.String:
                    return ReadLiteral(subject, predicate);
                default:
                    return Fail("expected an object (an IRI, a prefixed name, a blank node, a collection or a literal)");
            }
        }

        private bool ReadLiteral(Subject? subject, string? predicate)
        {
            string value = _token.Text;
            string? language = null;
            Advance();
            if (_token.Kind == TokenKind.LangTag)
            {
                language = _token.Text;
                Advance();
            }
            else if (_token.Kind == TokenKind.DoubleCaret)
            {
                Advance();
                if (_token.Kind != TokenKind.Iri && _token.Kind != TokenKind.PrefixedName)
                {
                    return Fail("expected a datatype IRI after '^^'");
                }
                if (!TryResolveTerm(out _))
                {
                    return false;
                }
                Advance();
            }
            bool english = language == null || language.Equals("en", StringComparison.OrdinalIgnoreCase)
                || language.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
            if (subject != null && subject.Label == null && english && (predicate == RdfsLabel || predicate == SkosPrefLabel))
            {
                subject.Label = value;
            }
            return true;
        }

        private bool ReadBlankNodePropertyList()
        {
            Advance();
            if (_token.Kind == TokenKind.CloseBracket)
            {
                Advance();
                return true;
            }
            return ReadPredicateObjectList(null) && Expect(TokenKind.CloseBracket, "expected ']' to close the blank node");
        }

        private bool ReadCollection()
        {
            Advance();
            while (_token.Kind != TokenKind.CloseParen)
            {
                if (_token.Kind == TokenKind.End)
                {
                    return Fail("expected ')' to close the collection");
                }
                if (!ReadObject(null, null))
                {
                    return false;
                }
            }
            Advance();
            return true;
        }

        private bool Expect(TokenKind kind, string message)
        {
            if (_token.Kind != kind)
            {
                return Fail(message);
            }
            Advance();
            return true;
        }

        private bool Fail(string message)
        {
            // A lexical error token already recorded its own message.
            if (_token.Kind != TokenKind.Error)
            {
                _errors.Add(new ScanError(_token.Position, message + FoundSuffix()));
            }
            return false;
        }

        private string FoundSuffix() => _token.Kind == TokenKind.End ? " (found the end of the file)" : string.Empty;

        private void SkipPastDot()
        {
            while (_token.Kind != TokenKind.End && !_lexicalError)
            {
                bool dot = _token.Kind == TokenKind.Dot;
                Advance();
                if (dot)
                {
                    return;
                }
            }
        }

        private bool TryResolveTerm(out string iri)
        {
            if (_token.Kind == TokenKind.Iri)
            {
                return TryResolve(_token.Text, out iri);
            }
            if (_prefixes.TryGetValue(_token.Prefix!, out string? ns))
            {
                iri = ns + _token.Text;
                return true;
            }
            iri = string.Empty;
            return Fail("undefined prefix '" + _token.Prefix + ":'");
        }

        /// <summary>Absolute IRIs pass; relative ones join the base by the simple RFC 3986 cases.</summary>
        private bool TryResolve(string reference, out string iri)
        {
            iri = reference;
            if (HasScheme(reference))
            {
                return true;
            }
            if (_base == null)
            {
                return Fail("relative IRI <" + reference + "> without a base");
            }
            if (reference.Length == 0)
            {
                iri = StripFragment(_base);
            }
            else if (reference[0] == '#')
            {
                iri = StripFragment(_base) + reference;
            }
            else if (reference[0] == '/')
            {
                int authorityEnd = _base.IndexOf('/', _base.IndexOf("//", StringComparison.Ordinal) + 2);
                iri = (authorityEnd < 0 ? _base : _base.Substring(0, authorityEnd)) + reference;
            }
            else
            {
                iri = _base.Substring(0, _base.LastIndexOf('/') + 1) + reference;
            }
            return true;
        }

        private static string StripFragment(string iri)
        {
            int hash = iri.IndexOf('#');
            return hash < 0 ? iri : iri.Substring(0, hash);
        }

        private static bool HasScheme(string iri)
        {
            for (int i = 0; i < iri.Length; i++)
            {
                char c = iri[i];
                if (c == ':')
                {
                    return i > 0;
                }
                bool schemeChar = IsAsciiLetter(c) || (i > 0 && (IsAsciiDigit(c) || c == '+' || c == '-' || c == '.'));
                if (!schemeChar)
                {
                    return false;
                }
            }
            return false;
        }

        // ------------------------------------------------------------------ tokens

        private void Advance()
        {
            _token = NextToken();
            if (_token.Kind == TokenKind.Error)
            {
                _lexicalError = true;
                _errors.Add(new ScanError(_token.Position, _token.Text));
            }
        }

        private FilePosition Position => new FilePosition(_line, _pos - _lineStart + 1);

        private Token NextToken()
        {
            SkipWhitespaceAndComments();
            FilePosition start = Position;
            if (_pos >= _text.Length)
            {
                return new Token(TokenKind.End, string.Empty, start);
            }
            char c = _text[_pos];
            switch (c)
            {
                case '<':
                    return ReadIri(start);
                case '"':
                case '\'':
                    return ReadString(start, c);
                case '@':
                    return ReadAtKeyword(start);
                case '^':
                    if (Peek(1) == '^')
                    {
                        _pos += 2;
                        return new Token(TokenKind.DoubleCaret, "^^", start);
                    }
                    return Error(start, "expected '^^'");
                case '_' when Peek(1) == ':':
                    _pos += 2;
                    return new Token(TokenKind.BlankNodeLabel, ReadNameChars(allowColon: false), start);
                case '.' when !IsAsciiDigit(Peek(1)):
                    return Punctuation(TokenKind.Dot, start);
                case ';':
                    return Punctuation(TokenKind.Semicolon, start);
                case ',':
                    return Punctuation(TokenKind.Comma, start);
                case '[':
                    return Punctuation(TokenKind.OpenBracket, start);
                case ']':
                    return Punctuation(TokenKind.CloseBracket, start);
                case '(':
                    return Punctuation(TokenKind.OpenParen, start);
                case ')':
                    return Punctuation(TokenKind.CloseParen, start);
            }
            if (IsAsciiDigit(c) || c == '+' || c == '-' || c == '.')
            {
                return ReadNumber(start);
            }
            return ReadNameOrKeyword(start);
        }

        private Token Punctuation(TokenKind kind, FilePosition start)
        {
            _pos++;
            return new Token(kind, string.Empty, start);
        }

        private Token Error(FilePosition start, string message) => new Token(TokenKind.Error, message, start);

        private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

        private void SkipWhitespaceAndComments()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == '\n')
                {
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                }
                else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF')
                {
                    _pos++;
                }
                else if (c == '#')
                {
                    while (_pos < _text.Length && _text[_pos] != '\n')
                    {
                        _pos++;
                    }
                }
                else
                {
                    return;
                }
            }
        }

        private Token ReadIri(FilePosition start)
        {
            int end = _pos + 1;
            while (end < _text.Length && _text[end] != '>')
            {
                char c = _text[end];
                if (c == '\n' || c == ' ' || c == '<' || c == '"' || c == '{' || c == '}')
                {
                    return Error(start, "IRI not closed by '>' (or a character not allowed in an IRI)");
                }
                end++;
            }
            if (end >= _text.Length)
            {
                return Error(start, "IRI not closed by '>'");
            }
            string raw = _text.Substring(_pos + 1, end - _pos - 1);
            _pos = end + 1;
            return raw.IndexOf('\\') < 0
                ? new Token(TokenKind.Iri, raw, start)
                : Unescape(raw, start, allowCharacterEscapes: false, TokenKind.Iri);
        }

        private Token ReadString(FilePosition start, char quote)
        {
            bool isLong = Peek(1) == quote && Peek(2) == quote;
            int contentStart = _pos + (isLong ? 3 : 1);
            int i = contentStart;
            while (i < _text.Length)
            {
                char c = _text[i];
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }
                if (c == quote && (!isLong || (i + 2 < _text.Length && _text[i + 1] == quote && _text[i + 2] == quote)))
                {
                    break;
                }
                if (!isLong && (c == '\n' || c == '\r'))
                {
                    return Error(start, "string not closed before the end of the line");
                }
                i++;
            }
            if (i >= _text.Length)
            {
                return Error(start, "string not closed before the end of the file");
            }
            string raw = _text.Substring(contentStart, i - contentStart);
            // Keep line numbers right across the newlines of a long string.
            for (int j = _pos; j < i; j++)
            {
                if (_text[j] == '\n')
                {
                    _line++;
                    _lineStart = j + 1;
                }
            }
            _pos = i + (isLong ? 3 : 1);
            return raw.IndexOf('\\') < 0
                ? new Token(TokenKind.String, raw, start)
                : Unescape(raw, start, allowCharacterEscapes: true, TokenKind.String);
        }

        private Token Unescape(string raw, FilePosition start, bool allowCharacterEscapes, TokenKind kind)
        {
            var builder = new StringBuilder(raw.Length);
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }
                char e = i + 1 < raw.Length ? raw[i + 1] : '\0';
                if (e == 'u' || e == 'U')
                {
                    int digits = e == 'u' ? 4 : 8;
                    if (!TryParseHex(raw, i + 2, digits, out int codePoint) || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
                    {
                        return Error(start, "bad \\" + e + " escape");
                    }
                    builder.Append(char.ConvertFromUtf32(codePoint));
                    i += 1 + digits;
                    continue;
                }
                string? replacement = allowCharacterEscapes ? CharacterEscape(e) : null;
                if (replacement == null)
                {
                    return Error(start, "bad escape '\\" + e + "'");
                }
                builder.Append(replacement);
                i++;
            }
            return new Token(kind, builder.ToString(), start);
        }

        private static string? CharacterEscape(char e)
        {
            switch (e)
            {
                case 't': return "\t";
                case 'b': return "\b";
                case 'n': return "\n";
                case 'r': return "\r";
                case 'f': return "\f";
                case '"': return "\"";
                case '\'': return "'";
                case '\\': return "\\";
                default: return null;
            }
        }

        private static bool TryParseHex(string text, int start, int length, out int value)
        {
            value = 0;
            if (start + length > text.Length)
            {
                return false;
            }
            for (int i = start; i < start + length; i++)
            {
                char c = text[i];
                int digit = IsAsciiDigit(c) ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : -1;
                if (digit < 0)
                {
                    return false;
                }
                value = value * 16 + digit;
            }
            return true;
        }

        private Token ReadAtKeyword(FilePosition start)
        {
            int i = _pos + 1;
            while (i < _text.Length && (IsAsciiLetter(_text[i]) || IsAsciiDigit(_text[i]) || _text[i] == '-'))
            {
                i++;
            }
            string word = _text.Substring(_pos + 1, i - _pos - 1);
            _pos = i;
            if (word.Length == 0)
            {
                return Error(start, "expected a language tag or a directive after '@'");
            }
            return word == "prefix" ? new Token(TokenKind.PrefixDirective, word, start)
                : word == "base" ? new Token(TokenKind.BaseDirective, word, start)
                : new Token(TokenKind.LangTag, word, start);
        }

        private Token ReadNumber(FilePosition start)
        {
            int i = _pos;
            if (_text[i] == '+' || _text[i] == '-')
            {
                i++;
            }
            int digits = 0;
            while (i < _text.Length && IsAsciiDigit(_text[i]))
            {
                i++;
                digits++;
            }
            if (i + 1 < _text.Length && _text[i] == '.' && IsAsciiDigit(_text[i + 1]))
            {
                i++;
                while (i < _text.Length && IsAsciiDigit(_text[i]))
                {
                    i++;
                    digits++;
                }
            }
            if (digits == 0)
            {
                return Error(start, "unexpected '" + _text[_pos] + "'");
            }
            if (i < _text.Length && (_text[i] == 'e' || _text[i] == 'E'))
            {
                int j = i + 1;
                if (j < _text.Length && (_text[j] == '+' || _text[j] == '-'))
                {
                    j++;
                }
                if (j >= _text.Length || !IsAsciiDigit(_text[j]))
                {
                    return Error(start, "exponent without digits");
                }
                while (j < _text.Length && IsAsciiDigit(_text[j]))
                {
                    j++;
                }
                i = j;
            }
            _pos = i;
            return new Token(TokenKind.Number, string.Empty, start);
        }

        private Token ReadNameOrKeyword(FilePosition start)
        {
            string word = ReadNameChars(allowColon: false);
            if (_pos < _text.Length && _text[_pos] == ':')
            {
                if (word.EndsWith(".", StringComparison.Ordinal))
                {
                    return Error(start, "a prefix cannot end with '.'");
                }
                _pos++;
                string local = ReadNameChars(allowColon: true);
                if (local.IndexOf('\\') >= 0)
                {
                    local = UnescapeLocalName(local);
                }
                return new Token(TokenKind.PrefixedName, local, start, word);
            }
            if (word.Length == 0)
            {
                _pos++;
                return Error(start, "unexpected '" + _text[_pos - 1] + "'");
            }
            if (word == "a")
            {
                return new Token(TokenKind.A, word, start);
            }
            if (word == "true" || word == "false")
            {
                return new Token(TokenKind.Boolean, word, start);
            }
            if (word.Equals("PREFIX", StringComparison.OrdinalIgnoreCase))
            {
                return new Token(TokenKind.SparqlPrefix, word, start);
            }
            if (word.Equals("BASE", StringComparison.OrdinalIgnoreCase))
            {
                return new Token(TokenKind.SparqlBase, word, start);
            }
            return Error(start, "unexpected '" + word + "'");
        }

        /// <summary>Reads PN_CHARS (and '\' escapes, '%', ':' in local names); a trailing '.' stays for the statement.</summary>
        private string ReadNameChars(bool allowColon)
        {
            int start = _pos;
            int i = _pos;
            while (i < _text.Length)
            {
                char c = _text[i];
                if (c == '\\' && allowColon && i + 1 < _text.Length)
                {
                    i += 2;
                }
                else if (IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_' || c == '-' || c == '.'
                    || (allowColon && (c == ':' || c == '%'))
                    || (c >= 0x80 && !char.IsWhiteSpace(c)))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }
            while (i > start && _text[i - 1] == '.')
            {
                i--;
            }
            _pos = i;
            return _text.Substring(start, i - start);
        }

        private static string UnescapeLocalName(string local)
        {
            var builder = new StringBuilder(local.Length);
            for (int i = 0; i < local.Length; i++)
            {
                if (local[i] == '\\' && i + 1 < local.Length)
                {
                    i++;
                }
                builder.Append(local[i]);
            }
            return builder.ToString();
        }

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';
    }
}
