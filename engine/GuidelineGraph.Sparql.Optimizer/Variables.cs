using System.Collections.Immutable;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Optimizer;

/// <summary>Variable sets of plans and expressions, as the planner and the evaluator need them.</summary>
public static class Variables
{
    /// <summary>Variables bound in every solution of <paramref name="node"/>.</summary>
    public static ImmutableHashSet<Variable> Certain(PlanNode node) => node switch
    {
        ScanNode s => Of(s.Pattern.Subject, s.Pattern.Predicate, s.Pattern.Object),
        PathNode p => Of(p.Subject, p.Object),
        JoinNode j => Certain(j.Left).Union(Certain(j.Right)),
        LeftJoinNode l => Certain(l.Left),
        FilterNode f => Certain(f.Inner),
        UnionNode u => Certain(u.Left).Intersect(Certain(u.Right)),
        MinusNode m => Certain(m.Left),
        GraphNode g => Certain(g.Inner).Union(Of(g.Name)),
        ExtendNode e => Certain(e.Inner),
        ValuesNode v => v.Table.Variables.Where((_, i) => v.Table.Rows.All(r => r[i] is not null)).ToImmutableHashSet(),
        GroupNode g => g.Keys.Where(k => k.Alias is null && k.Expression is VariableExpression ve && Certain(g.Inner).Contains(ve.Variable))
            .Select(k => ((VariableExpression)k.Expression).Variable).ToImmutableHashSet(),
        OrderByNode o => Certain(o.Inner),
        ProjectNode p => Certain(p.Inner).Intersect(p.Variables),
        DistinctNode d => Certain(d.Inner),
        ReducedNode r => Certain(r.Inner),
        SliceNode s => Certain(s.Inner),
        ServiceNode s => Certain(s.Inner),
        _ => [],
    };

    /// <summary>Variables that may be bound in a solution of <paramref name="node"/> (its in-scope variables).</summary>
    public static ImmutableHashSet<Variable> Maybe(PlanNode node) => node switch
    {
        ScanNode or PathNode => Certain(node),
        JoinNode j => Maybe(j.Left).Union(Maybe(j.Right)),
        LeftJoinNode l => Maybe(l.Left).Union(Maybe(l.Right)),
        FilterNode f => Maybe(f.Inner),
        UnionNode u => Maybe(u.Left).Union(Maybe(u.Right)),
        MinusNode m => Maybe(m.Left),
        GraphNode g => Maybe(g.Inner).Union(Of(g.Name)),
        ExtendNode e => Maybe(e.Inner).Add(e.Variable),
        ValuesNode v => [.. v.Table.Variables],
        GroupNode g => g.Keys.Select(k => k.Alias ?? (k.Expression as VariableExpression)?.Variable).OfType<Variable>()
            .Concat(g.Aggregates.Select(a => a.Variable)).ToImmutableHashSet(),
        OrderByNode o => Maybe(o.Inner),
        ProjectNode p => [.. p.Variables],
        DistinctNode d => Maybe(d.Inner),
        ReducedNode r => Maybe(r.Inner),
        SliceNode s => Maybe(s.Inner),
        ServiceNode s => Maybe(s.Inner).Union(Of(s.Endpoint)),
        _ => [],
    };

    /// <summary>Variables an expression reads, EXISTS patterns included.</summary>
    public static ImmutableHashSet<Variable> Of(Expression e)
    {
        var set = ImmutableHashSet.CreateBuilder<Variable>();
        Collect(e, set);
        return set.ToImmutable();
    }

    public static bool ContainsExists(Expression e) => e switch
    {
        ExistsExpression => true,
        BinaryExpression b => ContainsExists(b.Left) || ContainsExists(b.Right),
        UnaryExpression u => ContainsExists(u.Operand),
        InExpression i => ContainsExists(i.Value) || i.List.Any(ContainsExists),
        BuiltInCall c => c.Arguments.Any(ContainsExists),
        FunctionCall f => f.Arguments.Any(ContainsExists),
        _ => false,
    };

    private static void Collect(Expression e, ImmutableHashSet<Variable>.Builder set)
    {
        switch (e)
        {
            case VariableExpression v: set.Add(v.Variable); break;
            case BinaryExpression b: Collect(b.Left, set); Collect(b.Right, set); break;
            case UnaryExpression u: Collect(u.Operand, set); break;
            case InExpression i: Collect(i.Value, set); foreach (var x in i.List) Collect(x, set); break;
            case BuiltInCall c: foreach (var x in c.Arguments) Collect(x, set); break;
            case FunctionCall f: foreach (var x in f.Arguments) Collect(x, set); break;
            case ExistsExpression ex: foreach (var v in AlgebraBuilder.InScope(ex.Pattern)) set.Add(v); break;
        }
    }

    private static ImmutableHashSet<Variable> Of(params TermPattern[] terms) => terms.OfType<Variable>().ToImmutableHashSet();
}
