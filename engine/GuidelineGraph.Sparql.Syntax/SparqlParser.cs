using GuidelineGraph.Rdf;
using GuidelineGraph.Sparql.Syntax.Algebra;
using GuidelineGraph.Sparql.Syntax.Ast;
using GuidelineGraph.Sparql.Syntax.Parsing;

namespace GuidelineGraph.Sparql.Syntax;

/// <summary>Parser options: an initial base IRI and predeclared prefixes.</summary>
public sealed record SparqlParseOptions
{
    public static readonly SparqlParseOptions Default = new();
    public string? BaseIri { get; init; }
    public IReadOnlyDictionary<string, string>? Prefixes { get; init; }
}

/// <summary>
/// The outcome of parsing: a value, or the first error with its position. <see cref="Errors"/> adds every further
/// independent syntax error the parser's recovery found (capped; the first one first), for editors.
/// </summary>
public readonly record struct ParseResult<T>(T? Value, SyntaxError? Error) where T : class
{
    private readonly IReadOnlyList<SyntaxError>? _errors;

    public ParseResult(T? value, IReadOnlyList<SyntaxError> errors) : this(value, errors.Count > 0 ? errors[0] : null) => _errors = errors;

    public bool Success => Error is null;

    public IReadOnlyList<SyntaxError> Errors => _errors ?? (Error is null ? [] : [Error]);
}

/// <summary>Entry points: text → syntax tree → §18 algebra. Never throws for bad input.</summary>
public static class SparqlParser
{
    public static ParseResult<QuerySyntax> ParseQuerySyntax(string text, SparqlParseOptions? options = null)
    {
        var (query, errors) = Parser.ParseQuery(text, options ?? SparqlParseOptions.Default);
        return new(query, errors);
    }

    public static ParseResult<UpdateRequestSyntax> ParseUpdateSyntax(string text, SparqlParseOptions? options = null)
    {
        var (update, errors) = Parser.ParseUpdate(text, options ?? SparqlParseOptions.Default);
        return new(update, errors);
    }

    /// <summary>Parses and translates a query to algebra.</summary>
    public static ParseResult<Query> ParseQuery(string text, SparqlParseOptions? options = null)
    {
        var syntax = ParseQuerySyntax(text, options);
        if (syntax.Value is null) return new(null, syntax.Errors);
        var (query, error) = AlgebraBuilder.Build(syntax.Value);
        return new(query, error);
    }

    /// <summary>Parses and translates an update request to algebra.</summary>
    public static ParseResult<UpdateRequest> ParseUpdate(string text, SparqlParseOptions? options = null)
    {
        var syntax = ParseUpdateSyntax(text, options);
        if (syntax.Value is null) return new(null, syntax.Errors);
        var (update, error) = AlgebraBuilder.Build(syntax.Value);
        return new(update, error);
    }
}
