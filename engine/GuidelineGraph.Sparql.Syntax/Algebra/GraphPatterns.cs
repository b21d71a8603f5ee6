using System.Collections.Immutable;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Syntax.Algebra;

/// <summary>The §18 algebra: a closed set of immutable operators. Evaluation lives elsewhere.</summary>
public abstract record GraphPattern;

public sealed record Bgp(ImmutableArray<TriplePattern> Patterns) : GraphPattern;

public sealed record PathPattern(TermPattern Subject, PropertyPath Path, TermPattern Object) : GraphPattern;

public sealed record Join(GraphPattern Left, GraphPattern Right) : GraphPattern;

/// <summary>OPTIONAL; <see cref="Condition"/> is the filter of the optional group, or null.</summary>
public sealed record LeftJoin(GraphPattern Left, GraphPattern Right, Expression? Condition) : GraphPattern;

public sealed record Filter(Expression Condition, GraphPattern Inner) : GraphPattern;

public sealed record Union(GraphPattern Left, GraphPattern Right) : GraphPattern;

public sealed record Minus(GraphPattern Left, GraphPattern Right) : GraphPattern;

public sealed record Graph(TermPattern Name, GraphPattern Inner) : GraphPattern;

public sealed record Extend(GraphPattern Inner, Variable Variable, Expression Expression) : GraphPattern;

/// <summary>VALUES data; a null cell is UNDEF. The empty group pattern is <see cref="Unit"/>.</summary>
public sealed record Table(ImmutableArray<Variable> Variables, ImmutableArray<ImmutableArray<Term?>> Rows) : GraphPattern
{
    /// <summary>One solution with no bindings: the identity of Join.</summary>
    public static readonly Table Unit = new([], [ImmutableArray<Term?>.Empty]);
    public bool IsUnit => Variables.IsEmpty && Rows.Length == 1;
}

/// <summary>A GROUP BY key; <see cref="Alias"/> is set by GROUP BY (expr AS ?v).</summary>
public sealed record GroupKey(Expression Expression, Variable? Alias);

public sealed record AggregateBinding(Variable Variable, AggregateExpression Aggregate);

/// <summary>Group and Aggregation (§18.2.4.1) fused: groups by <see cref="Keys"/>, binds each aggregate.</summary>
public sealed record Group(GraphPattern Inner, ImmutableArray<GroupKey> Keys, ImmutableArray<AggregateBinding> Aggregates) : GraphPattern;

public sealed record OrderCondition(Expression Expression, bool Descending);

public sealed record OrderBy(GraphPattern Inner, ImmutableArray<OrderCondition> Conditions) : GraphPattern;

public sealed record Project(GraphPattern Inner, ImmutableArray<Variable> Variables) : GraphPattern;

public sealed record Distinct(GraphPattern Inner) : GraphPattern;

public sealed record Reduced(GraphPattern Inner) : GraphPattern;

public sealed record Slice(GraphPattern Inner, long Offset, long? Limit) : GraphPattern;

public sealed record Service(TermPattern Endpoint, GraphPattern Inner, bool Silent) : GraphPattern;
