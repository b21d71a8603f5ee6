using System.Xml.Linq;
using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Results;

namespace GuidelineGraph.Sparql.Tests;

/// <summary>
/// Reads the few data-r2 expected results written as an rs:ResultSet in RDF/XML (striped, parseType
/// Resource, as those files are); enough for the suite, not a general RDF/XML reader.
/// </summary>
internal static class RdfXmlResultSet
{
    private static readonly XNamespace Rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#";
    private static readonly XNamespace Rdf = Vocab.Rdf.Namespace;
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    public static (QueryResults Results, bool Ordered) Read(string path)
    {
        var doc = XDocument.Load(path);
        var set = doc.Descendants(Rs + "ResultSet").Single();
        var variables = set.Elements(Rs + "resultVariable").Select(v => v.Value.Trim()).ToList();
        var solutions = new List<(int Index, Term?[] Row)>();
        bool ordered = false;
        foreach (var solution in set.Elements(Rs + "solution"))
        {
            var row = new Term?[variables.Count];
            foreach (var binding in solution.Elements(Rs + "binding"))
            {
                var name = binding.Element(Rs + "variable")!.Value.Trim();
                row[variables.IndexOf(name)] = Value(binding.Element(Rs + "value")!);
            }
            int index = solution.Element(Rs + "index") is { } i ? int.Parse(i.Value.Trim()) : solutions.Count;
            ordered |= solution.Element(Rs + "index") is not null;
            solutions.Add((index, row));
        }
        return (QueryResults.FromSolutions(variables, solutions.OrderBy(s => s.Index).Select(s => s.Row).ToList()), ordered);
    }

    private static Term Value(XElement value)
    {
        if (value.Attribute(Rdf + "resource") is { } resource) return new Iri(resource.Value);
        if (value.Attribute(Rdf + "nodeID") is { } node) return new BlankNode(node.Value);
        if (value.Attribute(Rdf + "datatype") is { } datatype) return new Literal(value.Value, new Iri(datatype.Value));
        if (value.Attribute(Xml + "lang") is { } lang) return new Literal(value.Value, lang.Value);
        return new Literal(value.Value);
    }
}
