using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Reasoning.Rules;

/// <summary>What reading a rule text gives: the rules that parsed and every error found.</summary>
public sealed record RuleDocument(ImmutableArray<Rule> Rules, ImmutableArray<RuleError> Errors, IReadOnlyDictionary<string, string> Prefixes)
{
    public bool Succeeded => Errors.IsEmpty;
}

/// <summary>
/// Reads the rule syntax documented in ontology/rules/README.md:
/// <code>
/// PREFIX rdfs: &lt;http://www.w3.org/2000/01/rdf-schema#&gt;
/// @source &lt;https://example.org/clause/1&gt;
/// [rdfs9: (?x rdf:type ?d) &lt;- (?c rdfs:subClassOf ?d), (?x rdf:type ?c)]
/// </code>
/// Errors are collected; after one, reading resumes at the next line that starts a rule or directive.
/// </summary>
public static class RuleParser
{
    public static RuleDocument Parse(string text, string? fileName = null, IReadOnlyDictionary<string, string>? prefixes = null)
    {
        var reader = new Reader(text, fileName, prefixes);
        reader.ReadDocument();
        return new RuleDocument([.. reader.Rules], [.. reader.Errors], reader.Prefixes);
    }

    public static RuleDocument ParseFile(string path) => Parse(File.ReadAllText(path), path);

    private sealed class ParseFailure : Exception { }

    private sealed class Reader(string text, string? file, IReadOnlyDictionary<string, string>? initialPrefixes)
    {
        public readonly List<Rule> Rules = [];
        public readonly List<RuleError> Errors = [];
        public readonly Dictionary<string, string> Prefixes = new(initialPrefixes ?? DefaultPrefixes);

        private static readonly Dictionary<string, string> DefaultPrefixes = new()
        {
            ["rdf"] = Vocab.Rdf.Namespace,
            ["rdfs"] = Vocab.Rdfs.Namespace,
            ["xsd"] = Vocab.Xsd.Namespace,
            ["owl"] = Vocab.Owl.Namespace,
            ["skos"] = Vocab.Skos.Namespace,
        };

        private int _pos, _line = 1, _col = 1;
        private Iri? _pendingSource;
        private readonly HashSet<string> _ids = [];

        private TextPosition Here => new(_line, _col, _pos);
        private char Peek(int ahead = 0) => _pos + ahead < text.Length ? text[_pos + ahead] : '\0';
        private bool AtEnd => _pos >= text.Length;

        private void Advance()
        {
            if (text[_pos] == '\n') { _line++; _col = 1; } else _col++;
            _pos++;
        }

        public void ReadDocument()
        {
            while (true)
            {
                SkipTrivia();
                if (AtEnd) break;
                try
                {
                    if (Peek() == '[') ReadRule();
                    else if (Peek() == '@') ReadDirective();
                    else if (MatchesKeyword("PREFIX")) ReadPrefix();
                    else Fail(Here, $"expected a rule '[', PREFIX or @source, found {Describe()}");
                }
                catch (ParseFailure)
                {
                    Recover();
                }
            }
            if (_pendingSource is not null) Errors.Add(new RuleError(new SourceSpan(file, Here, Here), "@source is not followed by a rule"));
        }

        private void Recover()
        {
            // Resume at the next line whose first non-blank character starts a rule or a directive.
            while (!AtEnd)
            {
                if (Peek() == '\n')
                {
                    Advance();
                    int save = _pos, line = _line, col = _col;
                    while (!AtEnd && Peek() is ' ' or '\t' or '\r') Advance();
                    if (Peek() is '[' or '@' || MatchesKeyword("PREFIX")) return;
                    _pos = save; _line = line; _col = col;
                    continue;
                }
                Advance();
            }
        }

        private bool MatchesKeyword(string keyword) =>
            string.CompareOrdinal(text, _pos, keyword, 0, keyword.Length) == 0 && !IsNameChar(Peek(keyword.Length));

        private void SkipTrivia()
        {
            while (!AtEnd)
            {
                char c = Peek();
                if (c is ' ' or '\t' or '\r' or '\n') Advance();
                else if (c == '#') { while (!AtEnd && Peek() != '\n') Advance(); }
                else break;
            }
        }

        private string Describe() => AtEnd ? "end of input" : $"'{Peek()}'";

        private ParseFailure Fail(TextPosition at, string message)
        {
            Errors.Add(new RuleError(new SourceSpan(file, at, Here), message));
            throw new ParseFailure();
        }

        private void Expect(char c)
        {
            SkipTrivia();
            if (Peek() != c) Fail(Here, $"expected '{c}', found {Describe()}");
            Advance();
        }

        private void ReadPrefix()
        {
            for (int i = 0; i < "PREFIX".Length; i++) Advance();
            SkipTrivia();
            var start = Here;
            var name = ReadName();
            if (Peek() != ':') Fail(start, $"expected 'name:' after PREFIX, found {Describe()}");
            Advance();
            SkipTrivia();
            if (Peek() != '<') Fail(Here, $"expected <namespace IRI> after PREFIX {name}:, found {Describe()}");
            Prefixes[name] = ReadIriRef();
        }

        private void ReadDirective()
        {
            var start = Here;
            Advance();
            var name = ReadName();
            if (name != "source") Fail(start, $"unknown directive '@{name}' (known: @source)");
            SkipTrivia();
            var at = Here;
            var term = ReadTerm();
            if (term is not Constant { Value: Iri iri }) throw Fail(at, "@source needs an IRI");
            if (_pendingSource is not null) Fail(start, "two @source directives for one rule");
            _pendingSource = iri;
        }

        private void ReadRule()
        {
            var start = Here;
            var source = _pendingSource;
            _pendingSource = null;
            Advance(); // [
            SkipTrivia();
            var idAt = Here;
            var id = ReadName();
            if (id.Length == 0) Fail(idAt, $"expected a rule id, found {Describe()}");
            Expect(':');
            var head = ReadAtom();
            var body = new List<Atom>();
            var negated = new List<Atom>();
            var builtins = new List<Builtin>();
            SkipTrivia();
            if (Peek() == '<' && Peek(1) == '-')
            {
                Advance(); Advance();
                SkipTrivia();
                if (Peek() != ']')
                {
                    while (true)
                    {
                        ReadBodyItem(body, negated, builtins);
                        SkipTrivia();
                        if (Peek() != ',') break;
                        Advance();
                    }
                }
            }
            SkipTrivia();
            if (Peek() != ']') Fail(Here, $"expected ',' or ']' in rule {id}, found {Describe()}");
            Advance();
            var span = new SourceSpan(file, start, Here);
            if (!_ids.Add(id)) { Errors.Add(new RuleError(new SourceSpan(file, idAt, idAt), $"duplicate rule id '{id}'")); return; }
            Rules.Add(new Rule(new RuleId(id), head, [.. body], [.. negated], [.. builtins]) { Source = source, Span = span });
        }

        private void ReadBodyItem(List<Atom> body, List<Atom> negated, List<Builtin> builtins)
        {
            SkipTrivia();
            var start = Here;
            if (Peek() == '(') { body.Add(ReadAtom()); return; }
            if (MatchesKeyword("not"))
            {
                for (int i = 0; i < 3; i++) Advance();
                negated.Add(ReadAtom());
                return;
            }
            if (char.IsLetter(Peek()) && !LooksLikePrefixedName())
            {
                var name = ReadName();
                BuiltinKind? kind = name switch
                {
                    "isIri" => BuiltinKind.IsIri,
                    "isBlank" => BuiltinKind.IsBlank,
                    "isLiteral" => BuiltinKind.IsLiteral,
                    "notLiteral" => BuiltinKind.NotLiteral,
                    _ => null,
                };
                if (kind is null) Fail(start, $"unknown builtin '{name}' (known: isIri, isBlank, isLiteral, notLiteral, =, !=, <, <=, >, >=)");
                Expect('(');
                SkipTrivia();
                var arg = ReadTerm();
                Expect(')');
                builtins.Add(new Builtin(kind!.Value, [arg]) { Span = new SourceSpan(file, start, Here) });
                return;
            }
            var left = ReadTerm();
            SkipTrivia();
            var opAt = Here;
            BuiltinKind op;
            if (Peek() == '!' && Peek(1) == '=') { op = BuiltinKind.NotEqual; Advance(); Advance(); }
            else if (Peek() == '<' && Peek(1) == '=') { op = BuiltinKind.LessOrEqual; Advance(); Advance(); }
            else if (Peek() == '>' && Peek(1) == '=') { op = BuiltinKind.GreaterOrEqual; Advance(); Advance(); }
            else if (Peek() == '=') { op = BuiltinKind.Equal; Advance(); }
            else if (Peek() == '<') { op = BuiltinKind.LessThan; Advance(); }
            else if (Peek() == '>') { op = BuiltinKind.GreaterThan; Advance(); }
            else throw Fail(opAt, $"expected an atom '(', 'not', a builtin or a comparison operator, found {Describe()}");
            SkipTrivia();
            var right = ReadTerm();
            builtins.Add(new Builtin(op, [left, right]) { Span = new SourceSpan(file, start, Here) });
        }

        private bool LooksLikePrefixedName()
        {
            int i = _pos;
            while (i < text.Length && IsNameChar(text[i])) i++;
            return i < text.Length && text[i] == ':';
        }

        private Atom ReadAtom()
        {
            SkipTrivia();
            var start = Here;
            if (Peek() != '(') Fail(start, $"expected an atom '(subject predicate object)', found {Describe()}");
            Advance();
            SkipTrivia();
            var s = ReadTerm();
            SkipTrivia();
            var pAt = Here;
            var p = ReadTerm(predicatePosition: true);
            SkipTrivia();
            var o = ReadTerm();
            SkipTrivia();
            if (Peek() != ')') Fail(Here, $"expected ')' closing the atom, found {Describe()}");
            Advance();
            if (p is Constant { Value: not Iri }) Fail(pAt, "a predicate must be an IRI or a variable");
            if (s is Constant { Value: Literal }) Fail(start, "a subject must not be a literal");
            return new Atom(s, p, o) { Span = new SourceSpan(file, start, Here) };
        }

        private RuleTerm ReadTerm(bool predicatePosition = false)
        {
            SkipTrivia();
            var start = Here;
            char c = Peek();
            if (c == '?')
            {
                Advance();
                var name = ReadName();
                if (name.Length == 0) Fail(start, "expected a variable name after '?'");
                return new Variable(name);
            }
            if (c == '<') return new Constant(new Iri(ReadIriRef()));
            if (c == '"') return new Constant(ReadLiteral());
            if (c == '_' && Peek(1) == ':') throw Fail(start, "blank nodes are not allowed in rules; use a variable or an IRI");
            if (c is '+' or '-' || char.IsAsciiDigit(c)) return new Constant(ReadNumber(start));
            if (IsNameStart(c) || c == ':')
            {
                var prefix = ReadName();
                if (Peek() != ':')
                {
                    if (prefix == "a" && predicatePosition) return new Constant(Vocab.Rdf.Type);
                    if (prefix is "true" or "false") return new Constant(new Literal(prefix, Vocab.Xsd.Boolean));
                    throw Fail(start, $"expected a term, found '{prefix}' (a prefixed name needs 'prefix:')");
                }
                Advance();
                var local = ReadLocalName();
                if (!Prefixes.TryGetValue(prefix, out var ns)) throw Fail(start, $"undeclared prefix '{prefix}:'");
                return new Constant(new Iri(ns + local));
            }
            throw Fail(start, $"expected a term (?variable, <iri>, prefix:name or literal), found {Describe()}");
        }

        private string ReadIriRef()
        {
            var start = Here;
            Advance(); // <
            var sb = new StringBuilder();
            while (!AtEnd && Peek() != '>')
            {
                char c = Peek();
                if (c is ' ' or '\n' or '\t' or '<' or '"') Fail(start, "unterminated or malformed <IRI>");
                sb.Append(c);
                Advance();
            }
            if (AtEnd) Fail(start, "unterminated <IRI>");
            Advance();
            var iri = sb.ToString();
            if (!iri.Contains(':')) Fail(start, $"<{iri}> is not an absolute IRI");
            return iri;
        }

        private Literal ReadLiteral()
        {
            var start = Here;
            Advance(); // "
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd || Peek() == '\n') throw Fail(start, "unterminated string literal");
                char c = Peek();
                if (c == '"') { Advance(); break; }
                if (c == '\\')
                {
                    Advance();
                    char e = Peek();
                    switch (e)
                    {
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        case 'r': sb.Append('\r'); break;
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        default: Fail(Here, $"unknown escape '\\{e}'"); break;
                    }
                    Advance();
                    continue;
                }
                sb.Append(c);
                Advance();
            }
            var lexical = sb.ToString();
            if (Peek() == '@')
            {
                Advance();
                var tag = new StringBuilder();
                while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '-') { tag.Append(Peek()); Advance(); }
                if (tag.Length == 0) Fail(Here, "expected a language tag after '@'");
                return new Literal(lexical, tag.ToString());
            }
            if (Peek() == '^' && Peek(1) == '^')
            {
                Advance(); Advance();
                var at = Here;
                if (ReadTerm() is not Constant { Value: Iri datatype }) throw Fail(at, "expected a datatype IRI after '^^'");
                return new Literal(lexical, datatype);
            }
            return new Literal(lexical);
        }

        private Literal ReadNumber(TextPosition start)
        {
            var sb = new StringBuilder();
            if (Peek() is '+' or '-') { sb.Append(Peek()); Advance(); }
            bool dot = false;
            while (char.IsAsciiDigit(Peek()) || (Peek() == '.' && !dot && char.IsAsciiDigit(Peek(1))))
            {
                if (Peek() == '.') dot = true;
                sb.Append(Peek());
                Advance();
            }
            var s = sb.ToString();
            if (!decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) throw Fail(start, $"malformed number '{s}'");
            return new Literal(s, dot ? Vocab.Xsd.Decimal : Vocab.Xsd.Integer);
        }

        private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';
        private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.';

        private string ReadName()
        {
            int start = _pos;
            while (!AtEnd && IsNameChar(Peek())) Advance();
            // A trailing dot belongs to the text around, not to the name.
            while (_pos > start && text[_pos - 1] == '.') { _pos--; _col--; }
            return text[start.._pos];
        }

        private string ReadLocalName()
        {
            var sb = new StringBuilder();
            while (!AtEnd && (IsNameChar(Peek()) || Peek() == ':' || Peek() == '%')) { sb.Append(Peek()); Advance(); }
            while (sb.Length > 0 && sb[^1] == '.') { sb.Length--; _pos--; _col--; }
            return sb.ToString();
        }
    }
}
