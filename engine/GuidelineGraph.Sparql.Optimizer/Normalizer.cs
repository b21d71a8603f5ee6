using System.Collections.Immutable;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Optimizer;

/// <summary>
/// Gives the variables a subquery does not project names of their own, so that one slot per variable
/// name serves the whole query: an inner ?x that SELECT hides is another variable than an outer ?x.
/// </summary>
public static class Normalizer
{
    public static GraphPattern Normalize(GraphPattern root)
    {
        int counter = 0;
        return Visit(root, isRoot: true);

        GraphPattern Visit(GraphPattern p, bool isRoot) => p switch
        {
            Project pr when !isRoot => HideUnprojected(pr),
            // The query's own projection stays as written; solution modifiers above it keep it the root.
            _ => Rewrite(p, c => Visit(c, isRoot && p is Slice or Distinct or Reduced), v => v),
        };

        GraphPattern HideUnprojected(Project pr)
        {
            var visible = pr.Variables.ToHashSet();
            var renames = new Dictionary<Variable, Variable>();
            Variable Map(Variable v)
            {
                if (visible.Contains(v)) return v;
                if (!renames.TryGetValue(v, out var r)) renames[v] = r = new Variable("~" + counter++ + "." + v.Name.TrimStart('?', '.'));
                return r;
            }
            var inner = RenameAll(pr.Inner, Map);
            return pr with { Inner = Visit(inner, isRoot: false) };
        }
    }

    /// <summary>Rebuilds a pattern with <paramref name="child"/> applied to its direct sub-patterns and <paramref name="map"/> to its variables.</summary>
    private static GraphPattern Rewrite(GraphPattern p, Func<GraphPattern, GraphPattern> child, Func<Variable, Variable> map)
    {
        TermPattern T(TermPattern t) => t is Variable v ? map(v) : t;
        Expression E(Expression e) => RenameExpression(e, map, child);
        TriplePattern Tp(TriplePattern t) => new(T(t.Subject), T(t.Predicate), T(t.Object));
        return p switch
        {
            Bgp b => new Bgp(b.Patterns.Select(Tp).ToImmutableArray()),
            PathPattern pp => new PathPattern(T(pp.Subject), pp.Path, T(pp.Object)),
            Join j => new Join(child(j.Left), child(j.Right)),
            LeftJoin l => new LeftJoin(child(l.Left), child(l.Right), l.Condition is null ? null : E(l.Condition)),
            Filter f => new Filter(E(f.Condition), child(f.Inner)),
            Union u => new Union(child(u.Left), child(u.Right)),
            Minus m => new Minus(child(m.Left), child(m.Right)),
            Graph g => new Graph(T(g.Name), child(g.Inner)),
            Extend e => new Extend(child(e.Inner), map(e.Variable), E(e.Expression)),
            Table t => new Table(t.Variables.Select(map).ToImmutableArray(), t.Rows),
            Group g => new Group(child(g.Inner),
                g.Keys.Select(k => new GroupKey(E(k.Expression), k.Alias is null ? null : map(k.Alias))).ToImmutableArray(),
                g.Aggregates.Select(a => new AggregateBinding(map(a.Variable), a.Aggregate with
                {
                    Argument = a.Aggregate.Argument is null ? null : E(a.Aggregate.Argument),
                })).ToImmutableArray()),
            OrderBy o => new OrderBy(child(o.Inner), o.Conditions.Select(c => c with { Expression = E(c.Expression) }).ToImmutableArray()),
            Project pr => new Project(child(pr.Inner), pr.Variables.Select(map).ToImmutableArray()),
            Distinct d => new Distinct(child(d.Inner)),
            Reduced r => new Reduced(child(r.Inner)),
            Slice s => new Slice(child(s.Inner), s.Offset, s.Limit),
            Service s => new Service(T(s.Endpoint), child(s.Inner), s.Silent),
            _ => p,
        };
    }

    private static GraphPattern RenameAll(GraphPattern p, Func<Variable, Variable> map) =>
        Rewrite(p, c => RenameAll(c, map), map);

    private static Expression RenameExpression(Expression e, Func<Variable, Variable> map, Func<GraphPattern, GraphPattern> child)
    {
        Expression R(Expression x) => RenameExpression(x, map, child);
        return e switch
        {
            VariableExpression v => new VariableExpression(map(v.Variable)),
            BinaryExpression b => b with { Left = R(b.Left), Right = R(b.Right) },
            UnaryExpression u => u with { Operand = R(u.Operand) },
            InExpression i => i with { Value = R(i.Value), List = i.List.Select(R).ToImmutableArray() },
            BuiltInCall c => c with { Arguments = c.Arguments.Select(R).ToImmutableArray() },
            FunctionCall f => f with { Arguments = f.Arguments.Select(R).ToImmutableArray() },
            ExistsExpression x => new ExistsExpression(child(x.Pattern)),
            _ => e,
        };
    }
}
