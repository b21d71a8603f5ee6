using System.Globalization;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Reasoning.Evaluation;

/// <summary>Terms encoded as dense ints, shared by the layers of a materialisation.</summary>
internal sealed class TermDictionary
{
    private readonly Dictionary<Term, int> _ids = [];
    private readonly List<Term> _terms = [];
    private readonly List<TermKind> _kinds = [];
    private readonly Dictionary<int, double?> _numbers = [];

    public int Count => _terms.Count;

    public int GetOrAdd(Term term)
    {
        if (_ids.TryGetValue(term, out int id)) return id;
        id = _terms.Count;
        _ids.Add(term, id);
        _terms.Add(term);
        _kinds.Add(term.Kind);
        return id;
    }

    public bool TryGet(Term term, out int id) => _ids.TryGetValue(term, out id);

    public Term this[int id] => _terms[id];

    public TermKind KindOf(int id) => _kinds[id];

    /// <summary>The numeric value of an xsd numeric literal, or null; cached because comparisons sit in joins.</summary>
    public double? NumberOf(int id)
    {
        if (_numbers.TryGetValue(id, out var n)) return n;
        n = _terms[id] is Literal l && IsNumeric(l.Datatype.Value)
            && double.TryParse(l.Lexical, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        _numbers[id] = n;
        return n;
    }

    private static bool IsNumeric(string datatype) =>
        datatype.StartsWith(Vocab.Xsd.Namespace, StringComparison.Ordinal)
        && datatype.AsSpan(Vocab.Xsd.Namespace.Length) is "integer" or "decimal" or "double" or "float" or "long" or "int"
            or "short" or "byte" or "nonNegativeInteger" or "nonPositiveInteger" or "positiveInteger" or "negativeInteger"
            or "unsignedLong" or "unsignedInt" or "unsignedShort" or "unsignedByte";
}
