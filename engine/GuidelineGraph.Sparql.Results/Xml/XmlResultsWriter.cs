using System.Text;
using System.Xml;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>SPARQL Query Results XML Format (second edition).</summary>
internal sealed class XmlResultsWriter : QueryResultsWriter
{
    internal const string Namespace = "http://www.w3.org/2005/sparql-results#";
    internal const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private readonly XmlWriter _xml;
    private string[] _variables = [];

    public XmlResultsWriter(Stream output, bool leaveOpen)
    {
        _xml = XmlWriter.Create(output, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            CloseOutput = !leaveOpen,
            // Literals may hold characters XML 1.0 cannot carry; writing them beats failing the whole result.
            CheckCharacters = false,
            // Keeps CR and CRLF in literals intact through XML line-end normalization.
            NewLineHandling = NewLineHandling.Entitize,
        });
    }

    private void StartDocument()
    {
        _xml.WriteStartDocument();
        _xml.WriteStartElement("sparql", Namespace);
        _xml.WriteStartElement("head", Namespace);
    }

    protected override void WriteBooleanCore(bool value)
    {
        StartDocument();
        _xml.WriteEndElement();
        _xml.WriteElementString("boolean", Namespace, value ? "true" : "false");
    }

    protected override void WriteHeadCore(IReadOnlyList<string> variables)
    {
        _variables = [.. variables];
        StartDocument();
        foreach (var v in variables)
        {
            _xml.WriteStartElement("variable", Namespace);
            _xml.WriteAttributeString("name", v);
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
        _xml.WriteStartElement("results", Namespace);
    }

    protected override void WriteSolutionCore(ReadOnlySpan<Term?> values)
    {
        _xml.WriteStartElement("result", Namespace);
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } term) continue;
            _xml.WriteStartElement("binding", Namespace);
            _xml.WriteAttributeString("name", _variables[i]);
            switch (term)
            {
                case Iri iri:
                    _xml.WriteElementString("uri", Namespace, iri.Value);
                    break;
                case BlankNode b:
                    _xml.WriteElementString("bnode", Namespace, b.Id);
                    break;
                case Literal l:
                    _xml.WriteStartElement("literal", Namespace);
                    if (l.Language is not null) _xml.WriteAttributeString("xml", "lang", XmlNamespace, l.Language);
                    else if (l.Datatype.Value != Vocab.Xsd.String.Value) _xml.WriteAttributeString("datatype", l.Datatype.Value);
                    _xml.WriteString(l.Lexical);
                    _xml.WriteEndElement();
                    break;
            }
            _xml.WriteEndElement();
        }
        _xml.WriteEndElement();
    }

    protected override void FinishCore(bool solutions)
    {
        if (solutions) _xml.WriteEndElement();
        _xml.WriteEndElement();
        _xml.WriteEndDocument();
        _xml.Flush();
    }

    public override void Dispose() => _xml.Dispose();
}
