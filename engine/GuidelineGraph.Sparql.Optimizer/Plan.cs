using System.Collections.Immutable;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Optimizer;

/// <summary>
/// How a join runs. <see cref="NestedLoop"/> evaluates the right side once per left solution with that
/// solution's bindings substituted (an index lookup per row for a triple pattern); <see cref="Hash"/>
/// evaluates the right side once, hashes it on the shared variables and probes it with each left solution.
/// </summary>
public enum JoinAlgorithm { NestedLoop, Hash }

/// <summary>
/// The physical plan: the §18 operators with the planner's choices made explicit (order of joins, join
/// algorithm, where each filter runs) and an estimated number of solutions per node.
/// </summary>
public abstract record PlanNode
{
    public double Estimate { get; init; }
}

/// <summary>One triple pattern matched in the active graph.</summary>
public sealed record ScanNode(TriplePattern Pattern) : PlanNode;

/// <summary>A property path other than a plain IRI, inverse or sequence (those become scans).</summary>
public sealed record PathNode(TermPattern Subject, PropertyPath Path, TermPattern Object) : PlanNode;

public sealed record JoinNode(PlanNode Left, PlanNode Right, JoinAlgorithm Algorithm) : PlanNode;

public sealed record LeftJoinNode(PlanNode Left, PlanNode Right, Expression? Condition, JoinAlgorithm Algorithm) : PlanNode;

public sealed record FilterNode(Expression Condition, PlanNode Inner) : PlanNode;

public sealed record UnionNode(PlanNode Left, PlanNode Right) : PlanNode;

public sealed record MinusNode(PlanNode Left, PlanNode Right) : PlanNode;

public sealed record GraphNode(TermPattern Name, PlanNode Inner) : PlanNode;

public sealed record ExtendNode(PlanNode Inner, Variable Variable, Expression Expression) : PlanNode;

public sealed record ValuesNode(Table Table) : PlanNode;

public sealed record GroupNode(PlanNode Inner, ImmutableArray<GroupKey> Keys, ImmutableArray<AggregateBinding> Aggregates) : PlanNode;

public sealed record OrderByNode(PlanNode Inner, ImmutableArray<OrderCondition> Conditions) : PlanNode;

public sealed record ProjectNode(PlanNode Inner, ImmutableArray<Variable> Variables) : PlanNode;

public sealed record DistinctNode(PlanNode Inner) : PlanNode;

public sealed record ReducedNode(PlanNode Inner) : PlanNode;

public sealed record SliceNode(PlanNode Inner, long Offset, long? Limit) : PlanNode;

/// <summary>SERVICE: the inner pattern stays algebra, since another engine evaluates it.</summary>
public sealed record ServiceNode(TermPattern Endpoint, GraphPattern Pattern, PlanNode Inner, bool Silent) : PlanNode;
