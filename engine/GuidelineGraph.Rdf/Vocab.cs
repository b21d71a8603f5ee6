namespace GuidelineGraph.Rdf;

/// <summary>Well-known vocabularies as IRI constants.</summary>
public static class Vocab
{
    public static class Rdf
    {
        public const string Namespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        public static readonly Iri Type = new(Namespace + "type");
        public static readonly Iri First = new(Namespace + "first");
        public static readonly Iri Rest = new(Namespace + "rest");
        public static readonly Iri Nil = new(Namespace + "nil");
        public static readonly Iri LangString = new(Namespace + "langString");
        public static readonly Iri Property = new(Namespace + "Property");
        public static readonly Iri Statement = new(Namespace + "Statement");
        public static readonly Iri Subject = new(Namespace + "subject");
        public static readonly Iri Predicate = new(Namespace + "predicate");
        public static readonly Iri Object = new(Namespace + "object");
    }

    public static class Rdfs
    {
        public const string Namespace = "http://www.w3.org/2000/01/rdf-schema#";
        public static readonly Iri Class = new(Namespace + "Class");
        public static readonly Iri SubClassOf = new(Namespace + "subClassOf");
        public static readonly Iri SubPropertyOf = new(Namespace + "subPropertyOf");
        public static readonly Iri Domain = new(Namespace + "domain");
        public static readonly Iri Range = new(Namespace + "range");
        public static readonly Iri Label = new(Namespace + "label");
        public static readonly Iri Comment = new(Namespace + "comment");
        public static readonly Iri Resource = new(Namespace + "Resource");
        public static readonly Iri Literal = new(Namespace + "Literal");
    }

    public static class Xsd
    {
        public const string Namespace = "http://www.w3.org/2001/XMLSchema#";
        public static readonly Iri String = new(Namespace + "string");
        public static readonly Iri Boolean = new(Namespace + "boolean");
        public static readonly Iri Integer = new(Namespace + "integer");
        public static readonly Iri Decimal = new(Namespace + "decimal");
        public static readonly Iri Double = new(Namespace + "double");
        public static readonly Iri Float = new(Namespace + "float");
        public static readonly Iri DateTime = new(Namespace + "dateTime");
        public static readonly Iri Date = new(Namespace + "date");
        public static readonly Iri Time = new(Namespace + "time");
        public static readonly Iri Duration = new(Namespace + "duration");
        public static readonly Iri DayTimeDuration = new(Namespace + "dayTimeDuration");
        public static readonly Iri YearMonthDuration = new(Namespace + "yearMonthDuration");
        public static readonly Iri Long = new(Namespace + "long");
        public static readonly Iri Int = new(Namespace + "int");
        public static readonly Iri Short = new(Namespace + "short");
        public static readonly Iri Byte = new(Namespace + "byte");
        public static readonly Iri NonNegativeInteger = new(Namespace + "nonNegativeInteger");
        public static readonly Iri NonPositiveInteger = new(Namespace + "nonPositiveInteger");
        public static readonly Iri PositiveInteger = new(Namespace + "positiveInteger");
        public static readonly Iri NegativeInteger = new(Namespace + "negativeInteger");
        public static readonly Iri UnsignedLong = new(Namespace + "unsignedLong");
        public static readonly Iri UnsignedInt = new(Namespace + "unsignedInt");
        public static readonly Iri UnsignedShort = new(Namespace + "unsignedShort");
        public static readonly Iri UnsignedByte = new(Namespace + "unsignedByte");
    }

    public static class Owl
    {
        public const string Namespace = "http://www.w3.org/2002/07/owl#";
        public static readonly Iri Class = new(Namespace + "Class");
        public static readonly Iri ObjectProperty = new(Namespace + "ObjectProperty");
        public static readonly Iri DatatypeProperty = new(Namespace + "DatatypeProperty");
        public static readonly Iri SameAs = new(Namespace + "sameAs");
        public static readonly Iri EquivalentClass = new(Namespace + "equivalentClass");
        public static readonly Iri EquivalentProperty = new(Namespace + "equivalentProperty");
        public static readonly Iri InverseOf = new(Namespace + "inverseOf");
        public static readonly Iri TransitiveProperty = new(Namespace + "TransitiveProperty");
        public static readonly Iri SymmetricProperty = new(Namespace + "SymmetricProperty");
        public static readonly Iri SomeValuesFrom = new(Namespace + "someValuesFrom");
        public static readonly Iri HasValue = new(Namespace + "hasValue");
        public static readonly Iri OnProperty = new(Namespace + "onProperty");
    }

    public static class Skos
    {
        public const string Namespace = "http://www.w3.org/2004/02/skos/core#";
        public static readonly Iri Concept = new(Namespace + "Concept");
        public static readonly Iri ConceptScheme = new(Namespace + "ConceptScheme");
        public static readonly Iri PrefLabel = new(Namespace + "prefLabel");
        public static readonly Iri AltLabel = new(Namespace + "altLabel");
        public static readonly Iri HiddenLabel = new(Namespace + "hiddenLabel");
        public static readonly Iri Notation = new(Namespace + "notation");
        public static readonly Iri Broader = new(Namespace + "broader");
        public static readonly Iri Narrower = new(Namespace + "narrower");
        public static readonly Iri InScheme = new(Namespace + "inScheme");
        public static readonly Iri TopConceptOf = new(Namespace + "topConceptOf");
        public static readonly Iri Definition = new(Namespace + "definition");
    }
}
