namespace GuidelineGraph.Rdf;

public enum TermKind : byte { Iri = 0, BlankNode = 1, Literal = 2 }

/// <summary>An RDF term: an IRI, a blank node or a literal. Immutable, compared by value.</summary>
public abstract class Term : IEquatable<Term>, IComparable<Term>
{
    private protected Term() { }

    public abstract TermKind Kind { get; }
    public bool IsIri => Kind == TermKind.Iri;
    public bool IsBlankNode => Kind == TermKind.BlankNode;
    public bool IsLiteral => Kind == TermKind.Literal;

    public abstract bool Equals(Term? other);
    public override bool Equals(object? obj) => obj is Term t && Equals(t);
    public abstract override int GetHashCode();

    /// <summary>N-Triples form.</summary>
    public abstract override string ToString();

    /// <summary>A total order: blank nodes, then IRIs, then literals (SPARQL ORDER BY's order of kinds).</summary>
    public int CompareTo(Term? other)
    {
        if (other is null) return 1;
        int k = KindRank(this).CompareTo(KindRank(other));
        if (k != 0) return k;
        return this switch
        {
            Iri a => string.CompareOrdinal(a.Value, ((Iri)other).Value),
            BlankNode b => string.CompareOrdinal(b.Id, ((BlankNode)other).Id),
            Literal l => l.CompareLexically((Literal)other),
            _ => 0,
        };
    }

    private static int KindRank(Term t) => t.Kind switch { TermKind.BlankNode => 0, TermKind.Iri => 1, _ => 2 };

    public static bool operator ==(Term? a, Term? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(Term? a, Term? b) => !(a == b);
}

/// <summary>An absolute IRI. Validation of syntax is the parsers' job; this only holds the string.</summary>
public sealed class Iri : Term
{
    public Iri(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    public string Value { get; }
    public override TermKind Kind => TermKind.Iri;
    public override bool Equals(Term? other) => other is Iri i && (ReferenceEquals(this, i) || i.Value == Value);
    public override int GetHashCode() => Value.GetHashCode();
    public override string ToString() => "<" + NTriplesEscaping.EscapeIri(Value) + ">";

    public static implicit operator Iri(string value) => new(value);
}

/// <summary>A blank node, identified by a label unique within its dataset.</summary>
public sealed class BlankNode : Term
{
    private static long _counter;

    public BlankNode(string id) => Id = id ?? throw new ArgumentNullException(nameof(id));

    /// <summary>A fresh blank node with a process-unique label.</summary>
    public static BlankNode Fresh() => new("b" + Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string Id { get; }
    public override TermKind Kind => TermKind.BlankNode;
    public override bool Equals(Term? other) => other is BlankNode b && b.Id == Id;
    public override int GetHashCode() => HashCode.Combine(1, Id);
    public override string ToString() => "_:" + Id;
}

/// <summary>
/// A literal: lexical form plus datatype, or plus a language tag (datatype rdf:langString).
/// Language tags are kept lower-cased, since RDF 1.1 compares them case-insensitively.
/// </summary>
public sealed class Literal : Term
{
    public Literal(string lexical, Iri datatype)
    {
        Lexical = lexical ?? throw new ArgumentNullException(nameof(lexical));
        Datatype = datatype ?? throw new ArgumentNullException(nameof(datatype));
    }

    public Literal(string lexical, string language)
    {
        Lexical = lexical ?? throw new ArgumentNullException(nameof(lexical));
        Language = (language ?? throw new ArgumentNullException(nameof(language))).ToLowerInvariant();
        Datatype = Vocab.Rdf.LangString;
    }

    /// <summary>A simple literal (xsd:string).</summary>
    public Literal(string lexical) : this(lexical, Vocab.Xsd.String) { }

    public string Lexical { get; }
    public Iri Datatype { get; }
    /// <summary>Lower-cased language tag, or null.</summary>
    public string? Language { get; }

    public override TermKind Kind => TermKind.Literal;

    public override bool Equals(Term? other) =>
        other is Literal l && l.Lexical == Lexical && l.Language == Language && l.Datatype.Value == Datatype.Value;

    public override int GetHashCode() => HashCode.Combine(Lexical, Language, Datatype.Value);

    public override string ToString()
    {
        var s = "\"" + NTriplesEscaping.EscapeString(Lexical) + "\"";
        if (Language is not null) return s + "@" + Language;
        if (Datatype.Value == Vocab.Xsd.String.Value) return s;
        return s + "^^" + Datatype;
    }

    internal int CompareLexically(Literal other)
    {
        int c = string.CompareOrdinal(Lexical, other.Lexical);
        if (c != 0) return c;
        c = string.CompareOrdinal(Datatype.Value, other.Datatype.Value);
        return c != 0 ? c : string.CompareOrdinal(Language, other.Language);
    }
}
