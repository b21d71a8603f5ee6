using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Sparql.Syntax.Ast;
using GuidelineGraph.Sparql.Syntax.Lexing;

namespace GuidelineGraph.Sparql.Syntax.Parsing;

/// <summary>
/// Recursive-descent parser for the SPARQL 1.1 grammar (§19.8, Update §A). An error is kept as a
/// value; from then on the parser sees only end-of-input, so every production unwinds at once
/// without exceptions, up to the nearest recovery point (Parser.Recovery.cs), which resynchronises
/// and goes on to find the next independent error. Grammar side conditions that need only local context (variables in data,
/// blank nodes in DELETE, blank node labels shared between basic graph patterns, aggregate placement)
/// are checked here; scope rules are checked by the algebra builder.
/// </summary>
internal sealed partial class Parser
{
    private readonly string _text;
    private readonly Lexer _lexer;
    private readonly Token _eof;
    private readonly Dictionary<string, string> _prefixes;
    private readonly LineMap _lines;
    private IriResolver? _base;
    private Token _current;
    private Token _next;
    private int _previousEnd;
    private SyntaxError? _error;
    private HashSet<string>? _writtenLabels;
    private int _freshLabel;

    // The same IRI or variable is usually written many times: reuse one object per spelling.
    private readonly Dictionary<string, TermConstant> _iris = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermConstant>.AlternateLookup<ReadOnlySpan<char>> _irisBySpan;
    private readonly Dictionary<string, Variable> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Variable>.AlternateLookup<ReadOnlySpan<char>> _variablesBySpan;

    private Parser(string text, SparqlParseOptions options)
    {
        _text = text;
        _lexer = new Lexer(text);
        _eof = new Token(TokenKind.Eof, text.Length, text.Length, null, false);
        _lines = new LineMap(text);
        _prefixes = options.Prefixes is null ? new(StringComparer.Ordinal) : new(options.Prefixes, StringComparer.Ordinal);
        if (options.BaseIri is not null && IriResolver.TryCreate(options.BaseIri, out var resolver)) _base = resolver;
        _irisBySpan = _iris.GetAlternateLookup<ReadOnlySpan<char>>();
        _variablesBySpan = _variables.GetAlternateLookup<ReadOnlySpan<char>>();
        _current = _lexer.Next();
        _next = _current.Kind is TokenKind.Eof or TokenKind.Error ? _current : _lexer.Next();
        if (_current.Kind == TokenKind.Error) Fail(_current, _current.Value!);
    }

    /// <returns>The query, or null with every error found (the first one first, the rest in text order).</returns>
    public static (QuerySyntax? Query, IReadOnlyList<SyntaxError> Errors) ParseQuery(string text, SparqlParseOptions options)
    {
        var parser = new Parser(text, options);
        var query = parser.QueryUnit();
        return parser._errors.Count == 0 ? (query, []) : (null, parser.Errors());
    }

    /// <returns>The update request, or null with every error found (the first one first, the rest in text order).</returns>
    public static (UpdateRequestSyntax? Update, IReadOnlyList<SyntaxError> Errors) ParseUpdate(string text, SparqlParseOptions options)
    {
        var parser = new Parser(text, options);
        var update = parser.UpdateUnit();
        return parser._errors.Count == 0 ? (update, []) : (null, parser.Errors());
    }

    // ---- token access -------------------------------------------------------------------------

    private Token Cur => _error is null ? _current : _eof;

    /// <summary>The token after the current one: the grammar needs one token of lookahead.</summary>
    private Token PeekToken() => _error is null ? _next : _eof;

    private Token Advance()
    {
        var t = Cur;
        if (_error is not null || t.Kind == TokenKind.Eof) return t;
        _previousEnd = t.End;
        _current = _next;
        _next = _current.Kind is TokenKind.Eof or TokenKind.Error ? _current : _lexer.Next();
        if (_current.Kind == TokenKind.Error) Fail(_current, _current.Value!);
        return t;
    }

    private bool At(TokenKind kind) => Cur.Kind == kind;

    private bool IsWord(Token t, string keyword) =>
        t.Kind == TokenKind.Word && t.End - t.Start == keyword.Length &&
        _text.AsSpan(t.Start, keyword.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private bool AtWord(string keyword) => IsWord(Cur, keyword);

    /// <summary>The keyword 'a' is the only case-sensitive one.</summary>
    private bool AtA => Cur.Kind == TokenKind.Word && Cur.End - Cur.Start == 1 && _text[Cur.Start] == 'a';

    private string WordText(Token t) => _text[t.Start..t.End];

    private bool Accept(TokenKind kind)
    {
        if (!At(kind)) return false;
        Advance();
        return true;
    }

    private bool AcceptWord(string keyword)
    {
        if (!AtWord(keyword)) return false;
        Advance();
        return true;
    }

    private Token Expect(TokenKind kind, string what)
    {
        var t = Cur;
        if (t.Kind == kind) return Advance();
        Fail(t, $"expected {what}, found {Describe(t)}");
        return _eof;
    }

    private void ExpectWord(string keyword)
    {
        if (!AcceptWord(keyword)) Fail(Cur, $"expected {keyword}, found {Describe(Cur)}");
    }

    private bool Failed => _error is not null;

    // Deeply nested or very long chained input would build trees that overflow the stack of recursive
    // consumers (builder, printer, evaluator). Nesting and chaining each count one level of depth.
    internal const int MaxDepth = 1000;
    private int _depth;

    private void Deepen()
    {
        if (++_depth > MaxDepth) Fail(Cur, $"the query nests or chains more than {MaxDepth} levels deep");
    }

    private void Fail(Token at, string message) => Fail(at.Start, Math.Max(at.End, at.Start), message);

    private void Fail(int start, int end, string message)
    {
        if (_error is not null) return;
        _error = new SyntaxError(_lines.Position(start), _lines.Position(end), message);
        _errors.Add(_error);
    }

    private TextPosition Position(Token t) => _lines.Position(t.Start);

    /// <summary>Where the last consumed token ends.</summary>
    private TextPosition PreviousEnd => _lines.Position(_previousEnd);

    private string Describe(Token t) => t.Kind switch
    {
        TokenKind.Eof => "end of input",
        TokenKind.Error => t.Value!,
        _ => "'" + Snippet(t) + "'",
    };

    private string Snippet(Token t)
    {
        int len = Math.Min(t.End - t.Start, 40);
        return _text.Substring(t.Start, len);
    }

    // ---- prologue and IRIs --------------------------------------------------------------------

    private void Prologue()
    {
        while (!Failed)
        {
            var state = SaveState();
            if (!PrologueDeclaration()) return;
            if (Failed && !Recover(state, AtPrologueStop)) return;
        }
    }

    /// <summary>One BASE or PREFIX declaration; false when there is none.</summary>
    private bool PrologueDeclaration()
    {
        if (AcceptWord("BASE"))
        {
            var iri = Expect(TokenKind.IriRef, "an IRI in <> after BASE");
            if (Failed) return true;
            var resolved = ResolveIri(IriText(iri));
            if (IriResolver.TryCreate(resolved, out var resolver)) _base = resolver;
            else Fail(iri, "BASE must be an absolute IRI");
            _iris.Clear();
            return true;
        }
        if (AcceptWord("PREFIX"))
        {
            var name = Cur;
            if (name.Kind != TokenKind.PrefixedName || name.End - name.Start != name.PrefixLength + 1)
            {
                Fail(name, $"expected a prefix such as 'ex:' after PREFIX, found {Describe(name)}");
                return true;
            }
            Advance();
            var iri = Expect(TokenKind.IriRef, "an IRI in <> after the prefix");
            if (Failed) return true;
            _prefixes[_text.Substring(name.Start, name.PrefixLength)] = ResolveIri(IriText(iri));
            _iris.Clear();
            return true;
        }
        return false;
    }

    private string ResolveIri(string reference) =>
        _base is null || IriResolver.HasScheme(reference) ? reference : _base.Resolve(reference);

    private bool AtIri => Cur.Kind is TokenKind.IriRef or TokenKind.PrefixedName;

    /// <summary>An IRIREF's text: decoded when it had escapes, else the span between the brackets.</summary>
    private string IriText(Token t) => t.Value ?? _text.Substring(t.Start + 1, t.End - t.Start - 2);

    private static readonly TermConstant NilTerm = new(Vocab.Rdf.Nil);

    private Iri Iri() => (Iri)IriTerm().Term;

    /// <summary>iri ::= IRIREF | PrefixedName, resolved, as a pattern constant.</summary>
    private TermConstant IriTerm()
    {
        var t = Cur;
        if (t.Kind is not (TokenKind.IriRef or TokenKind.PrefixedName))
        {
            Fail(t, $"expected an IRI, found {Describe(t)}");
            return NilTerm;
        }
        Advance();
        var spelling = _text.AsSpan(t.Start, t.End - t.Start);
        if (_irisBySpan.TryGetValue(spelling, out var cached)) return cached;
        string iri;
        if (t.Kind == TokenKind.IriRef) iri = ResolveIri(IriText(t));
        else
        {
            string prefix = _text.Substring(t.Start, t.PrefixLength);
            if (!_prefixes.TryGetValue(prefix, out var ns))
            {
                Fail(t, $"undefined prefix '{prefix}:' (declare it with PREFIX {prefix}: <…>)");
                return NilTerm;
            }
            iri = t.Value is null
                ? string.Concat(ns, _text.AsSpan(t.Start + t.PrefixLength + 1, t.End - t.Start - t.PrefixLength - 1))
                : ns + t.Value[(t.PrefixLength + 1)..];
        }
        var term = new TermConstant(new Iri(iri));
        _irisBySpan[spelling] = term;
        return term;
    }

    private Variable Var()
    {
        var t = Expect(TokenKind.Variable, "a variable");
        if (Failed) return new Variable("_");
        var name = _text.AsSpan(t.Start + 1, t.End - t.Start - 1);
        if (_variablesBySpan.TryGetValue(name, out var v)) return v;
        v = new Variable(name.ToString());
        _variablesBySpan[name] = v;
        return v;
    }

    private string? BaseIri => _base?.Base;

    // ---- queries ------------------------------------------------------------------------------

    private QuerySyntax? QueryUnit()
    {
        Prologue();
        var query = QueryBody();
        if (Failed || query is null) return null;
        var values = ValuesClause();
        if (!At(TokenKind.Eof)) Fail(Cur, $"expected end of query, found {Describe(Cur)}");
        return Failed ? null : query with { Values = values, BaseIri = BaseIri };
    }

    private QuerySyntax? QueryBody()
    {
        var start = Cur;
        if (AtWord("SELECT")) return SelectQuery(subQuery: false);
        if (AcceptWord("CONSTRUCT")) return ConstructQuery(start);
        if (AcceptWord("ASK"))
        {
            var dataset = DatasetClauses();
            var where = WhereClause();
            var mods = SolutionModifiers();
            return new QuerySyntax(QueryForm.Ask, null, [], [], dataset, where, mods, null, null, Position(start));
        }
        if (AcceptWord("DESCRIBE")) return DescribeQuery(start);
        Fail(Cur, $"expected SELECT, CONSTRUCT, ASK or DESCRIBE, found {Describe(Cur)}");
        return null;
    }

    private QuerySyntax SelectQuery(bool subQuery)
    {
        var start = Cur;
        var state = SaveState();
        var select = SelectClause();
        if (Failed) Recover(state, AtSelectEnd);
        var dataset = subQuery ? null : DatasetClauses();
        var where = WhereClause();
        var mods = SolutionModifiers();
        var values = subQuery ? ValuesClause() : null;
        return new QuerySyntax(QueryForm.Select, select, [], [], dataset, where, mods, values, null, Position(start));
    }

    private SelectClauseSyntax SelectClause()
    {
        var start = Cur;
        ExpectWord("SELECT");
        bool distinct = AcceptWord("DISTINCT");
        bool reduced = !distinct && AcceptWord("REDUCED");
        var items = ImmutableArray.CreateBuilder<ProjectionSyntax>();
        if (Accept(TokenKind.Star)) return new SelectClauseSyntax(distinct, reduced, [], Position(start), PreviousEnd);
        while (!Failed)
        {
            var t = Cur;
            if (t.Kind == TokenKind.Variable)
            {
                items.Add(new ProjectionSyntax(Var(), null, Position(t), PreviousEnd));
            }
            else if (t.Kind == TokenKind.LParen)
            {
                Advance();
                var e = WithAggregates(true, Expression);
                ExpectWord("AS");
                var v = Var();
                Expect(TokenKind.RParen, "')' after the variable of AS");
                items.Add(new ProjectionSyntax(v, e, Position(t), PreviousEnd));
            }
            else break;
        }
        if (items.Count == 0) Fail(Cur, $"expected '*', a variable or '(expression AS ?var)' after SELECT, found {Describe(Cur)}");
        return new SelectClauseSyntax(distinct, reduced, items.ToImmutable(), Position(start), PreviousEnd);
    }

    private QuerySyntax ConstructQuery(Token start)
    {
        if (At(TokenKind.LBrace))
        {
            Advance();
            var template = TriplesTemplate(TriplesContext.Template);
            Expect(TokenKind.RBrace, "'}' to close the CONSTRUCT template");
            var dataset = DatasetClauses();
            var where = WhereClause();
            var mods = SolutionModifiers();
            return new QuerySyntax(QueryForm.Construct, null, ToTriplePatterns(template), [], dataset, where, mods, null, null, Position(start));
        }
        var ds = DatasetClauses();
        if (!AcceptWord("WHERE")) Fail(Cur, $"expected '{{' to open the CONSTRUCT template, or WHERE, found {Describe(Cur)}");
        var open = Expect(TokenKind.LBrace, "'{' after CONSTRUCT WHERE");
        BeginGroupScope();
        var triples = TriplesTemplate(TriplesContext.Pattern);
        Expect(TokenKind.RBrace, "'}' (CONSTRUCT WHERE allows only triples)");
        var group = new GroupSyntax([new TriplesSyntax(triples, Position(open))], Position(open));
        var m = SolutionModifiers();
        return new QuerySyntax(QueryForm.Construct, null, ToTriplePatterns(triples), [], ds, group, m, null, null, Position(start));
    }

    private static ImmutableArray<TriplePattern> ToTriplePatterns(ImmutableArray<TriplePathSyntax> triples) =>
        triples.Select(t => new TriplePattern(t.Subject, t.Predicate!, t.Object)).ToImmutableArray();

    private QuerySyntax DescribeQuery(Token start)
    {
        var targets = ImmutableArray.CreateBuilder<TermPattern>();
        if (!Accept(TokenKind.Star))
        {
            while (!Failed && (At(TokenKind.Variable) || AtIri))
                targets.Add(At(TokenKind.Variable) ? Var() : IriTerm());
            if (targets.Count == 0) Fail(Cur, $"expected '*', variables or IRIs after DESCRIBE, found {Describe(Cur)}");
        }
        var dataset = DatasetClauses();
        var where = AtWord("WHERE") || At(TokenKind.LBrace) ? WhereClause() : null;
        var mods = SolutionModifiers();
        return new QuerySyntax(QueryForm.Describe, null, [], targets.ToImmutable(), dataset, where, mods, null, null, Position(start));
    }

    private Dataset? DatasetClauses()
    {
        ImmutableArray<Iri>.Builder? defaults = null, named = null;
        while (AcceptWord("FROM"))
        {
            if (AcceptWord("NAMED")) (named ??= ImmutableArray.CreateBuilder<Iri>()).Add(Iri());
            else (defaults ??= ImmutableArray.CreateBuilder<Iri>()).Add(Iri());
        }
        if (defaults is null && named is null) return null;
        return new Dataset(defaults?.ToImmutable() ?? [], named?.ToImmutable() ?? []);
    }

    private GroupSyntax WhereClause()
    {
        AcceptWord("WHERE");
        return GroupGraphPattern();
    }

    private SolutionModifiersSyntax SolutionModifiers()
    {
        var groupBy = ImmutableArray.CreateBuilder<GroupConditionSyntax>();
        var having = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var orderBy = ImmutableArray.CreateBuilder<OrderCondition>();
        TextPosition orderPos = default;
        if (AcceptWord("GROUP"))
        {
            ExpectWord("BY");
            do groupBy.Add(GroupCondition());
            while (!Failed && StartsCondition(allowVariable: true));
        }
        if (AcceptWord("HAVING"))
        {
            do
            {
                var t = Cur;
                having.Add(new ExpressionSyntax(WithAggregates(true, Constraint), Position(t)));
            }
            while (!Failed && StartsCondition(allowVariable: false));
        }
        if (AtWord("ORDER"))
        {
            orderPos = Position(Cur);
            Advance();
            ExpectWord("BY");
            do orderBy.Add(WithAggregates(true, OrderCondition));
            while (!Failed && (StartsCondition(allowVariable: true) || AtWord("ASC") || AtWord("DESC")));
        }
        long? limit = null, offset = null;
        for (int i = 0; i < 2; i++)
        {
            if (limit is null && AcceptWord("LIMIT")) limit = NonNegativeInteger("LIMIT");
            else if (offset is null && AcceptWord("OFFSET")) offset = NonNegativeInteger("OFFSET");
        }
        if (groupBy.Count == 0 && having.Count == 0 && orderBy.Count == 0 && limit is null && offset is null)
            return SolutionModifiersSyntax.None;
        return new SolutionModifiersSyntax(groupBy.ToImmutable(), having.ToImmutable(), orderBy.ToImmutable(), orderPos, limit, offset);
    }

    private long NonNegativeInteger(string clause)
    {
        var t = Expect(TokenKind.Integer, $"an integer after {clause}");
        if (Failed) return 0;
        if (long.TryParse(t.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n)) return n;
        Fail(t, $"{clause} value is too large");
        return 0;
    }

    private bool StartsCondition(bool allowVariable)
    {
        var t = Cur;
        if (t.Kind is TokenKind.LParen or TokenKind.IriRef or TokenKind.PrefixedName) return true;
        if (t.Kind == TokenKind.Variable) return allowVariable;
        return t.Kind == TokenKind.Word && IsCallKeyword(t);
    }

    private GroupConditionSyntax GroupCondition()
    {
        var t = Cur;
        if (t.Kind == TokenKind.Variable) return new GroupConditionSyntax(new VariableExpression(Var()), null, Position(t));
        if (t.Kind == TokenKind.LParen)
        {
            Advance();
            var e = Expression();
            Variable? alias = AcceptWord("AS") ? Var() : null;
            Expect(TokenKind.RParen, "')' to close the GROUP BY expression");
            return new GroupConditionSyntax(e, alias, Position(t));
        }
        if (t.Kind is TokenKind.IriRef or TokenKind.PrefixedName) return new GroupConditionSyntax(FunctionCallRequired(), null, Position(t));
        if (t.Kind == TokenKind.Word && IsCallKeyword(t)) return new GroupConditionSyntax(BuiltInCallExpression(), null, Position(t));
        Fail(t, $"expected a GROUP BY condition, found {Describe(t)}");
        return new GroupConditionSyntax(new ConstantExpression(Vocab.Rdf.Nil), null, Position(t));
    }

    private OrderCondition OrderCondition()
    {
        if (AtWord("ASC") || AtWord("DESC"))
        {
            bool desc = AtWord("DESC");
            Advance();
            if (!At(TokenKind.LParen)) Fail(Cur, $"expected '(' after {(desc ? "DESC" : "ASC")}, found {Describe(Cur)}");
            return new OrderCondition(BrackettedExpression(), desc);
        }
        if (At(TokenKind.Variable)) return new OrderCondition(new VariableExpression(Var()), false);
        return new OrderCondition(Constraint(), false);
    }

    /// <summary>Constraint ::= BrackettedExpression | BuiltInCall | FunctionCall.</summary>
    private Expression Constraint()
    {
        var t = Cur;
        if (t.Kind == TokenKind.LParen) return BrackettedExpression();
        if (t.Kind is TokenKind.IriRef or TokenKind.PrefixedName) return FunctionCallRequired();
        if (t.Kind == TokenKind.Word && IsCallKeyword(t)) return BuiltInCallExpression();
        Fail(t, $"expected '(', a function call or a built-in call, found {Describe(t)}");
        return new ConstantExpression(Vocab.Rdf.Nil);
    }

    private Table? ValuesClause() => AcceptWord("VALUES") ? DataBlock() : null;

    /// <summary>Maps 0-based offsets to 1-based line:column positions.</summary>
    private sealed class LineMap
    {
        private readonly List<int> _starts = [0];

        public LineMap(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) _starts.Add(i + 1);
            }
        }

        public TextPosition Position(int offset)
        {
            int line = _starts.BinarySearch(offset);
            if (line < 0) line = ~line - 1;
            return new TextPosition(line + 1, offset - _starts[line] + 1, offset);
        }
    }
}
