using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Optimizer;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Evaluator;

/// <summary>
/// Compiles a plan into operators. Nodes whose result depends on variables being unbound (OPTIONAL, MINUS,
/// FILTER or BIND reading variables their pattern may leave unbound, GROUP, LIMIT, SERVICE) are wrapped in a
/// <see cref="RestrictOp"/>, so any seed gives eval(node) joined with the seed. Under EXISTS the seed is
/// substituted everywhere instead (§18.6 substitute), except into groups, slices and services.
/// </summary>
internal sealed class PlanCompiler
{
    private readonly SlotMap _slots;
    private readonly Execution _ex;
    private readonly bool _substitute;
    private readonly ExpressionCompiler _expressions;
    private readonly List<Op> _existsOps;

    public PlanCompiler(SlotMap slots, Execution ex) : this(slots, ex, substitute: false, []) { }

    private PlanCompiler(SlotMap slots, Execution ex, bool substitute, List<Op> existsOps)
    {
        _slots = slots;
        _ex = ex;
        _substitute = substitute;
        _existsOps = existsOps;
        _expressions = new ExpressionCompiler(this, slots, ex);
    }

    /// <summary>Plans compiled for EXISTS, for EXPLAIN.</summary>
    public IReadOnlyList<Op> ExistsOps => _existsOps;

    public Op CompileExists(GraphPattern pattern)
    {
        var plan = Planner.PlanCorrelated(pattern, AlgebraBuilder.InScope(pattern), _ex.Dataset, _ex.Options.Planner);
        var op = new PlanCompiler(_slots, _ex, substitute: true, _existsOps).Compile(plan);
        _existsOps.Add(op);
        return op;
    }

    public Func<int[], GraphScope, bool> Condition(Expression e) => _expressions.Condition(e);

    public Evaluate Expression(Expression e) => _expressions.Compile(e);

    public Op Compile(PlanNode node)
    {
        var op = CompileNode(node);
        var safe = SafeVariables(node);
        if (safe is null) return op;
        var safeSlots = _slots.SlotsOf(safe);
        var innerSlots = _slots.SlotsOf(Variables.Maybe(node));
        return new RestrictOp(op, safeSlots, innerSlots, _slots);
    }

    /// <summary>The seed variables a node can take; null when it takes any seed.</summary>
    private IEnumerable<Variable>? SafeVariables(PlanNode node)
    {
        switch (node)
        {
            case GroupNode or SliceNode or ServiceNode:
                return [];
            case LeftJoinNode or MinusNode:
                return _substitute ? null : Variables.Certain(node);
            case FilterNode f:
                return _substitute || ReadsOnlyCertain(f.Condition, f.Inner) ? null : Variables.Certain(node);
            case ExtendNode e:
                return _substitute || ReadsOnlyCertain(e.Expression, e.Inner) ? null : Variables.Certain(node);
            default:
                return null;
        }
    }

    private static bool ReadsOnlyCertain(Expression e, PlanNode inner) =>
        !Variables.ContainsExists(e) && Variables.Of(e).IsSubsetOf(Variables.Certain(inner));

    private Position PositionOf(TermPattern t) => t switch
    {
        Variable v => new Position(_slots[v], 0),
        TermConstant c => new Position(-1, _ex.Dataset.TryGetId(c.Term)),
        _ => throw new ArgumentException("unknown term pattern", nameof(t)),
    };

    /// <summary>For paths and GRAPH names a constant the data lacks still needs an id (zero-length paths reach it).</summary>
    private Position EncodedPositionOf(TermPattern t) => t switch
    {
        Variable v => new Position(_slots[v], 0),
        TermConstant c => new Position(-1, _ex.Encode(c.Term)),
        _ => throw new ArgumentException("unknown term pattern", nameof(t)),
    };

    private Op CompileNode(PlanNode node)
    {
        switch (node)
        {
            case ScanNode s:
                return new ScanOp(s, PositionOf(s.Pattern.Subject), PositionOf(s.Pattern.Predicate), PositionOf(s.Pattern.Object));
            case PathNode p:
                return new PathOp(p, EncodedPositionOf(p.Subject), EncodedPositionOf(p.Object));
            case JoinNode { Right: ServiceNode { Endpoint: TermConstant } s } j:
                return new ServiceJoinOp(j, Compile(j.Left), new ServiceOp(s, EncodedPositionOf(s.Endpoint), _slots.SlotsOf(Variables.Maybe(s.Inner)), Width));
            case JoinNode j when j.Algorithm == JoinAlgorithm.NestedLoop:
                return new NestedLoopJoinOp(j, Compile(j.Left), Compile(j.Right));
            case JoinNode j:
            {
                var left = Compile(j.Left);
                var right = Compile(j.Right);
                return new HashJoinOp(j, left, right, KeySlots(j.Left, j.Right), _slots.SlotsOf(Variables.Maybe(j.Right)), Width, optional: false, null);
            }
            case LeftJoinNode l:
            {
                var left = Compile(l.Left);
                var right = Compile(l.Right);
                var condition = l.Condition is null ? null : Condition(l.Condition);
                return l.Algorithm == JoinAlgorithm.NestedLoop
                    ? new NestedLoopLeftJoinOp(l, left, right, condition)
                    : new HashJoinOp(l, left, right, KeySlots(l.Left, l.Right), _slots.SlotsOf(Variables.Maybe(l.Right)), Width, optional: true, condition);
            }
            case FilterNode f:
                return new FilterOp(f, Compile(f.Inner), Condition(f.Condition));
            case UnionNode u:
                return new UnionOp(u, Compile(u.Left), Compile(u.Right));
            case MinusNode m:
                return new MinusOp(m, Compile(m.Left), Compile(m.Right), KeySlots(m.Left, m.Right), _slots.SlotsOf(Variables.Maybe(m.Right)), Width);
            case GraphNode g:
                return new GraphOp(g, EncodedPositionOf(g.Name), Compile(g.Inner));
            case ExtendNode e:
            {
                var inner = Compile(e.Inner);
                return new ExtendOp(e, inner, _slots[e.Variable], Expression(e.Expression), startsSolution: e.Inner is not ExtendNode);
            }
            case ValuesNode v:
                return new ValuesOp(v, v.Table.Variables.Select(x => _slots[x]).ToArray(), Width);
            case GroupNode g:
            {
                var inner = Compile(g.Inner);
                var keys = g.Keys.Select(k => new GroupKeySlot(Expression(k.Expression),
                    k.Alias is { } alias ? _slots[alias] : k.Expression is VariableExpression ve ? _slots[ve.Variable] : -1,
                    k.Expression is VariableExpression source ? _slots[source.Variable] : -1)).ToArray();
                var aggregates = g.Aggregates.Select(a => new AggregateSlot(_slots[a.Variable], a.Aggregate.Function,
                    a.Aggregate.Argument is null ? null : Expression(a.Aggregate.Argument), a.Aggregate.Distinct, a.Aggregate.Separator ?? " ",
                    a.Aggregate.Argument is VariableExpression av ? _slots[av.Variable] : -1)).ToArray();
                return new GroupOp(g, inner, keys, aggregates, Width);
            }
            case OrderByNode o:
                return CompileOrderBy(o, keep: null);
            case ProjectNode p:
                return CompileProject(p, Compile(p.Inner));
            case DistinctNode d:
                return new DistinctOp(d, Compile(d.Inner), Width);
            case ReducedNode r:
                // REDUCED permits, but does not require, dropping duplicates; keeping them costs nothing.
                return Compile(r.Inner);
            case SliceNode s:
                return new SliceOp(s, CompileSliced(s.Inner, s.Limit is long limit ? s.Offset + limit : null));
            case ServiceNode s:
                return new ServiceOp(s, EncodedPositionOf(s.Endpoint), _slots.SlotsOf(Variables.Maybe(s.Inner)), Width);
            default:
                throw new ArgumentException($"unknown plan node {node.GetType().Name}", nameof(node));
        }
    }

    /// <summary>
    /// The input of a LIMIT: an ORDER BY under it (through a projection, which keeps the row count) need only
    /// keep the first <paramref name="keep"/> rows.
    /// </summary>
    private Op CompileSliced(PlanNode node, long? keep) => (node, keep) switch
    {
        (OrderByNode o, not null) => CompileOrderBy(o, keep),
        (ProjectNode { Inner: OrderByNode } p, not null) => CompileProject(p, CompileOrderBy((OrderByNode)p.Inner, keep)),
        _ => Compile(node),
    };

    private Op CompileOrderBy(OrderByNode o, long? keep) =>
        new OrderByOp(o, Compile(o.Inner), o.Conditions.Select(c => (Expression(c.Expression), c.Descending)).ToArray(), keep);

    private ProjectOp CompileProject(ProjectNode p, Op inner)
    {
        var hidden = _slots.SlotsOf(Variables.Maybe(p.Inner).Except(p.Variables));
        foreach (var v in p.Variables) _ = _slots[v];
        return new ProjectOp(p, inner, hidden);
    }

    /// <summary>Rows are as wide as the final slot count, which operators read at run time, after every slot exists.</summary>
    private SlotMap Width => _slots;

    private int[] KeySlots(PlanNode left, PlanNode right) =>
        _slots.SlotsOf(Variables.Certain(left).Intersect(Variables.Certain(right)));
}
