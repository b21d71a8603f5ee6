using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Sparql.Syntax.Ast;
using GuidelineGraph.Sparql.Syntax.Lexing;

namespace GuidelineGraph.Sparql.Syntax.Parsing;

internal sealed partial class Parser
{
    private static readonly string[] UpdateKeywords =
        ["LOAD", "CLEAR", "DROP", "ADD", "MOVE", "COPY", "CREATE", "INSERT", "DELETE", "WITH"];

    private UpdateRequestSyntax? UpdateUnit()
    {
        var operations = ImmutableArray.CreateBuilder<UpdateOperationSyntax>();
        Prologue();
        while (!Failed && StartsUpdate())
        {
            _bgpOfLabel.Clear();
            var state = SaveState();
            operations.Add(Update1());
            _operation++;
            if (Failed ? !Recover(state, AtOperationStop) : !Accept(TokenKind.Semicolon)) break;
            Prologue();
        }
        if (!At(TokenKind.Eof))
        {
            string expected = operations.Count == 0 ? "an update operation" : "';' between operations or end of input";
            Fail(Cur, $"expected {expected}, found {Describe(Cur)}");
        }
        return Failed ? null : new UpdateRequestSyntax(operations.ToImmutable(), BaseIri);
    }

    private bool StartsUpdate()
    {
        foreach (var k in UpdateKeywords)
            if (AtWord(k)) return true;
        return false;
    }

    private UpdateOperationSyntax Update1()
    {
        var t = Advance();
        var pos = Position(t);
        UpdateOperationSyntax Direct(UpdateOperation op) => new DirectOperationSyntax(op, pos);

        if (IsWord(t, "LOAD"))
        {
            bool silent = AcceptWord("SILENT");
            var source = Iri();
            Iri? into = null;
            if (AcceptWord("INTO"))
            {
                ExpectWord("GRAPH");
                into = Iri();
            }
            return Direct(new Load(silent, source, into));
        }
        if (IsWord(t, "CLEAR") || IsWord(t, "DROP"))
        {
            bool silent = AcceptWord("SILENT");
            var target = GraphRefAll();
            return Direct(IsWord(t, "CLEAR") ? new Clear(silent, target) : new Drop(silent, target));
        }
        if (IsWord(t, "CREATE"))
        {
            bool silent = AcceptWord("SILENT");
            ExpectWord("GRAPH");
            return Direct(new Create(silent, Iri()));
        }
        if (IsWord(t, "ADD") || IsWord(t, "MOVE") || IsWord(t, "COPY"))
        {
            var kind = IsWord(t, "ADD") ? TransferKind.Add : IsWord(t, "MOVE") ? TransferKind.Move : TransferKind.Copy;
            bool silent = AcceptWord("SILENT");
            var source = GraphOrDefault();
            ExpectWord("TO");
            return Direct(new Transfer(kind, silent, source, GraphOrDefault()));
        }
        if (IsWord(t, "INSERT") && AcceptWord("DATA"))
            return Direct(new InsertData(QuadData(TriplesContext.InsertData)));
        if (IsWord(t, "DELETE") && AcceptWord("DATA"))
            return Direct(new DeleteData(QuadData(TriplesContext.DeleteData)));
        if (IsWord(t, "DELETE") && AcceptWord("WHERE"))
        {
            var quads = QuadPattern(TriplesContext.DeleteTemplate);
            return new ModifySyntax(quads, [], null, null, null, pos);
        }
        return Modify(t, pos);
    }

    /// <summary>Modify ::= ( WITH iri )? ( DeleteClause InsertClause? | InsertClause ) UsingClause* WHERE GroupGraphPattern.</summary>
    private UpdateOperationSyntax Modify(Token first, TextPosition pos)
    {
        Iri? with = null;
        var keyword = first;
        if (IsWord(first, "WITH"))
        {
            with = Iri();
            keyword = Cur;
            if (!AtWord("DELETE") && !AtWord("INSERT"))
                Fail(Cur, $"expected DELETE or INSERT after WITH, found {Describe(Cur)}");
            Advance();
        }
        ImmutableArray<QuadPattern> delete = [], insert = [];
        if (IsWord(keyword, "DELETE"))
        {
            delete = QuadPattern(TriplesContext.DeleteTemplate);
            if (AcceptWord("INSERT")) insert = QuadPattern(TriplesContext.Template);
        }
        else insert = QuadPattern(TriplesContext.Template);

        ImmutableArray<Iri>.Builder? defaults = null, named = null;
        while (AcceptWord("USING"))
        {
            if (AcceptWord("NAMED")) (named ??= ImmutableArray.CreateBuilder<Iri>()).Add(Iri());
            else (defaults ??= ImmutableArray.CreateBuilder<Iri>()).Add(Iri());
        }
        var usingDataset = defaults is null && named is null ? null
            : new Dataset(defaults?.ToImmutable() ?? [], named?.ToImmutable() ?? []);
        ExpectWord("WHERE");
        var where = GroupGraphPattern();
        return new ModifySyntax(delete, insert, with, usingDataset, where, pos);
    }

    private GraphTarget GraphRefAll()
    {
        if (AcceptWord("DEFAULT")) return GraphTarget.Default;
        if (AcceptWord("NAMED")) return GraphTarget.Named;
        if (AcceptWord("ALL")) return GraphTarget.All;
        if (!AtWord("GRAPH"))
        {
            Fail(Cur, $"expected GRAPH <iri>, DEFAULT, NAMED or ALL, found {Describe(Cur)}");
            return GraphTarget.Default;
        }
        Advance();
        return new GraphTarget(GraphTargetKind.Graph, Iri());
    }

    /// <summary>GraphOrDefault ::= DEFAULT | GRAPH? iri; null is the default graph.</summary>
    private Iri? GraphOrDefault()
    {
        if (AcceptWord("DEFAULT")) return null;
        AcceptWord("GRAPH");
        return Iri();
    }

    private ImmutableArray<Quad> QuadData(TriplesContext context)
    {
        var quads = QuadPattern(context);
        var data = ImmutableArray.CreateBuilder<Quad>(quads.Length);
        foreach (var q in quads)
        {
            // Variables were rejected while parsing, so every position is a constant here.
            var graph = q.Graph is TermConstant g ? g.Term : null;
            if (Failed) break;
            data.Add(new Quad(((TermConstant)q.Subject).Term, (Iri)((TermConstant)q.Predicate).Term, ((TermConstant)q.Object).Term, graph));
        }
        return data.ToImmutable();
    }

    /// <summary>'{' Quads '}' where Quads ::= TriplesTemplate? ( GRAPH VarOrIri '{' TriplesTemplate? '}' '.'? TriplesTemplate? )*.</summary>
    private ImmutableArray<QuadPattern> QuadPattern(TriplesContext context)
    {
        var quads = ImmutableArray.CreateBuilder<QuadPattern>();
        Expect(TokenKind.LBrace, "'{'");
        var savedContext = _context;
        _context = context;
        AddQuads(quads, TriplesTemplate(context), null);
        while (!Failed && AtWord("GRAPH"))
        {
            Advance();
            var graph = VarOrIri();
            Expect(TokenKind.LBrace, "'{' after the graph name");
            AddQuads(quads, TriplesTemplate(context), graph);
            Expect(TokenKind.RBrace, "'}' to close the GRAPH block");
            Accept(TokenKind.Dot);
            AddQuads(quads, TriplesTemplate(context), null);
        }
        _context = savedContext;
        Expect(TokenKind.RBrace, "'}'");
        return quads.ToImmutable();
    }

    private static void AddQuads(ImmutableArray<QuadPattern>.Builder quads, ImmutableArray<TriplePathSyntax> triples, TermPattern? graph)
    {
        foreach (var t in triples) quads.Add(new QuadPattern(t.Subject, t.Predicate!, t.Object, graph));
    }
}
