using System.Xml;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>Reads the XML format with a pull XmlReader; DTDs are refused (no entity expansion).</summary>
internal sealed class XmlResultsReader : QueryResultsReader
{
    private const string Ns = XmlResultsWriter.Namespace;

    private readonly XmlReader _xml;
    private bool _inResults;
    private bool _atNext;

    public XmlResultsReader(Stream input, bool leaveOpen)
    {
        _xml = XmlReader.Create(input, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = !leaveOpen,
        });
    }

    /// <summary>XmlReader reports lines and columns but no character offset, so the offset is -1.</summary>
    private TextPosition Here
    {
        get
        {
            var info = (IXmlLineInfo)_xml;
            return new TextPosition(Math.Max(1, info.LineNumber), Math.Max(1, info.LinePosition), -1);
        }
    }

    private protected override void ReadHead()
    {
        try
        {
            if (_xml.MoveToContent() != XmlNodeType.Element || !Is("sparql")) { Fail(Here, "expected <sparql> in namespace " + Ns); return; }
            if (!NextChild() || !Is("head")) { Fail(Here, "expected <head>"); return; }
            var vars = new List<string>();
            if (!_xml.IsEmptyElement)
            {
                while (NextChild())
                {
                    if (Is("variable"))
                    {
                        var name = _xml.GetAttribute("name");
                        if (string.IsNullOrEmpty(name)) { Fail(Here, "<variable> needs a name"); return; }
                        if (vars.Contains(name)) { Fail(Here, $"variable \"{name}\" is declared twice"); return; }
                        vars.Add(name);
                    }
                    else if (!Is("link")) { Fail(Here, $"unexpected <{_xml.Name}> in <head>"); return; }
                    if (!SkipElement()) return;
                }
                if (Error is not null) return;
            }
            Variables = vars;
            if (!NextChild()) { Fail(Here, "expected <results> or <boolean>"); return; }
            if (Is("boolean"))
            {
                var text = ReadText().Trim();
                if (text is "true" or "1") BooleanValue = true;
                else if (text is "false" or "0") BooleanValue = false;
                else Fail(Here, $"<boolean> must be true or false, not \"{text}\"");
                return;
            }
            if (!Is("results")) { Fail(Here, $"expected <results> or <boolean>, found <{_xml.Name}>"); return; }
            _inResults = !_xml.IsEmptyElement;
        }
        catch (XmlException e)
        {
            Fail(FromException(e));
        }
    }

    private protected override Term?[]? ReadRow()
    {
        if (!_inResults) return null;
        try
        {
            if (!NextChild()) { _inResults = false; return null; }
            if (!Is("result")) { Fail(Here, $"expected <result>, found <{_xml.Name}>"); return null; }
            var row = new Term?[Variables.Count];
            if (_xml.IsEmptyElement) return row;
            while (NextChild())
            {
                if (!Is("binding")) { Fail(Here, $"expected <binding>, found <{_xml.Name}>"); return null; }
                var name = _xml.GetAttribute("name");
                int index = name is null ? -1 : VariableIndex(name);
                if (index < 0) { Fail(Here, name is null ? "<binding> needs a name" : $"variable \"{name}\" is not in <head>"); return null; }
                if (row[index] is not null) { Fail(Here, $"variable \"{name}\" is bound twice"); return null; }
                if (_xml.IsEmptyElement || !NextChild()) { Fail(Here, "<binding> needs a <uri>, <bnode> or <literal>"); return null; }
                var term = ReadTerm();
                if (term is null) return null;
                row[index] = term;
                if (NextChild()) { Fail(Here, "a <binding> holds exactly one term"); return null; }
                if (Error is not null) return null;
            }
            return Error is null ? row : null;
        }
        catch (XmlException e)
        {
            Fail(FromException(e));
            return null;
        }
    }

    private Term? ReadTerm()
    {
        var at = Here;
        if (_xml.NamespaceURI != Ns) { Fail(at, $"unexpected <{_xml.Name}>"); return null; }
        switch (_xml.LocalName)
        {
            case "uri":
                return new Iri(ReadText());
            case "bnode":
                var id = ReadText();
                if (id.Length == 0) { Fail(at, "empty blank node label"); return null; }
                return new BlankNode(id);
            case "literal":
                var lang = _xml.GetAttribute("lang", XmlResultsWriter.XmlNamespace);
                var datatype = _xml.GetAttribute("datatype");
                var lexical = ReadText();
                if (lang is not null)
                {
                    if (lang.Length == 0) { Fail(at, "empty xml:lang"); return null; }
                    if (datatype is not null && datatype != Vocab.Rdf.LangString.Value) { Fail(at, "a literal has either xml:lang or datatype"); return null; }
                    return new Literal(lexical, lang);
                }
                if (datatype == Vocab.Rdf.LangString.Value) { Fail(at, "rdf:langString needs an xml:lang"); return null; }
                return datatype is null ? new Literal(lexical) : new Literal(lexical, new Iri(datatype));
            default:
                Fail(at, $"expected <uri>, <bnode> or <literal>, found <{_xml.Name}>");
                return null;
        }
    }

    private bool Is(string localName) => _xml.NodeType == XmlNodeType.Element && _xml.LocalName == localName && _xml.NamespaceURI == Ns;

    /// <summary>
    /// Moves to the next child element of the current parent; false at the parent's end tag.
    /// On a start tag it enters it; after a consumed child it moves on. Text between elements is an error.
    /// </summary>
    private bool NextChild()
    {
        if (!_atNext && !_xml.Read()) return false;
        _atNext = false;
        do
        {
            switch (_xml.NodeType)
            {
                case XmlNodeType.Element: return true;
                case XmlNodeType.EndElement: return false;
                case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace: continue;
                default:
                    Fail(Here, $"unexpected {_xml.NodeType} content");
                    return false;
            }
        } while (_xml.Read());
        return false;
    }

    /// <summary>ReadElementContentAsString leaves the reader on the node after the element.</summary>
    private string ReadText()
    {
        var text = _xml.ReadElementContentAsString();
        _atNext = true;
        return text;
    }

    private bool SkipElement()
    {
        if (_xml.IsEmptyElement) return true;
        int depth = _xml.Depth;
        while (_xml.Read())
            if (_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth) return true;
        Fail(Here, "unexpected end of document");
        return false;
    }

    private static SyntaxError FromException(XmlException e)
    {
        var at = new TextPosition(Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition), -1);
        var message = e.Message;
        int cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        return new SyntaxError(at, at, "invalid XML: " + (cut < 0 ? message : message[..cut]));
    }

    public override void Dispose() => _xml.Dispose();
}
