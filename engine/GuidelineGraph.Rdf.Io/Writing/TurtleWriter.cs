using System.Globalization;
using GuidelineGraph.Rdf.Io.Syntax;

namespace GuidelineGraph.Rdf.Io.Writing;

/// <summary>
/// Pretty Turtle and TriG: prefixes, subjects grouped with ';' and ',' lists, 'a', bare numbers and
/// booleans, and '[ … ]' or '( … )' for a blank node that is an object exactly once, in the graph that
/// holds its own triples, and never a graph name. Anything else keeps its label, so the output reads
/// back to the same dataset.
/// </summary>
internal sealed class TurtleWriter
{
    /// <summary>Deeper inline nesting is written with labels instead (keeps the writer's recursion bounded).</summary>
    private const int MaxInlineDepth = 64;

    private readonly TextWriter _out;
    private readonly bool _trig;
    private readonly List<(string Prefix, string Namespace)> _prefixes = [];
    private readonly IriResolver? _base;
    private readonly BlankNodeLabels _labels = new();

    // Per blank node: how often it is an object, and the graphs it is a subject in.
    private readonly Dictionary<BlankNode, int> _objectUses = [];
    private readonly Dictionary<BlankNode, Term?> _objectGraph = [];
    private readonly HashSet<BlankNode> _graphNames = [];
    private readonly Dictionary<BlankNode, HashSet<Term?>> _subjectGraphs = [];
    private readonly HashSet<BlankNode> _written = [];
    private Dictionary<Term, List<Quad>> _bySubject = [];

    public TurtleWriter(TextWriter output, RdfWriteOptions options)
    {
        _out = output;
        _trig = options.Format == RdfFormat.TriG;
        if (options.Prefixes is not null)
            foreach (var (prefix, ns) in options.Prefixes)
                if (IsValidPrefix(prefix)) _prefixes.Add((prefix, ns));
        // Longest namespace first, so the most specific prefix wins.
        _prefixes.Sort((a, b) => b.Namespace.Length.CompareTo(a.Namespace.Length));
        if (options.BaseIri is not null && IriResolver.TryCreate(options.BaseIri, out var resolver)) _base = resolver;
    }

    public void Write(IEnumerable<Quad> quads)
    {
        var graphs = new Dictionary<Term, List<Quad>>();
        var defaultGraph = new List<Quad>();
        var graphOrder = new List<Term>();
        var seen = new HashSet<Quad>();
        foreach (var q in quads)
        {
            if (!seen.Add(q)) continue;
            if (q.Graph is null) defaultGraph.Add(q);
            else
            {
                if (!_trig) throw new ArgumentException($"Turtle has no named graphs, but a quad is in graph {q.Graph}.", nameof(quads));
                if (!graphs.TryGetValue(q.Graph, out var list))
                {
                    graphs[q.Graph] = list = [];
                    graphOrder.Add(q.Graph);
                }
                list.Add(q);
                if (q.Graph is BlankNode g) _graphNames.Add(g);
            }
            if (q.Object is BlankNode o)
            {
                _objectUses[o] = _objectUses.GetValueOrDefault(o) + 1;
                _objectGraph[o] = q.Graph;
            }
            if (q.Subject is BlankNode s)
            {
                if (!_subjectGraphs.TryGetValue(s, out var set)) _subjectGraphs[s] = set = [];
                set.Add(q.Graph);
            }
        }

        if (_base is not null) _out.Write($"@base <{NTriplesEscaping.EscapeIri(_base.Base)}> .\n");
        foreach (var (prefix, ns) in _prefixes.OrderBy(p => p.Prefix, StringComparer.Ordinal))
            _out.Write($"@prefix {prefix}: <{NTriplesEscaping.EscapeIri(ns)}> .\n");
        if (_base is not null || _prefixes.Count > 0) _out.Write('\n');

        WriteGraph(defaultGraph, "");
        foreach (var g in graphOrder)
        {
            WriteTerm(g, 0, false);
            _out.Write(" {\n");
            WriteGraph(graphs[g], "    ");
            _out.Write("}\n");
        }
    }

    /// <summary>Whether the node can be written in place of its single use as an object.</summary>
    private bool IsInlinable(BlankNode node) =>
        _objectUses.GetValueOrDefault(node) == 1 && !_graphNames.Contains(node) && !_written.Contains(node)
        && (!_subjectGraphs.TryGetValue(node, out var graphs) || (graphs.Count == 1 && Equals(graphs.First(), _objectGraph[node])));

    private void WriteGraph(List<Quad> quads, string indent)
    {
        _bySubject = new Dictionary<Term, List<Quad>>();
        // A blank node may be a subject in several graphs; "written" is per graph.
        _written.Clear();
        var order = new List<Term>();
        foreach (var q in quads)
        {
            if (!_bySubject.TryGetValue(q.Subject, out var list))
            {
                _bySubject[q.Subject] = list = [];
                order.Add(q.Subject);
            }
            list.Add(q);
        }
        var pending = new HashSet<Term>(order);
        foreach (var subject in order)
        {
            if (subject is BlankNode b && (IsInlinable(b) || _written.Contains(b))) continue;
            WriteSubject(subject, indent);
            pending.Remove(subject);
        }
        // Inlinable nodes whose referrer never got written (cycles, depth limit) still need their triples.
        bool progress = true;
        while (progress)
        {
            progress = false;
            foreach (var subject in order)
            {
                if (!pending.Contains(subject)) continue;
                if (subject is BlankNode b && _written.Contains(b))
                {
                    pending.Remove(subject);
                    continue;
                }
                WriteSubject(subject, indent);
                pending.Remove(subject);
                progress = true;
            }
        }
    }

    private void WriteSubject(Term subject, string indent)
    {
        if (subject is BlankNode b) _written.Add(b);
        _out.Write(indent);
        WriteTerm(subject, 0, false);
        WritePredicateObjects(subject, indent + "    ", 0);
        _out.Write(" .\n");
    }

    private void WritePredicateObjects(Term subject, string indent, int depth)
    {
        var quads = _bySubject[subject];
        // rdf:type first, then predicates in first-seen order.
        var byPredicate = new Dictionary<Iri, List<Term>>();
        var predicates = new List<Iri>();
        foreach (var q in quads)
        {
            if (!byPredicate.TryGetValue(q.Predicate, out var objects))
            {
                byPredicate[q.Predicate] = objects = [];
                if (q.Predicate.Equals(Vocab.Rdf.Type)) predicates.Insert(0, q.Predicate);
                else predicates.Add(q.Predicate);
            }
            objects.Add(q.Object);
        }
        for (int i = 0; i < predicates.Count; i++)
        {
            _out.Write(i == 0 ? " " : " ;\n" + indent);
            var p = predicates[i];
            if (p.Equals(Vocab.Rdf.Type)) _out.Write('a');
            else WriteIri(p);
            bool first = true;
            foreach (var o in byPredicate[p])
            {
                _out.Write(first ? " " : ", ");
                first = false;
                WriteTerm(o, depth, true);
            }
        }
    }

    private void WriteTerm(Term term, int depth, bool asObject)
    {
        switch (term)
        {
            case Iri iri:
                WriteIri(iri);
                break;
            case Literal literal:
                WriteLiteral(literal);
                break;
            case BlankNode node when asObject && depth < MaxInlineDepth && IsInlinable(node):
                WriteInline(node, depth + 1);
                break;
            case BlankNode node:
                _out.Write("_:");
                _out.Write(_labels.Label(node));
                break;
        }
    }

    private void WriteInline(BlankNode node, int depth)
    {
        _written.Add(node);
        if (ListItems(node) is { } items)
        {
            _out.Write('(');
            foreach (var item in items)
            {
                _out.Write(' ');
                WriteTerm(item, depth, true);
            }
            _out.Write(" )");
            return;
        }
        if (!_bySubject.ContainsKey(node))
        {
            _out.Write("[]");
            return;
        }
        _out.Write('[');
        WritePredicateObjects(node, new string(' ', 4 * (depth + 1)), depth);
        _out.Write(" ]");
    }

    /// <summary>The items of a well-formed list starting at <paramref name="head"/>, marking its cells written; null if it is not one.</summary>
    private List<Term>? ListItems(BlankNode head)
    {
        var items = new List<Term>();
        var cells = new List<BlankNode>();
        Term cell = head;
        while (!cell.Equals(Vocab.Rdf.Nil))
        {
            if (cell is not BlankNode b || !_bySubject.TryGetValue(b, out var quads) || quads.Count != 2) return null;
            if (b != head && (!IsInlinable(b) || cells.Contains(b))) return null;
            var first = quads.FirstOrDefault(q => q.Predicate.Equals(Vocab.Rdf.First));
            var rest = quads.FirstOrDefault(q => q.Predicate.Equals(Vocab.Rdf.Rest));
            if (first.Subject is null || rest.Subject is null) return null;
            cells.Add(b);
            items.Add(first.Object);
            cell = rest.Object;
        }
        if (cells.Count == 0) return null;
        foreach (var c in cells) _written.Add(c);
        return items;
    }

    private void WriteIri(Iri iri)
    {
        var value = iri.Value;
        foreach (var (prefix, ns) in _prefixes)
        {
            if (value.Length >= ns.Length && value.StartsWith(ns, StringComparison.Ordinal) && IsSafeLocalName(value.AsSpan(ns.Length)))
            {
                _out.Write(prefix);
                _out.Write(':');
                _out.Write(value.AsSpan(ns.Length));
                return;
            }
        }
        _out.Write('<');
        _out.Write(NTriplesEscaping.EscapeIri(Relative(value)));
        _out.Write('>');
    }

    /// <summary>A reference that resolves back to <paramref name="iri"/> against the base, or the IRI itself.</summary>
    private string Relative(string iri)
    {
        if (_base is null) return iri;
        var b = _base.Base;
        if (b.Contains('#') || !iri.StartsWith(b, StringComparison.Ordinal)) return iri;
        var rest = iri[b.Length..];
        // Only fragments, and plain names below a base ending in '/', are unambiguous without more analysis.
        if (rest.StartsWith('#') && !b.Contains('?')) return rest;
        if (b.EndsWith('/') && rest.Length > 0 && !rest.StartsWith('.') && rest.AsSpan().IndexOfAny(":/?#") < 0) return rest;
        return iri;
    }

    private void WriteLiteral(Literal literal)
    {
        var lex = literal.Lexical;
        if (literal.Language is null)
        {
            var dt = literal.Datatype.Value;
            if ((dt == Vocab.Xsd.Integer.Value && IsInteger(lex)) || (dt == Vocab.Xsd.Decimal.Value && IsDecimal(lex))
                || (dt == Vocab.Xsd.Double.Value && IsDouble(lex)) || (dt == Vocab.Xsd.Boolean.Value && lex is "true" or "false"))
            {
                _out.Write(lex);
                return;
            }
        }
        _out.Write('"');
        _out.Write(NTriplesEscaping.EscapeString(lex));
        _out.Write('"');
        if (literal.Language is not null)
        {
            _out.Write('@');
            _out.Write(literal.Language);
        }
        else if (literal.Datatype.Value != Vocab.Xsd.String.Value)
        {
            _out.Write("^^");
            WriteIri(literal.Datatype);
        }
    }

    private static bool IsInteger(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && s[0] is '+' or '-') s = s[1..];
        return s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsDecimal(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && s[0] is '+' or '-') s = s[1..];
        int dot = s.IndexOf('.');
        if (dot < 0) return false;
        var fraction = s[(dot + 1)..];
        return fraction.Length > 0 && !fraction.ContainsAnyExceptInRange('0', '9') && !s[..dot].ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsDouble(ReadOnlySpan<char> s)
    {
        int e = s.IndexOfAny('e', 'E');
        if (e < 0) return false;
        var mantissa = s[..e];
        if (mantissa.Length > 0 && mantissa[0] is '+' or '-') mantissa = mantissa[1..];
        int dot = mantissa.IndexOf('.');
        var whole = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? [] : mantissa[(dot + 1)..];
        if (whole.Length + fraction.Length == 0 || whole.ContainsAnyExceptInRange('0', '9') || fraction.ContainsAnyExceptInRange('0', '9')) return false;
        return IsInteger(s[(e + 1)..]);
    }

    private static bool IsValidPrefix(string prefix)
    {
        if (prefix.Length == 0) return true;
        if (!CharClass.IsPnCharsBase(prefix[0]) || prefix[^1] == '.') return false;
        foreach (char c in prefix.AsSpan(1))
            if (!(CharClass.IsPnChars(c) || c == '.')) return false;
        return true;
    }

    /// <summary>A PN_LOCAL that needs no escapes (so it reads back to exactly these characters).</summary>
    private static bool IsSafeLocalName(ReadOnlySpan<char> local)
    {
        if (local.Length == 0) return true;
        if (local[^1] == '.') return false;
        for (int i = 0; i < local.Length; i++)
        {
            char c = local[i];
            if (char.IsSurrogate(c)) return false;
            bool ok = i == 0 ? CharClass.IsPnCharsU(c) || char.IsAsciiDigit(c) || c == ':' : CharClass.IsPnChars(c) || c is '.' or ':';
            if (!ok) return false;
        }
        return true;
    }
}
