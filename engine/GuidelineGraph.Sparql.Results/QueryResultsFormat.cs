namespace GuidelineGraph.Sparql.Results;

public enum QueryResultsFormat { Json, Xml, Csv, Tsv }

public static class QueryResultsFormats
{
    public static string MediaType(this QueryResultsFormat f) => f switch
    {
        QueryResultsFormat.Json => "application/sparql-results+json",
        QueryResultsFormat.Xml => "application/sparql-results+xml",
        QueryResultsFormat.Csv => "text/csv",
        _ => "text/tab-separated-values",
    };

    public static string Extension(this QueryResultsFormat f) => f switch
    {
        QueryResultsFormat.Json => ".srj",
        QueryResultsFormat.Xml => ".srx",
        QueryResultsFormat.Csv => ".csv",
        _ => ".tsv",
    };

    /// <summary>The W3C format IRI (http://www.w3.org/ns/formats/).</summary>
    public static string Iri(this QueryResultsFormat f) => f switch
    {
        QueryResultsFormat.Json => "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
        QueryResultsFormat.Xml => "http://www.w3.org/ns/formats/SPARQL_Results_XML",
        QueryResultsFormat.Csv => "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
        _ => "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
    };

    /// <summary>CSV drops datatypes, languages and the IRI/literal distinction.</summary>
    public static bool IsLossy(this QueryResultsFormat f) => f == QueryResultsFormat.Csv;

    public static QueryResultsFormat? FromExtension(string pathOrExtension)
    {
        var ext = Path.GetExtension(pathOrExtension).ToLowerInvariant();
        if (ext.Length == 0) ext = "." + pathOrExtension.TrimStart('.').ToLowerInvariant();
        return ext switch
        {
            ".srj" or ".json" => QueryResultsFormat.Json,
            ".srx" or ".xml" => QueryResultsFormat.Xml,
            ".csv" => QueryResultsFormat.Csv,
            ".tsv" => QueryResultsFormat.Tsv,
            _ => null,
        };
    }

    public static QueryResultsFormat? FromMediaType(string mediaType)
    {
        var mt = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return mt switch
        {
            "application/sparql-results+json" or "application/json" => QueryResultsFormat.Json,
            "application/sparql-results+xml" or "application/xml" or "text/xml" => QueryResultsFormat.Xml,
            "text/csv" => QueryResultsFormat.Csv,
            "text/tab-separated-values" => QueryResultsFormat.Tsv,
            _ => null,
        };
    }

    public static QueryResultsFormat? FromName(string name) => name.ToLowerInvariant() switch
    {
        "json" or "srj" => QueryResultsFormat.Json,
        "xml" or "srx" => QueryResultsFormat.Xml,
        "csv" => QueryResultsFormat.Csv,
        "tsv" => QueryResultsFormat.Tsv,
        _ => null,
    };
}
