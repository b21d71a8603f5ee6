using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Optimizer;

public sealed record PlannerOptions
{
    public static readonly PlannerOptions Default = new();

    /// <summary>Reorder joins and push filters; off, the plan follows the algebra as written (for differential tests).</summary>
    public bool Optimize { get; init; } = true;

    public PlannerOptions WithoutOptimizations() => this with { Optimize = false };
}

/// <summary>
/// Turns §18 algebra into a <see cref="PlanNode"/> tree: normalizes subquery scopes, flattens each group's
/// joins, orders them greedily by estimated size given what is already bound (connected patterns first),
/// runs each filter conjunct as soon as its variables are certainly bound, and picks a join algorithm per join.
/// </summary>
public sealed class Planner
{
    private readonly IStatistics _stats;
    private readonly bool _optimize;

    private Planner(IStatistics stats, PlannerOptions options)
    {
        _stats = stats;
        _optimize = options.Optimize;
    }

    public static PlanNode Plan(GraphPattern pattern, IStatistics? statistics = null, PlannerOptions? options = null) =>
        new Planner(statistics ?? NoStatistics.Instance, options ?? PlannerOptions.Default)
            .PlanPattern(Normalizer.Normalize(pattern), ImmutableHashSet<Variable>.Empty);

    /// <summary>Plans a pattern evaluated with some variables already bound (EXISTS, the right side of a nested loop).</summary>
    public static PlanNode PlanCorrelated(GraphPattern pattern, IEnumerable<Variable> bound, IStatistics? statistics = null, PlannerOptions? options = null) =>
        new Planner(statistics ?? NoStatistics.Instance, options ?? PlannerOptions.Default).PlanPattern(pattern, bound.ToImmutableHashSet());

    private PlanNode PlanPattern(GraphPattern p, ImmutableHashSet<Variable> bound)
    {
        switch (p)
        {
            case Bgp or Join or PathPattern:
                return PlanGroup(p, [], bound);
            case Filter f:
                return PlanGroup(f.Inner, Conjuncts(f.Condition), bound);
            case LeftJoin l:
            {
                var left = PlanPattern(l.Left, bound);
                var right = PlanPattern(l.Right, bound.Union(Variables.Certain(left)));
                var algorithm = ChooseAlgorithm(left, right, left.Estimate);
                return new LeftJoinNode(left, right, l.Condition, algorithm) { Estimate = Math.Max(left.Estimate, left.Estimate * Math.Min(right.Estimate, 10)) };
            }
            case Union u:
            {
                var left = PlanPattern(u.Left, bound);
                var right = PlanPattern(u.Right, bound);
                return new UnionNode(left, right) { Estimate = left.Estimate + right.Estimate };
            }
            case Minus m:
            {
                var left = PlanPattern(m.Left, bound);
                return new MinusNode(left, PlanPattern(m.Right, ImmutableHashSet<Variable>.Empty)) { Estimate = left.Estimate };
            }
            case Graph g:
            {
                var inner = PlanPattern(g.Inner, g.Name is Variable v ? bound.Add(v) : bound);
                return new GraphNode(g.Name, inner) { Estimate = inner.Estimate };
            }
            case Extend e:
            {
                var inner = PlanPattern(e.Inner, bound);
                return new ExtendNode(inner, e.Variable, e.Expression) { Estimate = inner.Estimate };
            }
            case Table t:
                return new ValuesNode(t) { Estimate = t.Rows.Length };
            case Group g:
            {
                var inner = PlanPattern(g.Inner, ImmutableHashSet<Variable>.Empty);
                return new GroupNode(inner, g.Keys, g.Aggregates) { Estimate = g.Keys.IsEmpty ? 1 : Math.Max(1, Math.Sqrt(inner.Estimate)) };
            }
            case OrderBy o:
            {
                var inner = PlanPattern(o.Inner, bound);
                return new OrderByNode(inner, o.Conditions) { Estimate = inner.Estimate };
            }
            case Project pr:
            {
                var inner = PlanPattern(pr.Inner, bound.Intersect(pr.Variables));
                return new ProjectNode(inner, pr.Variables) { Estimate = inner.Estimate };
            }
            case Distinct d:
            {
                var inner = PlanPattern(d.Inner, bound);
                return new DistinctNode(inner) { Estimate = inner.Estimate };
            }
            case Reduced r:
            {
                var inner = PlanPattern(r.Inner, bound);
                return new ReducedNode(inner) { Estimate = inner.Estimate };
            }
            case Slice s:
            {
                var inner = PlanPattern(s.Inner, ImmutableHashSet<Variable>.Empty);
                double n = Math.Max(0, inner.Estimate - s.Offset);
                return new SliceNode(inner, s.Offset, s.Limit) { Estimate = s.Limit is long l ? Math.Min(n, l) : n };
            }
            case Service s:
            {
                var inner = PlanPattern(s.Inner, ImmutableHashSet<Variable>.Empty);
                return new ServiceNode(s.Endpoint, s.Inner, inner, s.Silent) { Estimate = inner.Estimate };
            }
            default:
                throw new ArgumentException($"unknown algebra node {p.GetType().Name}", nameof(p));
        }
    }

    private static List<Expression> Conjuncts(Expression e)
    {
        var list = new List<Expression>();
        void Split(Expression x)
        {
            if (x is BinaryExpression { Operator: BinaryOperator.And } b) { Split(b.Left); Split(b.Right); }
            else list.Add(x);
        }
        Split(e);
        return list;
    }

    /// <summary>A group: joined elements plus filter conjuncts, ordered and interleaved.</summary>
    private PlanNode PlanGroup(GraphPattern pattern, List<Expression> filters, ImmutableHashSet<Variable> bound)
    {
        // FILTER over OPTIONAL: conjuncts on variables the left side certainly binds go into the left side.
        if (_optimize && pattern is LeftJoin lj && filters.Count > 0)
        {
            var leftPlan = PlanPattern(lj.Left, bound);
            var certain = Variables.Certain(leftPlan);
            var pushed = filters.Where(f => !Variables.ContainsExists(f) && Variables.Of(f).IsSubsetOf(certain)).ToList();
            if (pushed.Count > 0)
            {
                var rest = filters.Except(pushed).ToList();
                var inner = PlanPattern(new LeftJoin(new Filter(Conjunction(pushed), lj.Left), lj.Right, lj.Condition), bound);
                return rest.Count == 0 ? inner : new FilterNode(Conjunction(rest), inner) { Estimate = inner.Estimate / 2 };
            }
        }
        var elements = new List<GraphPattern>();
        Flatten(pattern, elements);
        var planned = new List<PlanNode>();
        foreach (var e in elements)
        {
            switch (e)
            {
                case Bgp bgp:
                    planned.AddRange(bgp.Patterns.Select(t => new ScanNode(t)));
                    break;
                case PathPattern path:
                    planned.Add(new PathNode(path.Subject, path.Path, path.Object));
                    break;
                default:
                    planned.Add(PlanPattern(e, bound));
                    break;
            }
        }
        if (planned.Count == 0) planned.Add(new ValuesNode(Table.Unit) { Estimate = 1 });

        var remaining = new List<Expression>(filters);
        PlanNode? chain = null;
        var chainBound = bound;
        double chainSize = 1;
        while (planned.Count > 0)
        {
            int pick = 0;
            if (_optimize)
            {
                double best = double.PositiveInfinity;
                for (int i = 0; i < planned.Count; i++)
                {
                    double cost = Estimate(planned[i], chainBound);
                    // A pattern sharing no variable with what is bound is a cross product: last resort.
                    if (chain is not null && !Variables.Maybe(planned[i]).Overlaps(chainBound)) cost = cost * 1e6 + 1e9;
                    if (cost < best) { best = cost; pick = i; }
                }
            }
            var next = planned[pick];
            planned.RemoveAt(pick);
            double size = Estimate(next, chainBound);
            next = next with { Estimate = size };
            double leftSize = chainSize;
            chainSize = chain is null ? size : chainSize * Math.Max(size, 1e-3);
            chain = chain is null ? next : new JoinNode(chain, next, ChooseAlgorithm(chain, next, leftSize)) { Estimate = chainSize };
            chainBound = chainBound.Union(Variables.Certain(next));
            if (_optimize && planned.Count > 0)
            {
                foreach (var f in remaining.ToList())
                {
                    if (Variables.ContainsExists(f) || !Variables.Of(f).IsSubsetOf(Variables.Certain(chain))) continue;
                    chainSize /= 3;
                    chain = new FilterNode(f, chain) { Estimate = chainSize };
                    remaining.Remove(f);
                }
            }
        }
        if (remaining.Count > 0) chain = new FilterNode(Conjunction(remaining), chain!) { Estimate = chainSize / 3 };
        return chain!;
    }

    private static Expression Conjunction(List<Expression> conditions) =>
        conditions.Skip(1).Aggregate(conditions[0], (a, b) => new BinaryExpression(BinaryOperator.And, a, b));

    private static void Flatten(GraphPattern p, List<GraphPattern> into)
    {
        if (p is Join j) { Flatten(j.Left, into); Flatten(j.Right, into); }
        else if (p is Table { IsUnit: true }) { }
        else into.Add(p);
    }

    /// <summary>
    /// Nested loop when the right side is index-driven (patterns, paths, unions of them), shares a variable with
    /// the left, and the left is small against the right's whole extent (an index lookup costs about as much as
    /// hashing several rows); otherwise the right side is evaluated once and hashed.
    /// </summary>
    private JoinAlgorithm ChooseAlgorithm(PlanNode left, PlanNode right, double leftSize)
    {
        if (!IsIndexDriven(right) || !Variables.Maybe(right).Overlaps(Variables.Certain(left))) return JoinAlgorithm.Hash;
        if (_optimize && right is ScanNode scan && leftSize * LookupCostInRows > EstimateScan(scan.Pattern, ImmutableHashSet<Variable>.Empty))
            return JoinAlgorithm.Hash;
        return JoinAlgorithm.NestedLoop;
    }

    /// <summary>One index lookup costs about as much as scanning and hashing this many rows.</summary>
    private const double LookupCostInRows = 8;

    private static bool IsIndexDriven(PlanNode node) => node switch
    {
        ScanNode or PathNode => true,
        JoinNode j => IsIndexDriven(j.Left) && IsIndexDriven(j.Right),
        UnionNode u => IsIndexDriven(u.Left) && IsIndexDriven(u.Right),
        GraphNode g => IsIndexDriven(g.Inner),
        FilterNode f => IsIndexDriven(f.Inner),
        _ => false,
    };

    // ---- estimates ----------------------------------------------------------------------------

    private double Estimate(PlanNode node, ImmutableHashSet<Variable> bound) => node switch
    {
        ScanNode s => EstimateScan(s.Pattern, bound),
        PathNode p => EstimatePath(p, bound),
        _ => Variables.Certain(node).Overlaps(bound) ? Math.Max(1, node.Estimate / 10) : node.Estimate,
    };

    private double EstimateScan(TriplePattern t, ImmutableHashSet<Variable> bound)
    {
        Term? s = (t.Subject as TermConstant)?.Term, o = (t.Object as TermConstant)?.Term;
        var p = (t.Predicate as TermConstant)?.Term as Iri;
        if (t.Predicate is TermConstant && p is null) return 0;
        double n = _stats.Matches(s, p, o);
        if (n == 0) return 0;
        bool sBound = t.Subject is Variable sv && bound.Contains(sv);
        bool oBound = t.Object is Variable ov && bound.Contains(ov);
        bool pBound = t.Predicate is Variable pv && bound.Contains(pv);
        if (p is not null && _stats.Predicate(p) is var (triples, subjects, objects))
        {
            if (sBound) n /= Math.Max(1, s is null ? subjects : 1);
            if (oBound) n /= Math.Max(1, o is null ? objects : 1);
        }
        else
        {
            double total = Math.Max(1, _stats.TotalQuads);
            if (sBound) n /= Math.Max(1, Math.Sqrt(total));
            if (oBound) n /= Math.Max(1, Math.Sqrt(total));
        }
        if (pBound) n /= 10;
        return Math.Max(n, sBound || oBound || pBound ? 0.5 : 0);
    }

    private double EstimatePath(PathNode p, ImmutableHashSet<Variable> bound)
    {
        bool sFixed = p.Subject is TermConstant || (p.Subject is Variable sv && bound.Contains(sv));
        bool oFixed = p.Object is TermConstant || (p.Object is Variable ov && bound.Contains(ov));
        double total = Math.Max(1, _stats.TotalQuads);
        if (sFixed && oFixed) return 1;
        if (sFixed || oFixed) return Math.Max(10, Math.Sqrt(total));
        return total;
    }
}
