using System.Collections.Immutable;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Syntax.Algebra;

/// <summary>FROM and FROM NAMED.</summary>
public sealed record Dataset(ImmutableArray<Iri> DefaultGraphs, ImmutableArray<Iri> NamedGraphs);

/// <summary>A translated query. <see cref="Pattern"/> already holds the solution modifiers.</summary>
public abstract record Query(GraphPattern Pattern, Dataset? Dataset, string? BaseIri);

public sealed record SelectQuery(GraphPattern Pattern, Dataset? Dataset, string? BaseIri) : Query(Pattern, Dataset, BaseIri);

/// <summary>Blank nodes in <see cref="Template"/> stand for fresh nodes per solution.</summary>
public sealed record ConstructQuery(ImmutableArray<TriplePattern> Template, GraphPattern Pattern, Dataset? Dataset, string? BaseIri)
    : Query(Pattern, Dataset, BaseIri);

public sealed record AskQuery(GraphPattern Pattern, Dataset? Dataset, string? BaseIri) : Query(Pattern, Dataset, BaseIri);

/// <summary>DESCRIBE; with DESCRIBE * <see cref="Targets"/> lists the pattern's variables.</summary>
public sealed record DescribeQuery(ImmutableArray<TermPattern> Targets, GraphPattern Pattern, Dataset? Dataset, string? BaseIri)
    : Query(Pattern, Dataset, BaseIri);

/// <summary>A request: operations in order, run as one atomic unit.</summary>
public sealed record UpdateRequest(ImmutableArray<UpdateOperation> Operations, string? BaseIri);

public abstract record UpdateOperation;

/// <summary>INSERT DATA: ground quads; blank nodes are fresh for this request.</summary>
public sealed record InsertData(ImmutableArray<Quad> Data) : UpdateOperation;

public sealed record DeleteData(ImmutableArray<Quad> Data) : UpdateOperation;

/// <summary>
/// DELETE/INSERT … WHERE, and DELETE WHERE (whose template is its pattern). <see cref="With"/> names the
/// graph that unlabelled template quads target and, without USING, the pattern's default graph.
/// </summary>
public sealed record DeleteInsert(
    ImmutableArray<QuadPattern> Delete, ImmutableArray<QuadPattern> Insert, Iri? With, Dataset? Using, GraphPattern Pattern)
    : UpdateOperation;

public sealed record Load(bool Silent, Iri Source, Iri? Destination) : UpdateOperation;

public enum GraphTargetKind { Default, Named, All, Graph }

public sealed record GraphTarget(GraphTargetKind Kind, Iri? Graph = null)
{
    public static readonly GraphTarget Default = new(GraphTargetKind.Default);
    public static readonly GraphTarget Named = new(GraphTargetKind.Named);
    public static readonly GraphTarget All = new(GraphTargetKind.All);
}

public sealed record Clear(bool Silent, GraphTarget Target) : UpdateOperation;

public sealed record Drop(bool Silent, GraphTarget Target) : UpdateOperation;

public sealed record Create(bool Silent, Iri Graph) : UpdateOperation;

public enum TransferKind { Add, Move, Copy }

/// <summary>ADD, MOVE, COPY; a null graph is the default graph.</summary>
public sealed record Transfer(TransferKind Kind, bool Silent, Iri? Source, Iri? Destination) : UpdateOperation;
