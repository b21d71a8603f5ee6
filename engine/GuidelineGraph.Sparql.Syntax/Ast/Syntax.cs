using System.Collections.Immutable;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Syntax.Ast;

// The parse tree as written, before the §18 translation. Terms, paths and expressions reuse the
// algebra's records; prefixed names and relative IRIs are already resolved.

public enum QueryForm { Select, Construct, Ask, Describe }

/// <summary>A projected variable or (expression AS ?var), spanning <see cref="Position"/> to <see cref="End"/>.</summary>
public sealed record ProjectionSyntax(Variable Variable, Expression? Expression, TextPosition Position, TextPosition End);

/// <summary>The SELECT clause, spanning from SELECT to the end of its last projection.</summary>
public sealed record SelectClauseSyntax(bool Distinct, bool Reduced, ImmutableArray<ProjectionSyntax> Projections, TextPosition Position, TextPosition End)
{
    /// <summary>SELECT * is written as no projections.</summary>
    public bool IsStar => Projections.IsEmpty;
}

public sealed record GroupConditionSyntax(Expression Expression, Variable? Alias, TextPosition Position);

public sealed record ExpressionSyntax(Expression Expression, TextPosition Position);

public sealed record SolutionModifiersSyntax(
    ImmutableArray<GroupConditionSyntax> GroupBy,
    ImmutableArray<ExpressionSyntax> Having,
    ImmutableArray<OrderCondition> OrderBy,
    TextPosition OrderByPosition,
    long? Limit,
    long? Offset)
{
    public static readonly SolutionModifiersSyntax None = new([], [], [], default, null, null);
}

/// <summary>
/// A query or sub-select. <see cref="Where"/> is null only for DESCRIBE without WHERE. For CONSTRUCT WHERE,
/// <see cref="Template"/> is the pattern's triples. For DESCRIBE *, <see cref="DescribeTargets"/> is empty.
/// </summary>
public sealed record QuerySyntax(
    QueryForm Form,
    SelectClauseSyntax? Select,
    ImmutableArray<TriplePattern> Template,
    ImmutableArray<TermPattern> DescribeTargets,
    Dataset? Dataset,
    GroupSyntax? Where,
    SolutionModifiersSyntax Modifiers,
    Table? Values,
    string? BaseIri,
    TextPosition Position);

/// <summary>{ … }: elements in order. A sub-select is a group holding one <see cref="SubSelectSyntax"/>.</summary>
public sealed record GroupSyntax(ImmutableArray<ElementSyntax> Elements, TextPosition Position);

public abstract record ElementSyntax(TextPosition Position);

/// <summary>
/// Triples; each has a plain <see cref="TriplePathSyntax.Predicate"/> (variable or IRI) or a
/// <see cref="TriplePathSyntax.Path"/>, never both.
/// </summary>
public sealed record TriplesSyntax(ImmutableArray<TriplePathSyntax> Triples, TextPosition Position) : ElementSyntax(Position);

public sealed record TriplePathSyntax(TermPattern Subject, TermPattern? Predicate, PropertyPath? Path, TermPattern Object);

public sealed record FilterSyntax(Expression Condition, TextPosition Position) : ElementSyntax(Position);

public sealed record OptionalSyntax(GroupSyntax Group, TextPosition Position) : ElementSyntax(Position);

public sealed record MinusSyntax(GroupSyntax Group, TextPosition Position) : ElementSyntax(Position);

public sealed record UnionSyntax(ImmutableArray<GroupSyntax> Branches, TextPosition Position) : ElementSyntax(Position);

public sealed record GraphSyntax(TermPattern Name, GroupSyntax Group, TextPosition Position) : ElementSyntax(Position);

public sealed record ServiceSyntax(TermPattern Endpoint, GroupSyntax Group, bool Silent, TextPosition Position) : ElementSyntax(Position);

/// <summary>BIND; the positions span the bound variable.</summary>
public sealed record BindSyntax(Expression Expression, Variable Variable, TextPosition Position, TextPosition End) : ElementSyntax(Position);

public sealed record ValuesSyntax(Table Data, TextPosition Position) : ElementSyntax(Position);

public sealed record SubGroupSyntax(GroupSyntax Group, TextPosition Position) : ElementSyntax(Position);

public sealed record SubSelectSyntax(QuerySyntax Query, TextPosition Position) : ElementSyntax(Position);

/// <summary>EXISTS / NOT EXISTS before translation; the builder turns it into <see cref="ExistsExpression"/>.</summary>
public sealed record ExistsSyntax(GroupSyntax Group, bool Negated) : Expression;

public sealed record UpdateRequestSyntax(ImmutableArray<UpdateOperationSyntax> Operations, string? BaseIri);

public abstract record UpdateOperationSyntax(TextPosition Position);

/// <summary>Operations that need no translation (data, graph management) carry their algebra form.</summary>
public sealed record DirectOperationSyntax(UpdateOperation Operation, TextPosition Position) : UpdateOperationSyntax(Position);

/// <summary>DELETE/INSERT … WHERE; for DELETE WHERE, <see cref="Where"/> is null and the pattern is the template.</summary>
public sealed record ModifySyntax(
    ImmutableArray<QuadPattern> Delete, ImmutableArray<QuadPattern> Insert, Iri? With, Dataset? Using, GroupSyntax? Where,
    TextPosition Position) : UpdateOperationSyntax(Position);
