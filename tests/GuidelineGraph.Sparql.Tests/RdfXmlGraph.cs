using System.Xml.Linq;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Tests;

/// <summary>
/// Reads the striped RDF/XML of the few W3C data files in that syntax (node elements with rdf:about or
/// rdf:nodeID, property elements with rdf:resource, rdf:nodeID, rdf:datatype, xml:lang, nested nodes and
/// rdf:parseType="Resource"). Enough for the suite; the engine itself reads no RDF/XML.
/// </summary>
internal static class RdfXmlGraph
{
    private static readonly XNamespace Rdf = Vocab.Rdf.Namespace;
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    public static List<Quad> Read(string path, string baseIri)
    {
        var quads = new List<Quad>();
        var root = XDocument.Load(path).Root!;
        var baseUri = new Uri(baseIri);
        string blankPrefix = "x" + Guid.NewGuid().ToString("N")[..8];
        int counter = 0;
        BlankNode Fresh() => new(blankPrefix + "n" + counter++);

        Iri Resolve(string reference) => new(new Uri(baseUri, reference).AbsoluteUri);

        Term Node(XElement e)
        {
            Term subject = e.Attribute(Rdf + "about") is { } about ? Resolve(about.Value)
                : e.Attribute(Rdf + "nodeID") is { } id ? new BlankNode(blankPrefix + id.Value) : Fresh();
            if (e.Name != Rdf + "Description") quads.Add(new Quad(subject, Vocab.Rdf.Type, new Iri(e.Name.NamespaceName + e.Name.LocalName)));
            Properties(subject, e);
            return subject;
        }

        void Properties(Term subject, XElement e)
        {
            foreach (var attribute in e.Attributes())
            {
                if (attribute.IsNamespaceDeclaration || attribute.Name.Namespace == Rdf || attribute.Name.Namespace == Xml) continue;
                quads.Add(new Quad(subject, new Iri(attribute.Name.NamespaceName + attribute.Name.LocalName), new Literal(attribute.Value)));
            }
            foreach (var p in e.Elements())
            {
                var predicate = new Iri(p.Name.NamespaceName + p.Name.LocalName);
                Term value;
                if (p.Attribute(Rdf + "resource") is { } resource) value = Resolve(resource.Value);
                else if (p.Attribute(Rdf + "nodeID") is { } id) value = new BlankNode(blankPrefix + id.Value);
                else if (p.Attribute(Rdf + "parseType")?.Value == "Resource")
                {
                    value = Fresh();
                    Properties(value, p);
                }
                else if (p.Elements().FirstOrDefault() is { } nested) value = Node(nested);
                else if (p.Attribute(Rdf + "datatype") is { } datatype) value = new Literal(p.Value, Resolve(datatype.Value));
                else if (p.Attribute(Xml + "lang") is { } lang) value = new Literal(p.Value, lang.Value);
                else value = new Literal(p.Value);
                quads.Add(new Quad(subject, predicate, value));
            }
        }

        foreach (var e in root.Elements()) Node(e);
        return quads;
    }
}
