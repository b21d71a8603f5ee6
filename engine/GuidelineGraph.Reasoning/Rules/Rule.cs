using System.Collections.Immutable;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Reasoning.Rules;

/// <summary>A rule's name, unique within a program.</summary>
public readonly record struct RuleId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>A position of a term or atom in a rule: a variable or a constant RDF term.</summary>
public abstract record RuleTerm
{
    private protected RuleTerm() { }
}

public sealed record Variable(string Name) : RuleTerm
{
    public override string ToString() => "?" + Name;
}

public sealed record Constant(Term Value) : RuleTerm
{
    public override string ToString() => Value.ToString();
}

/// <summary>Where a rule element was written: file (may be null for rules built in code) and range.</summary>
public readonly record struct SourceSpan(string? File, TextPosition Start, TextPosition End)
{
    public static readonly SourceSpan None = new(null, TextPosition.Start, TextPosition.Start);
    public override string ToString() => File is null ? Start.ToString() : $"{File}:{Start}";
}

/// <summary>A triple pattern.</summary>
public sealed record Atom(RuleTerm Subject, RuleTerm Predicate, RuleTerm Object)
{
    public SourceSpan Span { get; init; } = SourceSpan.None;

    public IEnumerable<RuleTerm> Terms
    {
        get { yield return Subject; yield return Predicate; yield return Object; }
    }

    public IEnumerable<Variable> Variables => Terms.OfType<Variable>();

    public override string ToString() => $"({Subject} {Predicate} {Object})";
}

public enum BuiltinKind { Equal, NotEqual, LessThan, LessOrEqual, GreaterThan, GreaterOrEqual, IsIri, IsBlank, IsLiteral, NotLiteral }

/// <summary>A test over bound terms. Comparisons order numeric literals by value and other terms by <see cref="Term.CompareTo"/>.</summary>
public sealed record Builtin(BuiltinKind Kind, ImmutableArray<RuleTerm> Arguments)
{
    public SourceSpan Span { get; init; } = SourceSpan.None;

    public static int Arity(BuiltinKind kind) => kind is BuiltinKind.IsIri or BuiltinKind.IsBlank or BuiltinKind.IsLiteral or BuiltinKind.NotLiteral ? 1 : 2;

    public static string Symbol(BuiltinKind kind) => kind switch
    {
        BuiltinKind.Equal => "=",
        BuiltinKind.NotEqual => "!=",
        BuiltinKind.LessThan => "<",
        BuiltinKind.LessOrEqual => "<=",
        BuiltinKind.GreaterThan => ">",
        BuiltinKind.GreaterOrEqual => ">=",
        BuiltinKind.IsIri => "isIri",
        BuiltinKind.IsBlank => "isBlank",
        BuiltinKind.IsLiteral => "isLiteral",
        _ => "notLiteral",
    };

    public override string ToString() => Arity(Kind) == 1
        ? $"{Symbol(Kind)}({Arguments[0]})"
        : $"{Arguments[0]} {Symbol(Kind)} {Arguments[1]}";
}

/// <summary>
/// head &lt;- body. The body is positive atoms, negated atoms (negation as failure, stratified) and builtins.
/// A rule without positive atoms is an axiom: its head must be ground and it holds unconditionally.
/// <see cref="Source"/> is the clause (or other document part) the rule states, so a proof can end there.
/// </summary>
public sealed record Rule(RuleId Id, Atom Head, ImmutableArray<Atom> Body, ImmutableArray<Atom> Negated, ImmutableArray<Builtin> Builtins)
{
    public Iri? Source { get; init; }
    public SourceSpan Span { get; init; } = SourceSpan.None;

    public Rule(RuleId id, Atom head, params Atom[] body) : this(id, head, [.. body], [], []) { }

    /// <summary>Variables in first-occurrence order over head, body, negated atoms and builtins; derivation bindings follow this order.</summary>
    public ImmutableArray<Variable> Variables => CollectVariables(Head, Body, Negated, Builtins);

    public bool IsAxiom => Body.IsEmpty;

    private static ImmutableArray<Variable> CollectVariables(Atom head, ImmutableArray<Atom> body, ImmutableArray<Atom> negated, ImmutableArray<Builtin> builtins)
    {
        var seen = new List<Variable>();
        void Add(RuleTerm t) { if (t is Variable v && !seen.Contains(v)) seen.Add(v); }
        foreach (var t in head.Terms) Add(t);
        foreach (var a in body) foreach (var t in a.Terms) Add(t);
        foreach (var a in negated) foreach (var t in a.Terms) Add(t);
        foreach (var b in builtins) foreach (var t in b.Arguments) Add(t);
        return [.. seen];
    }

    public override string ToString()
    {
        var parts = Body.Select(a => a.ToString())
            .Concat(Negated.Select(a => "not " + a))
            .Concat(Builtins.Select(b => b.ToString()));
        return $"[{Id}: {Head} <- {string.Join(", ", parts)}]";
    }
}
