using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Sparql.Syntax.Ast;
using GuidelineGraph.Sparql.Syntax.Lexing;

namespace GuidelineGraph.Sparql.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>Where triples are being read; decides which terms the grammar's notes allow.</summary>
    private enum TriplesContext { Pattern, Template, InsertData, DeleteData, DeleteTemplate }

    private TriplesContext _context = TriplesContext.Pattern;
    private bool _pathsAllowed = true;

    // Blank node labels may not be shared between basic graph patterns (§4.1.4), nor between the
    // INSERT DATA operations of one request (Update §3.1.1). A BGP spans triples blocks separated only
    // by FILTERs; any other element starts a new one.
    private readonly Dictionary<string, int> _bgpOfLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _operationOfDataLabel = new(StringComparer.Ordinal);
    private int _bgp;
    private int _bgpCounter;
    private int _operation;

    private void BeginGroupScope() => _bgp = ++_bgpCounter;

    private GroupSyntax GroupGraphPattern()
    {
        var open = Expect(TokenKind.LBrace, "'{'");
        var pos = Position(open);
        if (Failed) return new GroupSyntax([], pos);
        bool savedAggregates = _aggregatesAllowed;
        _aggregatesAllowed = false;
        int depth = _depth;
        Deepen();
        try
        {
            if (AtWord("SELECT"))
            {
                var start = Cur;
                BeginGroupScope();
                var query = SelectQuery(subQuery: true);
                Expect(TokenKind.RBrace, "'}' to close the sub-select");
                return new GroupSyntax([new SubSelectSyntax(query, Position(start))], pos);
            }
            var elements = GroupGraphPatternSub(open);
            if (!Accept(TokenKind.RBrace)) UnexpectedInGroup(open);
            return new GroupSyntax(elements, pos);
        }
        finally
        {
            _aggregatesAllowed = savedAggregates;
            _depth = depth;
        }
    }

    private ImmutableArray<ElementSyntax> GroupGraphPatternSub(Token open)
    {
        BeginGroupScope();
        var elements = ImmutableArray.CreateBuilder<ElementSyntax>();
        int depth = _depth;
        while (!Failed)
        {
            var state = SaveState();
            Deepen();
            if (StartsTriples())
            {
                var start = Cur;
                var triples = ImmutableArray.CreateBuilder<TriplePathSyntax>();
                while (!Failed)
                {
                    TriplesSameSubject(triples);
                    if (Accept(TokenKind.Dot) && StartsTriples()) continue;
                    break;
                }
                elements.Add(new TriplesSyntax(triples.ToImmutable(), Position(start)));
            }
            if (!Failed && StartsPatternNotTriples())
            {
                bool isFilter = AtWord("FILTER");
                int bgp = _bgp;
                elements.Add(PatternNotTriples());
                if (isFilter) _bgp = bgp;
                else BeginGroupScope();
                Accept(TokenKind.Dot);
            }
            else if (!Failed)
            {
                if (At(TokenKind.RBrace) || At(TokenKind.Eof)) break;
                UnexpectedInGroup(open);
            }
            if (Failed && !Recover(state, AtGroupStop)) break;
        }
        _depth = depth;
        return elements.ToImmutable();
    }

    /// <summary>Reports the token that neither continues the group nor closes it.</summary>
    private void UnexpectedInGroup(Token open)
    {
        if (Failed) return;
        var t = Cur;
        if (t.Kind == TokenKind.Eof)
            Fail(t, $"expected '}}' to close the group opened at {Position(open)}, found end of input");
        else if (StartsTriples()) Fail(t, $"expected '.' before the next triple pattern, or '}}', found {Describe(t)}");
        else if (AtWord("SELECT")) Fail(t, "a sub-select must be alone inside its own { }");
        else Fail(t, $"expected '}}' to close the group, found {Describe(t)}");
    }

    private bool StartsTriples()
    {
        var t = Cur;
        return t.Kind switch
        {
            TokenKind.Variable or TokenKind.IriRef or TokenKind.PrefixedName or TokenKind.BlankNodeLabel or TokenKind.String
                or TokenKind.Integer or TokenKind.Decimal or TokenKind.Double or TokenKind.LParen or TokenKind.LBracket => true,
            TokenKind.Plus or TokenKind.Minus => IsNumber(PeekToken().Kind),
            TokenKind.Word => IsWord(t, "true") || IsWord(t, "false"),
            _ => false,
        };
    }

    private static bool IsNumber(TokenKind k) => k is TokenKind.Integer or TokenKind.Decimal or TokenKind.Double;

    private bool StartsPatternNotTriples() =>
        At(TokenKind.LBrace) || AtWord("OPTIONAL") || AtWord("MINUS") || AtWord("GRAPH") || AtWord("SERVICE")
        || AtWord("FILTER") || AtWord("BIND") || AtWord("VALUES");

    private ElementSyntax PatternNotTriples()
    {
        var t = Cur;
        var pos = Position(t);
        if (At(TokenKind.LBrace))
        {
            var first = GroupGraphPattern();
            if (!AtWord("UNION")) return new SubGroupSyntax(first, pos);
            var branches = ImmutableArray.CreateBuilder<GroupSyntax>();
            branches.Add(first);
            int depth = _depth;
            while (AcceptWord("UNION"))
            {
                Deepen();
                branches.Add(GroupGraphPattern());
            }
            _depth = depth;
            return new UnionSyntax(branches.ToImmutable(), pos);
        }
        Advance();
        if (IsWord(t, "OPTIONAL")) return new OptionalSyntax(GroupGraphPattern(), pos);
        if (IsWord(t, "MINUS")) return new MinusSyntax(GroupGraphPattern(), pos);
        if (IsWord(t, "GRAPH"))
        {
            var name = VarOrIri();
            return new GraphSyntax(name, GroupGraphPattern(), pos);
        }
        if (IsWord(t, "SERVICE"))
        {
            bool silent = AcceptWord("SILENT");
            var endpoint = VarOrIri();
            return new ServiceSyntax(endpoint, GroupGraphPattern(), silent, pos);
        }
        if (IsWord(t, "FILTER")) return new FilterSyntax(Constraint(), pos);
        if (IsWord(t, "BIND"))
        {
            Expect(TokenKind.LParen, "'(' after BIND");
            var e = Expression();
            ExpectWord("AS");
            var vt = Cur;
            var v = Var();
            var end = PreviousEnd;
            Expect(TokenKind.RParen, "')' to close BIND");
            return new BindSyntax(e, v, Position(vt), end);
        }
        return new ValuesSyntax(DataBlock(), pos);
    }

    private TermPattern VarOrIri()
    {
        if (At(TokenKind.Variable))
        {
            if (_context is TriplesContext.InsertData or TriplesContext.DeleteData)
                Fail(Cur, "variables are not allowed in INSERT DATA or DELETE DATA");
            return Var();
        }
        return IriTerm();
    }

    // ---- triples ------------------------------------------------------------------------------

    /// <summary>TriplesTemplate (no paths) in the given context, up to the closing brace.</summary>
    private ImmutableArray<TriplePathSyntax> TriplesTemplate(TriplesContext context)
    {
        var savedContext = _context;
        bool savedPaths = _pathsAllowed;
        _context = context;
        _pathsAllowed = false;
        var triples = ImmutableArray.CreateBuilder<TriplePathSyntax>();
        while (!Failed && StartsTriples())
        {
            var state = SaveState();
            TriplesSameSubject(triples);
            if (Failed && Recover(state, AtGroupStop)) continue;
            if (!Accept(TokenKind.Dot)) break;
        }
        _context = savedContext;
        _pathsAllowed = savedPaths;
        return triples.ToImmutable();
    }

    private void TriplesSameSubject(ImmutableArray<TriplePathSyntax>.Builder output)
    {
        var t = Cur;
        if (t.Kind == TokenKind.LBracket && PeekToken().Kind != TokenKind.RBracket)
        {
            var subject = BlankNodePropertyList(output);
            if (StartsVerb()) PropertyList(subject, output);
        }
        else if (t.Kind == TokenKind.LParen && PeekToken().Kind != TokenKind.RParen)
        {
            var subject = Collection(output);
            if (StartsVerb()) PropertyList(subject, output);
        }
        else
        {
            var subject = VarOrTerm();
            if (Failed) return;
            if (!StartsVerb())
            {
                Fail(Cur, $"expected a predicate after the subject, found {Describe(Cur)}");
                return;
            }
            PropertyList(subject, output);
        }
    }

    private bool StartsVerb()
    {
        var k = Cur.Kind;
        if (k is TokenKind.Variable or TokenKind.IriRef or TokenKind.PrefixedName || AtA) return true;
        return _pathsAllowed && k is TokenKind.Caret or TokenKind.Bang or TokenKind.LParen;
    }

    private void PropertyList(TermPattern subject, ImmutableArray<TriplePathSyntax>.Builder output)
    {
        VerbAndObjects(subject, output);
        while (!Failed && Accept(TokenKind.Semicolon))
        {
            if (StartsVerb()) VerbAndObjects(subject, output);
        }
    }

    private void VerbAndObjects(TermPattern subject, ImmutableArray<TriplePathSyntax>.Builder output)
    {
        var (predicate, path) = Verb();
        do
        {
            // The triple comes before those of a nested object, in the order the text reads.
            int mark = output.Count;
            var obj = GraphNode(output);
            if (Failed) return;
            output.Insert(mark, new TriplePathSyntax(subject, predicate, path, obj));
        }
        while (Accept(TokenKind.Comma));
    }

    private (TermPattern? Predicate, PropertyPath? Path) Verb()
    {
        if (At(TokenKind.Variable)) return (VarOrIri(), null);
        if (!_pathsAllowed)
        {
            if (AtA)
            {
                Advance();
                return (new TermConstant(Vocab.Rdf.Type), null);
            }
            return (IriTerm(), null);
        }
        var path = Path();
        return path is LinkPath link ? (new TermConstant(link.Iri), null) : (null, path);
    }

    private TermPattern GraphNode(ImmutableArray<TriplePathSyntax>.Builder output)
    {
        var t = Cur;
        bool list = t.Kind == TokenKind.LParen && PeekToken().Kind != TokenKind.RParen;
        if (!list && (t.Kind != TokenKind.LBracket || PeekToken().Kind == TokenKind.RBracket)) return VarOrTerm();
        int depth = _depth;
        Deepen();
        var node = list ? Collection(output) : BlankNodePropertyList(output);
        _depth = depth;
        return node;
    }

    private TermPattern BlankNodePropertyList(ImmutableArray<TriplePathSyntax>.Builder output)
    {
        var open = Advance();
        var node = FreshBlankNode(open);
        if (!StartsVerb())
        {
            Fail(Cur, $"expected a predicate inside '[ ]', found {Describe(Cur)}");
            return node;
        }
        PropertyList(node, output);
        Expect(TokenKind.RBracket, "']'");
        return node;
    }

    private TermPattern Collection(ImmutableArray<TriplePathSyntax>.Builder output)
    {
        var open = Advance();
        var items = new List<TermPattern>();
        while (!Failed && !At(TokenKind.RParen)) items.Add(GraphNode(output));
        Expect(TokenKind.RParen, "')' to close the collection");
        TermPattern next = new TermConstant(Vocab.Rdf.Nil);
        var first = new TermConstant(Vocab.Rdf.First);
        var rest = new TermConstant(Vocab.Rdf.Rest);
        var cells = items.Select(_ => FreshBlankNode(open)).ToList();
        for (int i = 0; i < items.Count; i++)
        {
            output.Add(new TriplePathSyntax(cells[i], first, null, items[i]));
            output.Add(new TriplePathSyntax(cells[i], rest, null, i + 1 < items.Count ? cells[i + 1] : next));
        }
        return cells.Count > 0 ? cells[0] : next;
    }

    private TermPattern VarOrTerm()
    {
        var t = Cur;
        switch (t.Kind)
        {
            case TokenKind.Variable:
                return VarOrIri();
            case TokenKind.IriRef:
            case TokenKind.PrefixedName:
                return IriTerm();
            case TokenKind.BlankNodeLabel:
                Advance();
                return LabelledBlankNode(t);
            case TokenKind.LBracket when PeekToken().Kind == TokenKind.RBracket:
                Advance();
                Advance();
                return FreshBlankNode(t);
            case TokenKind.LParen when PeekToken().Kind == TokenKind.RParen:
                Advance();
                Advance();
                return new TermConstant(Vocab.Rdf.Nil);
        }
        if (StartsLiteral()) return new TermConstant(Literal());
        Fail(t, $"expected a variable or an RDF term, found {Describe(t)}");
        return new TermConstant(Vocab.Rdf.Nil);
    }

    private TermPattern FreshBlankNode(Token at)
    {
        CheckBlankNodeAllowed(at);
        string label;
        do label = "b" + _freshLabel++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        while ((_writtenLabels ??= Lexer.WrittenBlankNodeLabels(_text)).Contains(label));
        return new TermConstant(new BlankNode(label));
    }

    private TermPattern LabelledBlankNode(Token t)
    {
        CheckBlankNodeAllowed(t);
        string label = t.Value!;
        switch (_context)
        {
            case TriplesContext.Pattern:
                if (_bgpOfLabel.TryGetValue(label, out int bgp) && bgp != _bgp)
                    Fail(t, $"blank node _:{label} is used in two different basic graph patterns");
                _bgpOfLabel[label] = _bgp;
                break;
            case TriplesContext.InsertData:
                if (_operationOfDataLabel.TryGetValue(label, out int op) && op != _operation)
                    Fail(t, $"blank node _:{label} is used in two INSERT DATA operations of one request");
                _operationOfDataLabel[label] = _operation;
                break;
        }
        return new TermConstant(new BlankNode(label));
    }

    private void CheckBlankNodeAllowed(Token at)
    {
        if (_context is TriplesContext.DeleteData or TriplesContext.DeleteTemplate)
            Fail(at, "blank nodes are not allowed in DELETE");
    }

    private bool StartsLiteral()
    {
        var t = Cur;
        return t.Kind switch
        {
            TokenKind.String or TokenKind.Integer or TokenKind.Decimal or TokenKind.Double => true,
            TokenKind.Plus or TokenKind.Minus => IsNumber(PeekToken().Kind) && PeekToken().Adjacent,
            TokenKind.Word => IsWord(t, "true") || IsWord(t, "false"),
            _ => false,
        };
    }

    /// <summary>RDFLiteral | NumericLiteral (signed too) | BooleanLiteral.</summary>
    private Literal Literal()
    {
        var t = Advance();
        switch (t.Kind)
        {
            case TokenKind.String:
                if (At(TokenKind.LangTag)) return new Literal(t.Value!, Advance().Value!);
                if (Accept(TokenKind.DoubleCaret)) return new Literal(t.Value!, Iri());
                return new Literal(t.Value!);
            case TokenKind.Integer:
            case TokenKind.Decimal:
            case TokenKind.Double:
                return NumericLiteral(t.Value!, t.Kind);
            case TokenKind.Plus:
            case TokenKind.Minus:
                var n = Advance();
                return NumericLiteral((t.Kind == TokenKind.Minus ? "-" : "+") + n.Value, n.Kind);
            default:
                return new Literal(IsWord(t, "true") ? "true" : "false", Vocab.Xsd.Boolean);
        }
    }

    private static Literal NumericLiteral(string lexical, TokenKind kind) => new(lexical, kind switch
    {
        TokenKind.Integer => Vocab.Xsd.Integer,
        TokenKind.Decimal => Vocab.Xsd.Decimal,
        _ => Vocab.Xsd.Double,
    });

    // ---- property paths -----------------------------------------------------------------------

    private PropertyPath Path()
    {
        int depth = _depth;
        Deepen();
        var path = PathSequence();
        while (!Failed && Accept(TokenKind.Pipe))
        {
            Deepen();
            path = new AlternativePath(path, PathSequence());
        }
        _depth = depth;
        return path;
    }

    private PropertyPath PathSequence()
    {
        int depth = _depth;
        var path = PathEltOrInverse();
        while (!Failed && Accept(TokenKind.Slash))
        {
            Deepen();
            path = new SequencePath(path, PathEltOrInverse());
        }
        _depth = depth;
        return path;
    }

    private PropertyPath PathEltOrInverse() => Accept(TokenKind.Caret) ? new InversePath(PathElt()) : PathElt();

    private PropertyPath PathElt()
    {
        var primary = PathPrimary();
        if (Accept(TokenKind.Question)) return new ZeroOrOnePath(primary);
        if (Accept(TokenKind.Star)) return new ZeroOrMorePath(primary);
        if (Accept(TokenKind.Plus)) return new OneOrMorePath(primary);
        return primary;
    }

    private PropertyPath PathPrimary()
    {
        if (AtA)
        {
            Advance();
            return new LinkPath(Vocab.Rdf.Type);
        }
        if (Accept(TokenKind.Bang)) return NegatedPropertySet();
        if (Accept(TokenKind.LParen))
        {
            var inner = Path();
            Expect(TokenKind.RParen, "')' to close the path");
            return inner;
        }
        if (!AtIri) Fail(Cur, $"expected a property path, found {Describe(Cur)}");
        return new LinkPath(Iri());
    }

    private PropertyPath NegatedPropertySet()
    {
        var forward = ImmutableArray.CreateBuilder<Iri>();
        var inverse = ImmutableArray.CreateBuilder<Iri>();
        if (Accept(TokenKind.LParen))
        {
            if (!At(TokenKind.RParen))
            {
                do PathOneInPropertySet(forward, inverse);
                while (!Failed && Accept(TokenKind.Pipe));
            }
            Expect(TokenKind.RParen, "')' to close the negated property set");
        }
        else PathOneInPropertySet(forward, inverse);
        return new NegatedPropertySet(forward.ToImmutable(), inverse.ToImmutable());
    }

    private void PathOneInPropertySet(ImmutableArray<Iri>.Builder forward, ImmutableArray<Iri>.Builder inverse)
    {
        var target = Accept(TokenKind.Caret) ? inverse : forward;
        if (AtA)
        {
            Advance();
            target.Add(Vocab.Rdf.Type);
        }
        else target.Add(Iri());
    }

    // ---- VALUES -------------------------------------------------------------------------------

    private Table DataBlock()
    {
        var vars = ImmutableArray.CreateBuilder<Variable>();
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<Term?>>();
        if (At(TokenKind.Variable))
        {
            vars.Add(Var());
            Expect(TokenKind.LBrace, "'{' after the VALUES variable");
            while (!Failed && StartsDataValue()) rows.Add([DataValue()]);
            Expect(TokenKind.RBrace, "a value or '}'");
            return new Table(vars.ToImmutable(), rows.ToImmutable());
        }
        Expect(TokenKind.LParen, "a variable or '(' after VALUES");
        while (!Failed && At(TokenKind.Variable)) vars.Add(Var());
        Expect(TokenKind.RParen, "a variable or ')'");
        Expect(TokenKind.LBrace, "'{' to open the VALUES rows");
        while (!Failed && At(TokenKind.LParen))
        {
            var open = Advance();
            var row = ImmutableArray.CreateBuilder<Term?>();
            while (!Failed && StartsDataValue()) row.Add(DataValue());
            Expect(TokenKind.RParen, "a value or ')'");
            if (!Failed && row.Count != vars.Count)
                Fail(open, $"this VALUES row has {row.Count} value(s) but {vars.Count} variable(s) are declared");
            rows.Add(row.ToImmutable());
        }
        Expect(TokenKind.RBrace, "'(' or '}'");
        return new Table(vars.ToImmutable(), rows.ToImmutable());
    }

    private bool StartsDataValue() => AtIri || AtWord("UNDEF") || StartsLiteral();

    private Term? DataValue()
    {
        if (AcceptWord("UNDEF")) return null;
        if (AtIri) return Iri();
        return Literal();
    }
}
