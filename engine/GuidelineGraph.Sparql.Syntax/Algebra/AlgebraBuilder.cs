using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Ast;

namespace GuidelineGraph.Sparql.Syntax.Algebra;

/// <summary>
/// The §18.2 translation from syntax to algebra, with the scope rules the grammar cannot express:
/// BIND and SELECT expression variables must be new, and grouped queries may only project group keys.
/// Blank nodes in query patterns become generated variables; sequence paths get generated step variables.
/// </summary>
public sealed class AlgebraBuilder
{
    private SyntaxError? _error;
    private int _pathVariables;
    private int _aggregateVariables;

    private AlgebraBuilder() { }

    public static (Query? Query, SyntaxError? Error) Build(QuerySyntax syntax)
    {
        var builder = new AlgebraBuilder();
        var query = builder.TranslateQuery(syntax);
        return builder._error is null ? (query, null) : (null, builder._error);
    }

    public static (UpdateRequest? Update, SyntaxError? Error) Build(UpdateRequestSyntax syntax)
    {
        var builder = new AlgebraBuilder();
        var ops = syntax.Operations.Select(builder.TranslateOperation).ToImmutableArray();
        return builder._error is null ? (new UpdateRequest(ops, syntax.BaseIri), null) : (null, builder._error);
    }

    private void Fail(TextPosition start, TextPosition end, string message) => _error ??= new SyntaxError(start, end, message);

    // ---- queries ------------------------------------------------------------------------------

    private Query TranslateQuery(QuerySyntax q)
    {
        var pattern = TranslateSelectLike(q);
        return q.Form switch
        {
            QueryForm.Select => new SelectQuery(pattern, q.Dataset, q.BaseIri),
            QueryForm.Construct => new ConstructQuery(q.Template, pattern, q.Dataset, q.BaseIri),
            QueryForm.Ask => new AskQuery(pattern, q.Dataset, q.BaseIri),
            _ => new DescribeQuery(
                q.DescribeTargets.IsEmpty ? UserVariables(pattern).Cast<TermPattern>().ToImmutableArray() : q.DescribeTargets,
                pattern, q.Dataset, q.BaseIri),
        };
    }

    /// <summary>§18.2.4: grouping, HAVING, VALUES, select expressions, ORDER BY, projection, DISTINCT, slice.</summary>
    private GraphPattern TranslateSelectLike(QuerySyntax q)
    {
        var pattern = q.Where is null ? Table.Unit : TranslateGroup(q.Where);
        var whereScope = InScope(pattern);
        var mods = q.Modifiers;
        var projections = q.Select?.Projections ?? [];

        bool grouped = !mods.GroupBy.IsEmpty || !mods.Having.IsEmpty
            || projections.Any(p => p.Expression is not null && ContainsAggregate(p.Expression))
            || mods.OrderBy.Any(o => ContainsAggregate(o.Expression));

        var aggregates = new List<AggregateBinding>();
        Expression Replace(Expression e) => Rewrite(e, aggregates);

        if (grouped)
        {
            if (q.Select is { IsStar: true }) Fail(q.Select.Position, q.Select.End, "SELECT * is not allowed in a grouped query; list the group keys");
            var keys = mods.GroupBy.Select(k => new GroupKey(Rewrite(k.Expression, null), k.Alias)).ToImmutableArray();
            var keyVariables = new HashSet<Variable>();
            foreach (var k in keys)
            {
                if (k.Alias is not null) keyVariables.Add(k.Alias);
                else if (k.Expression is VariableExpression v) keyVariables.Add(v.Variable);
            }
            var projected = new HashSet<Variable>();
            foreach (var p in projections)
            {
                if (p.Expression is null)
                {
                    if (!keyVariables.Contains(p.Variable))
                        Fail(p.Position, p.End, $"{p.Variable} is projected but is neither a GROUP BY key nor an aggregate");
                }
                else
                {
                    foreach (var v in VariablesOutsideAggregates(p.Expression))
                        if (!keyVariables.Contains(v) && !projected.Contains(v))
                            Fail(p.Position, p.End, $"{v} is used outside an aggregate but is not a GROUP BY key");
                }
                projected.Add(p.Variable);
            }
            // Aggregates are collected from SELECT, HAVING and ORDER BY before the Group node is made.
            var selectExpressions = projections.Select(p => p.Expression is null ? null : Replace(p.Expression)).ToList();
            var having = mods.Having.Select(h => Replace(h.Expression)).ToList();
            var order = mods.OrderBy.Select(o => o with { Expression = Replace(o.Expression) }).ToImmutableArray();
            pattern = new Group(pattern, keys, [.. aggregates]);
            if (having.Count > 0) pattern = new Filter(Conjunction(having), pattern);
            return Finish(q, pattern, whereScope, selectExpressions, order);
        }
        var plainSelect = projections.Select(p => p.Expression is null ? null : Rewrite(p.Expression, null)).ToList();
        var plainOrder = mods.OrderBy.Select(o => o with { Expression = Rewrite(o.Expression, null) }).ToImmutableArray();
        return Finish(q, pattern, whereScope, plainSelect, plainOrder);
    }

    private GraphPattern Finish(QuerySyntax q, GraphPattern pattern, IReadOnlyCollection<Variable> whereScope,
        List<Expression?> selectExpressions, ImmutableArray<OrderCondition> order)
    {
        if (q.Values is not null) pattern = JoinOf(pattern, q.Values);
        var projections = q.Select?.Projections ?? [];
        var bound = new HashSet<Variable>(whereScope);
        if (q.Values is not null) bound.UnionWith(q.Values.Variables);
        for (int i = 0; i < projections.Length; i++)
        {
            var p = projections[i];
            if (selectExpressions[i] is not { } e) continue;
            if (bound.Contains(p.Variable)) Fail(p.Position, p.End, $"{p.Variable} is already bound; (expression AS {p.Variable}) needs a new variable");
            bound.Add(p.Variable);
            pattern = new Extend(pattern, p.Variable, e);
        }
        if (!order.IsEmpty) pattern = new OrderBy(pattern, order);
        if (q.Select is { } select)
        {
            var vars = select.IsStar ? UserVariables(pattern) : projections.Select(p => p.Variable).Distinct().ToImmutableArray();
            pattern = new Project(pattern, vars);
            if (select.Distinct) pattern = new Distinct(pattern);
            else if (select.Reduced) pattern = new Reduced(pattern);
        }
        if (q.Modifiers.Limit is not null || q.Modifiers.Offset is not null)
            pattern = new Slice(pattern, q.Modifiers.Offset ?? 0, q.Modifiers.Limit);
        return pattern;
    }

    private static ImmutableArray<Variable> UserVariables(GraphPattern pattern) =>
        InScope(pattern).Where(v => !v.IsGenerated).ToImmutableArray();

    // ---- group graph patterns (§18.2.2) --------------------------------------------------------

    private GraphPattern TranslateGroup(GroupSyntax group)
    {
        var pattern = TranslateGroup(group, out var filter);
        return filter is null ? pattern : new Filter(filter, pattern);
    }

    /// <summary>
    /// The group without its own FILTERs, which come back apart: OPTIONAL turns exactly those (and not a
    /// filter of a nested group) into its left join's condition, as §18.2.2.6 reads before simplification.
    /// </summary>
    private GraphPattern TranslateGroup(GroupSyntax group, out Expression? filter)
    {
        GraphPattern current = Table.Unit;
        var filters = new List<Expression>();
        var block = new BlockBuilder(this);
        foreach (var element in group.Elements)
        {
            switch (element)
            {
                case TriplesSyntax triples:
                    foreach (var t in triples.Triples) block.Add(t);
                    continue;
                case FilterSyntax filterSyntax:
                    filters.Add(Rewrite(filterSyntax.Condition, null));
                    continue;
            }
            current = JoinOf(current, block.Flush());
            switch (element)
            {
                case OptionalSyntax optional:
                    var right = TranslateGroup(optional.Group, out var condition);
                    current = new LeftJoin(current, right, condition);
                    break;
                case MinusSyntax minus:
                    current = new Minus(current, TranslateGroup(minus.Group));
                    break;
                case BindSyntax bind:
                    if (InScope(current).Contains(bind.Variable))
                        Fail(bind.Position, bind.End, $"BIND assigns {bind.Variable}, which is already in scope in this group");
                    current = new Extend(current, bind.Variable, Rewrite(bind.Expression, null));
                    break;
                case UnionSyntax union:
                    var u = TranslateGroup(union.Branches[0]);
                    for (int i = 1; i < union.Branches.Length; i++) u = new Union(u, TranslateGroup(union.Branches[i]));
                    current = JoinOf(current, u);
                    break;
                case GraphSyntax graph:
                    current = JoinOf(current, new Graph(Node(graph.Name), TranslateGroup(graph.Group)));
                    break;
                case ServiceSyntax service:
                    current = JoinOf(current, new Service(service.Endpoint, TranslateGroup(service.Group), service.Silent));
                    break;
                case ValuesSyntax values:
                    current = JoinOf(current, values.Data);
                    break;
                case SubGroupSyntax sub:
                    current = JoinOf(current, TranslateGroup(sub.Group));
                    break;
                case SubSelectSyntax select:
                    current = JoinOf(current, TranslateSelectLike(select.Query));
                    break;
            }
        }
        current = JoinOf(current, block.Flush());
        filter = filters.Count == 0 ? null : Conjunction(filters);
        return current;
    }

    /// <summary>Join with the simplification of §18.2.2.8: the empty pattern is the identity.</summary>
    private static GraphPattern JoinOf(GraphPattern left, GraphPattern? right)
    {
        if (right is null || right is Table { IsUnit: true }) return left;
        if (left is Table { IsUnit: true }) return right;
        return new Join(left, right);
    }

    private static Expression Conjunction(List<Expression> conditions)
    {
        var e = conditions[0];
        for (int i = 1; i < conditions.Count; i++) e = new BinaryExpression(BinaryOperator.And, e, conditions[i]);
        return e;
    }

    /// <summary>Blank nodes of a query pattern act as variables that are never projected.</summary>
    private static TermPattern Node(TermPattern t) =>
        t is TermConstant { Term: BlankNode b } ? new Variable("?" + b.Id) : t;

    private Variable FreshPathVariable() => new("?." + _pathVariables++.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Collects adjacent triples into one BGP; a non-trivial path splits the block (§18.2.2.4–5).</summary>
    private sealed class BlockBuilder(AlgebraBuilder owner)
    {
        private readonly List<GraphPattern> _parts = [];
        private readonly List<TriplePattern> _triples = [];

        public void Add(TriplePathSyntax t)
        {
            var s = Node(t.Subject);
            var o = Node(t.Object);
            if (t.Path is null) _triples.Add(new TriplePattern(s, t.Predicate!, o));
            else AddPath(s, t.Path, o);
        }

        private void AddPath(TermPattern s, PropertyPath path, TermPattern o)
        {
            switch (path)
            {
                case LinkPath link:
                    _triples.Add(new TriplePattern(s, new TermConstant(link.Iri), o));
                    break;
                case InversePath inverse:
                    AddPath(o, inverse.Path, s);
                    break;
                case SequencePath sequence:
                    var step = owner.FreshPathVariable();
                    AddPath(s, sequence.First, step);
                    AddPath(step, sequence.Second, o);
                    break;
                default:
                    FlushTriples();
                    _parts.Add(new PathPattern(s, path, o));
                    break;
            }
        }

        private void FlushTriples()
        {
            if (_triples.Count == 0) return;
            _parts.Add(new Bgp([.. _triples]));
            _triples.Clear();
        }

        public GraphPattern? Flush()
        {
            FlushTriples();
            GraphPattern? result = null;
            foreach (var p in _parts) result = result is null ? p : new Join(result, p);
            _parts.Clear();
            return result;
        }
    }

    // ---- expressions --------------------------------------------------------------------------

    /// <summary>
    /// Translates EXISTS patterns and, when <paramref name="aggregates"/> is given, replaces each aggregate
    /// by a variable bound in it (identical aggregates share one).
    /// </summary>
    private Expression Rewrite(Expression e, List<AggregateBinding>? aggregates)
    {
        switch (e)
        {
            case BinaryExpression b:
                return b with { Left = Rewrite(b.Left, aggregates), Right = Rewrite(b.Right, aggregates) };
            case UnaryExpression u:
                return u with { Operand = Rewrite(u.Operand, aggregates) };
            case InExpression i:
                return i with { Value = Rewrite(i.Value, aggregates), List = RewriteAll(i.List, aggregates) };
            case BuiltInCall c:
                return c with { Arguments = RewriteAll(c.Arguments, aggregates) };
            case FunctionCall f:
                return f with { Arguments = RewriteAll(f.Arguments, aggregates) };
            case ExistsSyntax exists:
                var pattern = new ExistsExpression(TranslateGroup(exists.Group));
                return exists.Negated ? new UnaryExpression(UnaryOperator.Not, pattern) : pattern;
            case AggregateExpression a when aggregates is not null:
                var translated = a.Argument is null ? a : a with { Argument = Rewrite(a.Argument, null) };
                foreach (var existing in aggregates)
                    if (SameAggregate(existing.Aggregate, translated)) return new VariableExpression(existing.Variable);
                var variable = new Variable("." + _aggregateVariables++.ToString(System.Globalization.CultureInfo.InvariantCulture));
                aggregates.Add(new AggregateBinding(variable, translated));
                return new VariableExpression(variable);
            default:
                return e;
        }
    }

    private ImmutableArray<Expression> RewriteAll(ImmutableArray<Expression> list, List<AggregateBinding>? aggregates)
    {
        var b = ImmutableArray.CreateBuilder<Expression>(list.Length);
        foreach (var e in list) b.Add(Rewrite(e, aggregates));
        return b.MoveToImmutable();
    }

    private static bool SameAggregate(AggregateExpression a, AggregateExpression b) =>
        Sse.Write(a) == Sse.Write(b);

    private static bool ContainsAggregate(Expression e) => e switch
    {
        AggregateExpression => true,
        BinaryExpression b => ContainsAggregate(b.Left) || ContainsAggregate(b.Right),
        UnaryExpression u => ContainsAggregate(u.Operand),
        InExpression i => ContainsAggregate(i.Value) || i.List.Any(ContainsAggregate),
        BuiltInCall c => c.Arguments.Any(ContainsAggregate),
        FunctionCall f => f.Arguments.Any(ContainsAggregate),
        _ => false,
    };

    private static IEnumerable<Variable> VariablesOutsideAggregates(Expression e) => e switch
    {
        VariableExpression v => [v.Variable],
        BinaryExpression b => VariablesOutsideAggregates(b.Left).Concat(VariablesOutsideAggregates(b.Right)),
        UnaryExpression u => VariablesOutsideAggregates(u.Operand),
        InExpression i => VariablesOutsideAggregates(i.Value).Concat(i.List.SelectMany(VariablesOutsideAggregates)),
        BuiltInCall c => c.Arguments.SelectMany(VariablesOutsideAggregates),
        FunctionCall f => f.Arguments.SelectMany(VariablesOutsideAggregates),
        _ => [],
    };

    // ---- scope (§18.2.1) ----------------------------------------------------------------------

    /// <summary>In-scope variables in order of first appearance.</summary>
    public static IReadOnlyList<Variable> InScope(GraphPattern pattern)
    {
        var seen = new HashSet<Variable>();
        var ordered = new List<Variable>();
        void Add(TermPattern t)
        {
            if (t is Variable v && seen.Add(v)) ordered.Add(v);
        }
        void Visit(GraphPattern p)
        {
            switch (p)
            {
                case Bgp bgp:
                    foreach (var t in bgp.Patterns) { Add(t.Subject); Add(t.Predicate); Add(t.Object); }
                    break;
                case PathPattern path: Add(path.Subject); Add(path.Object); break;
                case Join j: Visit(j.Left); Visit(j.Right); break;
                case LeftJoin l: Visit(l.Left); Visit(l.Right); break;
                case Union u: Visit(u.Left); Visit(u.Right); break;
                case Minus m: Visit(m.Left); break;
                case Filter f: Visit(f.Inner); break;
                case Graph g: Add(g.Name); Visit(g.Inner); break;
                case Service s: Add(s.Endpoint); Visit(s.Inner); break;
                case Extend e: Visit(e.Inner); Add(e.Variable); break;
                case Table t: foreach (var v in t.Variables) Add(v); break;
                case Group g:
                    foreach (var k in g.Keys)
                    {
                        if (k.Alias is not null) Add(k.Alias);
                        else if (k.Expression is VariableExpression v) Add(v.Variable);
                    }
                    foreach (var a in g.Aggregates) Add(a.Variable);
                    break;
                case Project pr: foreach (var v in pr.Variables) Add(v); break;
                case OrderBy o: Visit(o.Inner); break;
                case Distinct d: Visit(d.Inner); break;
                case Reduced r: Visit(r.Inner); break;
                case Slice s: Visit(s.Inner); break;
            }
        }
        Visit(pattern);
        return ordered;
    }

    // ---- updates ------------------------------------------------------------------------------

    private UpdateOperation TranslateOperation(UpdateOperationSyntax op)
    {
        if (op is DirectOperationSyntax direct) return direct.Operation;
        var modify = (ModifySyntax)op;
        var pattern = modify.Where is null ? PatternOfQuads(modify.Delete) : TranslateGroup(modify.Where);
        return new DeleteInsert(modify.Delete, modify.Insert, modify.With, modify.Using, pattern);
    }

    /// <summary>DELETE WHERE's pattern: default-graph triples as BGPs, GRAPH blocks as Graph, in order.</summary>
    private static GraphPattern PatternOfQuads(ImmutableArray<QuadPattern> quads)
    {
        GraphPattern result = Table.Unit;
        int i = 0;
        while (i < quads.Length)
        {
            var graph = quads[i].Graph;
            var triples = new List<TriplePattern>();
            while (i < quads.Length && Equals(quads[i].Graph, graph))
            {
                triples.Add(new TriplePattern(quads[i].Subject, quads[i].Predicate, quads[i].Object));
                i++;
            }
            var bgp = new Bgp([.. triples]);
            result = JoinOf(result, graph is null ? bgp : new Graph(graph, bgp));
        }
        return result;
    }
}
