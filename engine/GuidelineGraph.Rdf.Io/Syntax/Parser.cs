using System.Runtime.CompilerServices;

namespace GuidelineGraph.Rdf.Io.Syntax;

/// <summary>
/// The grammar of N-Triples, N-Quads, Turtle and TriG over <see cref="Lexer"/> tokens: recursive descent
/// with a bounded depth, one statement at a time. A failed statement leaves no quads; in recovering mode
/// the parser skips to the next '.' (or '}' in a TriG graph) and goes on.
/// </summary>
internal sealed class Parser
{
    /// <summary>Nesting of '[' and '(' allowed; deeper input is reported, never a stack overflow.</summary>
    public const int MaxDepth = 500;

    private readonly Lexer _lex;
    private readonly RdfFormat _format;
    private readonly bool _isTurtleFamily, _isDataset;
    private readonly bool _recover;
    private readonly int _maxErrors;
    private readonly List<SyntaxError> _errors = [];
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private readonly TermCache _terms = new();
    private char[] _lexical = new char[256];
    private readonly Dictionary<string, string> _languages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _languageLookup;
    private readonly string? _blankNodeScope;
    private readonly string _anonymousPrefix = "anon" + Random.Shared.Next().ToString("x8") + "_";
    private long _anonymousCount;

    private IriResolver? _base;
    // The prefix of the previous prefixed name: runs of names share one.
    private string? _lastPrefix, _lastNamespace;
    private List<Quad> _out = [];
    private Term? _graph;
    private bool _inGraphBlock;
    private int _depth;
    private bool _finished;
    private readonly CancellationToken _cancellation;

    public Parser(CharSource source, RdfReadOptions options, CancellationToken cancellation = default)
    {
        _cancellation = cancellation;
        _lex = new Lexer(source);
        _format = options.Format;
        _isTurtleFamily = _format is RdfFormat.Turtle or RdfFormat.TriG;
        _isDataset = _format is RdfFormat.NQuads or RdfFormat.TriG;
        _recover = options.Recover;
        _maxErrors = Math.Max(1, options.MaxErrors);
        _blankNodeScope = options.BlankNodeScope;
        _prefixLookup = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _languageLookup = _languages.GetAlternateLookup<ReadOnlySpan<char>>();
        if (options.BaseIri is not null && IriResolver.TryCreate(options.BaseIri, out var resolver)) _base = resolver;
        _lex.Next();
    }

    public IReadOnlyList<SyntaxError> Errors => _errors;
    public IReadOnlyDictionary<string, string> Prefixes => _prefixes;
    public string? BaseIri => _base?.Base;

    /// <summary>Parses statements into <paramref name="into"/> until it holds enough quads; false once the input is done.</summary>
    public bool ReadBatch(List<Quad> into, int wanted = 512)
    {
        if (_finished) return false;
        _out = into;
        while (into.Count < wanted)
        {
            _cancellation.ThrowIfCancellationRequested();
            if (_lex.Kind == TokenKind.End)
            {
                if (_inGraphBlock) Fail("'}' to close the graph");
                _finished = true;
                return into.Count > 0;
            }
            int mark = into.Count;
            if (ParseStatement()) continue;
            into.RemoveRange(mark, into.Count - mark);
            if (!_recover || _errors.Count >= _maxErrors || _lex.Fatal)
            {
                _finished = true;
                return into.Count > 0;
            }
            Synchronize();
        }
        return true;
    }

    private void Synchronize()
    {
        _depth = 0;
        if (!_isTurtleFamily)
        {
            // One statement a line: the next line is the next statement.
            int line = _lex.Start.Line;
            while (_lex.Kind != TokenKind.End && _lex.Start.Line == line && !_lex.Fatal) _lex.Next();
            return;
        }
        if (_lex.Kind == TokenKind.Error && _lex.ErrorEndsStatement)
        {
            _lex.Next();
            return;
        }
        while (true)
        {
            switch (_lex.Kind)
            {
                case TokenKind.End:
                    return;
                case TokenKind.Error when _lex.Fatal:
                    _finished = true;
                    return;
                case TokenKind.Dot:
                    _lex.Next();
                    return;
                case TokenKind.CloseBrace when _isTurtleFamily:
                    _lex.Next();
                    _inGraphBlock = false;
                    _graph = null;
                    return;
                default:
                    _lex.Next();
                    break;
            }
        }
    }

    private bool ParseStatement()
    {
        var kind = _lex.Kind;
        if (kind == TokenKind.Error) return Fail("");
        if (!_isTurtleFamily) return ParseNQuadsStatement();
        if (_inGraphBlock)
        {
            if (kind == TokenKind.CloseBrace)
            {
                _lex.Next();
                _inGraphBlock = false;
                _graph = null;
                return true;
            }
            if (!ParseTriples(allowGraph: false)) return false;
            if (_lex.Kind == TokenKind.Dot) _lex.Next();
            else if (_lex.Kind != TokenKind.CloseBrace) return Fail("'.' or '}'");
            return true;
        }
        switch (kind)
        {
            case TokenKind.AtPrefix:
                _lex.Next();
                return ParsePrefix(requireDot: true);
            case TokenKind.AtBase:
                _lex.Next();
                return ParseBase(requireDot: true);
            case TokenKind.Word when IsKeyword("PREFIX"):
                _lex.Next();
                return ParsePrefix(requireDot: false);
            case TokenKind.Word when IsKeyword("BASE"):
                _lex.Next();
                return ParseBase(requireDot: false);
            case TokenKind.Word when _format == RdfFormat.TriG && IsKeyword("GRAPH"):
                {
                    _lex.Next();
                    var name = ParseGraphLabel();
                    if (name is null) return false;
                    return OpenGraph(name);
                }
            case TokenKind.OpenBrace when _format == RdfFormat.TriG:
                _lex.Next();
                _inGraphBlock = true;
                _graph = null;
                return true;
            default:
                if (!ParseTriples(allowGraph: _format == RdfFormat.TriG)) return false;
                if (_inGraphBlock) return true;
                return Expect(TokenKind.Dot, "'.'");
        }
    }

    private bool IsKeyword(string keyword) => _lex.Value.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private bool OpenGraph(Term name)
    {
        if (_lex.Kind != TokenKind.OpenBrace) return Fail("'{' to open a graph");
        _lex.Next();
        _inGraphBlock = true;
        _graph = name;
        return true;
    }

    private Term? ParseGraphLabel()
    {
        switch (_lex.Kind)
        {
            case TokenKind.IriRef:
            case TokenKind.PrefixedName:
            case TokenKind.BlankNodeLabel:
                return ParseTermToken();
            case TokenKind.OpenBracket:
                _lex.Next();
                if (_lex.Kind != TokenKind.CloseBracket)
                {
                    Fail("']' (a graph name is an IRI or a blank node)");
                    return null;
                }
                _lex.Next();
                return NewBlankNode();
            default:
                Fail("a graph name (IRI or blank node)");
                return null;
        }
    }

    private bool ParsePrefix(bool requireDot)
    {
        if (_lex.Kind != TokenKind.PrefixedName || _lex.Value.Length != _lex.PrefixLength + 1) return Fail("a prefix name ending in ':'");
        string prefix = _lex.Value[.._lex.PrefixLength].ToString();
        _lex.Next();
        if (_lex.Kind != TokenKind.IriRef) return Fail("an IRI in <>");
        var ns = ResolveIriToken();
        if (ns is null) return false;
        _lex.Next();
        if (requireDot && !Expect(TokenKind.Dot, "'.' after @prefix")) return false;
        if (_prefixes.ContainsKey(prefix)) _terms.PrefixedNames.Clear();
        _prefixes[prefix] = ns.Value;
        _lastPrefix = null;
        return true;
    }

    private bool ParseBase(bool requireDot)
    {
        if (_lex.Kind != TokenKind.IriRef) return Fail("an IRI in <>");
        var iri = ResolveIriToken();
        if (iri is null) return false;
        _lex.Next();
        if (requireDot && !Expect(TokenKind.Dot, "'.' after @base")) return false;
        _base = new IriResolver(iri.Value);
        _terms.Iris.Clear();
        return true;
    }

    private bool Expect(TokenKind kind, string what)
    {
        if (_lex.Kind != kind) return Fail(what);
        _lex.Next();
        return true;
    }

    // ---- N-Triples / N-Quads

    private bool ParseNQuadsStatement()
    {
        Term? subject = _lex.Kind switch
        {
            TokenKind.IriRef => ParseTermToken(),
            TokenKind.BlankNodeLabel => ParseTermToken(),
            _ => FailTerm("a subject (IRI or blank node)"),
        };
        if (subject is null) return false;
        if (_lex.Kind != TokenKind.IriRef) return Fail("a predicate IRI");
        var predicate = (Iri?)ParseTermToken();
        if (predicate is null) return false;
        Term? obj = _lex.Kind switch
        {
            TokenKind.IriRef or TokenKind.BlankNodeLabel => ParseTermToken(),
            TokenKind.String => ParseLiteral(),
            _ => FailTerm("an object (IRI, blank node or literal)"),
        };
        if (obj is null) return false;
        Term? graph = null;
        if (_isDataset && _lex.Kind is TokenKind.IriRef or TokenKind.BlankNodeLabel)
        {
            graph = ParseTermToken();
            if (graph is null) return false;
        }
        if (_lex.Kind != TokenKind.Dot) return Fail(_isDataset && graph is null ? "'.' or a graph name" : "'.'");
        _lex.Next();
        _out.Add(new Quad(subject, predicate, obj, graph));
        return true;
    }

    // ---- Turtle / TriG

    private bool ParseTriples(bool allowGraph)
    {
        Term? subject;
        switch (_lex.Kind)
        {
            case TokenKind.IriRef:
            case TokenKind.PrefixedName:
            case TokenKind.BlankNodeLabel:
                subject = ParseTermToken();
                if (subject is null) return false;
                if (allowGraph && _lex.Kind == TokenKind.OpenBrace) return OpenGraph(subject);
                return ParsePredicateObjectList(subject);
            case TokenKind.OpenBracket:
                {
                    _lex.Next();
                    if (_lex.Kind == TokenKind.CloseBracket)
                    {
                        _lex.Next();
                        subject = NewBlankNode();
                        if (allowGraph && _lex.Kind == TokenKind.OpenBrace) return OpenGraph(subject);
                        return ParsePredicateObjectList(subject);
                    }
                    var node = NewBlankNode();
                    subject = node;
                    if (!ParseBlankNodeContents(node)) return false;
                    // A blank node property list may stand alone.
                    if (_lex.Kind == TokenKind.Dot || (_inGraphBlock && _lex.Kind == TokenKind.CloseBrace)) return true;
                    return ParsePredicateObjectList(subject);
                }
            case TokenKind.OpenParen:
                subject = ParseCollection();
                if (subject is null) return false;
                return ParsePredicateObjectList(subject);
            default:
                return Fail(_format == RdfFormat.TriG && !_inGraphBlock
                    ? "a subject, a graph or a directive"
                    : "a subject (IRI, prefixed name, blank node or collection) or a directive");
        }
    }

    private bool ParsePredicateObjectList(Term subject)
    {
        if (!ParseVerbObjects(subject)) return false;
        while (_lex.Kind == TokenKind.Semicolon)
        {
            do _lex.Next(); while (_lex.Kind == TokenKind.Semicolon);
            if (_lex.Kind is TokenKind.Dot or TokenKind.CloseBracket or TokenKind.CloseBrace or TokenKind.End) return true;
            if (!ParseVerbObjects(subject)) return false;
        }
        return true;
    }

    private bool ParseVerbObjects(Term subject)
    {
        Iri? predicate;
        if (_lex.Kind is TokenKind.IriRef or TokenKind.PrefixedName) predicate = (Iri?)ParseTermToken();
        else if (_lex.Kind == TokenKind.Word && _lex.Value.SequenceEqual("a"))
        {
            _lex.Next();
            predicate = Vocab.Rdf.Type;
        }
        else return Fail("a predicate (IRI, prefixed name or 'a')");
        if (predicate is null) return false;
        while (true)
        {
            var obj = ParseObject();
            if (obj is null) return false;
            _out.Add(new Quad(subject, predicate, obj, _graph));
            if (_lex.Kind != TokenKind.Comma) return true;
            _lex.Next();
        }
    }

    private Term? ParseObject()
    {
        switch (_lex.Kind)
        {
            case TokenKind.IriRef:
            case TokenKind.PrefixedName:
            case TokenKind.BlankNodeLabel:
                return ParseTermToken();
            case TokenKind.String:
                return ParseLiteral();
            case TokenKind.Integer:
                return NumericLiteral(Vocab.Xsd.Integer);
            case TokenKind.Decimal:
                return NumericLiteral(Vocab.Xsd.Decimal);
            case TokenKind.Double:
                return NumericLiteral(Vocab.Xsd.Double);
            case TokenKind.Word when _lex.Value.SequenceEqual("true"):
                _lex.Next();
                return TrueLiteral;
            case TokenKind.Word when _lex.Value.SequenceEqual("false"):
                _lex.Next();
                return FalseLiteral;
            case TokenKind.OpenBracket:
                {
                    _lex.Next();
                    var node = NewBlankNode();
                    if (_lex.Kind == TokenKind.CloseBracket)
                    {
                        _lex.Next();
                        return node;
                    }
                    return ParseBlankNodeContents(node) ? node : null;
                }
            case TokenKind.OpenParen:
                return ParseCollection();
            default:
                return FailTerm("an object (IRI, blank node, literal, collection or '[')");
        }
    }

    private static readonly Literal TrueLiteral = new("true", Vocab.Xsd.Boolean);
    private static readonly Literal FalseLiteral = new("false", Vocab.Xsd.Boolean);

    private Literal NumericLiteral(Iri datatype)
    {
        var lit = _terms.Literal(_lex.Value, datatype, null);
        _lex.Next();
        return lit;
    }

    /// <summary>After '[' (already consumed) and a non-empty list: predicateObjectList ']'.</summary>
    private bool ParseBlankNodeContents(BlankNode node)
    {
        if (!Enter()) return false;
        if (!ParsePredicateObjectList(node)) return false;
        _depth--;
        return Expect(TokenKind.CloseBracket, "']'");
    }

    private bool Enter()
    {
        if (++_depth <= MaxDepth && RuntimeHelpers.TryEnsureSufficientExecutionStack()) return true;
        return Fail($"at most {MaxDepth} nested '[' or '(' (nesting too deep)", describeFound: false);
    }

    private Term? ParseCollection()
    {
        // At '('.
        if (!Enter()) return null;
        _lex.Next();
        Term head = Vocab.Rdf.Nil;
        BlankNode? last = null;
        while (_lex.Kind != TokenKind.CloseParen)
        {
            var item = ParseObject();
            if (item is null) return null;
            var cell = NewBlankNode();
            if (last is null) head = cell;
            else _out.Add(new Quad(last, Vocab.Rdf.Rest, cell, _graph));
            _out.Add(new Quad(cell, Vocab.Rdf.First, item, _graph));
            last = cell;
        }
        _lex.Next();
        if (last is not null) _out.Add(new Quad(last, Vocab.Rdf.Rest, Vocab.Rdf.Nil, _graph));
        _depth--;
        return head;
    }

    private Literal? ParseLiteral()
    {
        if (!_isTurtleFamily && _lex.Quote != StringQuote.Double)
        {
            Fail("a string in double quotes (N-Triples has no other quoting)");
            return null;
        }
        // The token's text lives until the next token; keep it for the tag or datatype that may follow.
        var value = _lex.Value;
        if (value.Length > _lexical.Length) _lexical = new char[Math.Max(value.Length, _lexical.Length * 2)];
        value.CopyTo(_lexical);
        int length = value.Length;
        _lex.Next();
        switch (_lex.Kind)
        {
            case TokenKind.LangTag:
            case TokenKind.AtPrefix:
            case TokenKind.AtBase:
                {
                    var tag = _lex.Value;
                    if (!_languageLookup.TryGetValue(tag, out var language))
                    {
                        language = tag.ToString().ToLowerInvariant();
                        if (_languages.Count >= 1024) _languages.Clear();
                        _languages[tag.ToString()] = language;
                    }
                    _lex.Next();
                    return _terms.Literal(_lexical.AsSpan(0, length), Vocab.Rdf.LangString, language);
                }
            case TokenKind.DoubleCaret:
                {
                    _lex.Next();
                    if (_lex.Kind != TokenKind.IriRef && !(_isTurtleFamily && _lex.Kind == TokenKind.PrefixedName))
                    {
                        Fail("a datatype IRI after '^^'");
                        return null;
                    }
                    var datatype = (Iri?)ParseTermToken();
                    return datatype is null ? null : _terms.Literal(_lexical.AsSpan(0, length), datatype, null);
                }
            default:
                return _terms.Literal(_lexical.AsSpan(0, length), Vocab.Xsd.String, null);
        }
    }

    /// <summary>An IRI, prefixed name or blank node label at the current token; consumes it.</summary>
    private Term? ParseTermToken()
    {
        Term? term;
        switch (_lex.Kind)
        {
            case TokenKind.IriRef:
                term = ResolveIriToken();
                break;
            case TokenKind.PrefixedName:
                term = ExpandPrefixedName();
                break;
            default:
                {
                    term = _terms.BlankNode(_lex.Value, _blankNodeScope);
                    break;
                }
        }
        if (term is not null) _lex.Next();
        return term;
    }

    private Iri? ResolveIriToken()
    {
        var raw = _lex.Value;
        uint hash = TermCache.Hash(raw);
        var iri = _terms.Iris.Get(raw, hash);
        if (iri is not null) return iri;
        string value;
        // An absolute IRI is taken as written: dot segments in it are data, not a path to normalise (as in Jena and Oxigraph).
        if (IriResolver.HasScheme(raw)) value = raw.ToString();
        else if (!_isTurtleFamily)
        {
            Fail("an absolute IRI (N-Triples and N-Quads have no relative IRIs)", describeFound: false);
            return null;
        }
        else if (_base is null)
        {
            Fail($"an absolute IRI: <{raw}> is relative and there is no base IRI", describeFound: false);
            return null;
        }
        else value = _base.Resolve(raw);
        iri = new Iri(value);
        _terms.Iris.Add(raw.SequenceEqual(value) ? value : raw.ToString(), hash, iri);
        return iri;
    }

    private Iri? ExpandPrefixedName()
    {
        var name = _lex.Value;
        int colon = _lex.PrefixLength;
        uint hash = TermCache.Hash(name);
        var cached = _terms.PrefixedNames.Get(name, colon, hash);
        if (cached is not null) return cached;
        string? ns;
        if (_lastPrefix is not null && name[..colon].SequenceEqual(_lastPrefix)) ns = _lastNamespace;
        else if (_prefixLookup.TryGetValue(name[..colon], out var prefix, out ns))
        {
            _lastPrefix = prefix;
            _lastNamespace = ns;
        }
        else
        {
            Fail($"a declared prefix: '{name[..(colon + 1)]}' is not declared", describeFound: false);
            return null;
        }
        var iri = new Iri(string.Concat(ns, name[(colon + 1)..]));
        _terms.PrefixedNames.Add(_lastPrefix!, ns!.Length, hash, iri);
        return iri;
    }

    private BlankNode NewBlankNode() => new(_anonymousPrefix + (++_anonymousCount).ToString(System.Globalization.CultureInfo.InvariantCulture));

    // ---- errors

    private Term? FailTerm(string expected)
    {
        Fail(expected);
        return null;
    }

    /// <summary>Records an error at the current token and returns false.</summary>
    private bool Fail(string expected, bool describeFound = true)
    {
        string message;
        if (_lex.Kind == TokenKind.Error) message = _lex.ErrorMessage;
        else if (!describeFound) message = "expected " + expected;
        else message = $"expected {expected}, found {Describe()}";
        if (_errors.Count < _maxErrors) _errors.Add(new SyntaxError(_lex.Start, _lex.End, message));
        return false;
    }

    private string Describe()
    {
        var v = _lex.Value;
        string Short(ReadOnlySpan<char> s) => s.Length > 40 ? s[..40].ToString() + "…" : s.ToString();
        return _lex.Kind switch
        {
            TokenKind.End => "end of input",
            TokenKind.IriRef => $"<{Short(v)}>",
            TokenKind.PrefixedName => $"'{Short(v)}'",
            TokenKind.BlankNodeLabel => $"'_:{Short(v)}'",
            TokenKind.LangTag => $"'@{Short(v)}'",
            TokenKind.Integer or TokenKind.Decimal or TokenKind.Double => $"number {Short(v)}",
            TokenKind.String => "a string",
            TokenKind.Word => $"'{Short(v)}'",
            TokenKind.AtPrefix => "'@prefix'",
            TokenKind.AtBase => "'@base'",
            TokenKind.Dot => "'.'",
            TokenKind.Semicolon => "';'",
            TokenKind.Comma => "','",
            TokenKind.OpenBracket => "'['",
            TokenKind.CloseBracket => "']'",
            TokenKind.OpenParen => "'('",
            TokenKind.CloseParen => "')'",
            TokenKind.OpenBrace => "'{'",
            TokenKind.CloseBrace => "'}'",
            TokenKind.DoubleCaret => "'^^'",
            _ => "an invalid token",
        };
    }
}
