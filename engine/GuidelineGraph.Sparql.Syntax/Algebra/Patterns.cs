using System.Collections.Immutable;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Syntax.Algebra;

/// <summary>A position in a triple or quad pattern: a variable or a constant term.</summary>
public abstract record TermPattern;

/// <summary>
/// A query variable. Names written by the user never start with '?' or '.'; the builder generates
/// '?'-prefixed names for blank nodes and path steps, '.'-prefixed names for aggregates. Generated
/// variables are never projected by SELECT *.
/// </summary>
public sealed record Variable(string Name) : TermPattern
{
    public bool IsGenerated => Name.Length > 0 && Name[0] is '?' or '.';
    public override string ToString() => "?" + Name;
}

public sealed record TermConstant(Term Term) : TermPattern
{
    public override string ToString() => Term.ToString();
}

public sealed record TriplePattern(TermPattern Subject, TermPattern Predicate, TermPattern Object);

/// <summary>A template or data quad; <see cref="Graph"/> null is the default graph.</summary>
public sealed record QuadPattern(TermPattern Subject, TermPattern Predicate, TermPattern Object, TermPattern? Graph);

/// <summary>Property path expressions (§9).</summary>
public abstract record PropertyPath;
public sealed record LinkPath(Iri Iri) : PropertyPath;
public sealed record InversePath(PropertyPath Path) : PropertyPath;
public sealed record SequencePath(PropertyPath First, PropertyPath Second) : PropertyPath;
public sealed record AlternativePath(PropertyPath First, PropertyPath Second) : PropertyPath;
public sealed record ZeroOrMorePath(PropertyPath Path) : PropertyPath;
public sealed record OneOrMorePath(PropertyPath Path) : PropertyPath;
public sealed record ZeroOrOnePath(PropertyPath Path) : PropertyPath;
/// <summary>!(a|^b): forward and inverse IRIs excluded.</summary>
public sealed record NegatedPropertySet(ImmutableArray<Iri> Forward, ImmutableArray<Iri> Inverse) : PropertyPath;
