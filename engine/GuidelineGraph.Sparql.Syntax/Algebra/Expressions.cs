using System.Collections.Immutable;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Syntax.Algebra;

/// <summary>
/// SPARQL expressions. The parser and the algebra share them; the builder replaces aggregates by
/// variables bound in <see cref="Group"/> and EXISTS syntax by <see cref="ExistsExpression"/>, so an
/// algebra expression tree never holds an <see cref="AggregateExpression"/>.
/// </summary>
public abstract record Expression;

public sealed record VariableExpression(Variable Variable) : Expression;

public sealed record ConstantExpression(Term Term) : Expression;

public enum BinaryOperator
{
    Or, And, Equal, NotEqual, Less, Greater, LessOrEqual, GreaterOrEqual, Add, Subtract, Multiply, Divide,
}

public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right) : Expression;

public enum UnaryOperator { Not, Plus, Minus }

public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand) : Expression;

/// <summary>IN / NOT IN.</summary>
public sealed record InExpression(Expression Value, ImmutableArray<Expression> List, bool Negated) : Expression;

/// <summary>A call of a §17.4 built-in other than EXISTS and the aggregates.</summary>
public sealed record BuiltInCall(BuiltInFunction Function, ImmutableArray<Expression> Arguments) : Expression;

/// <summary>A call of an IRI-named function: XSD casts and extension functions.</summary>
public sealed record FunctionCall(Iri Function, ImmutableArray<Expression> Arguments) : Expression;

/// <summary>EXISTS { pattern }; NOT EXISTS is its negation with <see cref="UnaryOperator.Not"/>.</summary>
public sealed record ExistsExpression(GraphPattern Pattern) : Expression;

public enum AggregateFunction { Count, Sum, Min, Max, Avg, Sample, GroupConcat, Custom }

/// <summary>
/// An aggregate as written. <see cref="Argument"/> is null for COUNT(*). <see cref="Separator"/> is
/// GROUP_CONCAT's (null means the default " "); <see cref="CustomFunction"/> names a custom aggregate.
/// </summary>
public sealed record AggregateExpression(
    AggregateFunction Function, Expression? Argument, bool Distinct, string? Separator = null, Iri? CustomFunction = null) : Expression;

public enum BuiltInFunction
{
    Str, Lang, LangMatches, Datatype, Bound, Iri, BNode, Rand, Abs, Ceil, Floor, Round, Concat, SubStr, StrLen,
    Replace, UCase, LCase, EncodeForUri, Contains, StrStarts, StrEnds, StrBefore, StrAfter, Year, Month, Day,
    Hours, Minutes, Seconds, Timezone, Tz, Now, Uuid, StrUuid, Md5, Sha1, Sha256, Sha384, Sha512, Coalesce, If,
    StrLang, StrDt, SameTerm, IsIri, IsBlank, IsLiteral, IsNumeric, Regex,
}

/// <summary>Keyword and arity of each built-in (§19.8 BuiltInCall); max -1 means variadic.</summary>
public static class BuiltIns
{
    public readonly record struct Signature(BuiltInFunction Function, string Keyword, int MinArgs, int MaxArgs);

    private static readonly Signature[] Table =
    [
        new(BuiltInFunction.Str, "STR", 1, 1), new(BuiltInFunction.Lang, "LANG", 1, 1),
        new(BuiltInFunction.LangMatches, "LANGMATCHES", 2, 2), new(BuiltInFunction.Datatype, "DATATYPE", 1, 1),
        new(BuiltInFunction.Bound, "BOUND", 1, 1), new(BuiltInFunction.Iri, "IRI", 1, 1),
        new(BuiltInFunction.BNode, "BNODE", 0, 1), new(BuiltInFunction.Rand, "RAND", 0, 0),
        new(BuiltInFunction.Abs, "ABS", 1, 1), new(BuiltInFunction.Ceil, "CEIL", 1, 1),
        new(BuiltInFunction.Floor, "FLOOR", 1, 1), new(BuiltInFunction.Round, "ROUND", 1, 1),
        new(BuiltInFunction.Concat, "CONCAT", 0, -1), new(BuiltInFunction.SubStr, "SUBSTR", 2, 3),
        new(BuiltInFunction.StrLen, "STRLEN", 1, 1), new(BuiltInFunction.Replace, "REPLACE", 3, 4),
        new(BuiltInFunction.UCase, "UCASE", 1, 1), new(BuiltInFunction.LCase, "LCASE", 1, 1),
        new(BuiltInFunction.EncodeForUri, "ENCODE_FOR_URI", 1, 1), new(BuiltInFunction.Contains, "CONTAINS", 2, 2),
        new(BuiltInFunction.StrStarts, "STRSTARTS", 2, 2), new(BuiltInFunction.StrEnds, "STRENDS", 2, 2),
        new(BuiltInFunction.StrBefore, "STRBEFORE", 2, 2), new(BuiltInFunction.StrAfter, "STRAFTER", 2, 2),
        new(BuiltInFunction.Year, "YEAR", 1, 1), new(BuiltInFunction.Month, "MONTH", 1, 1),
        new(BuiltInFunction.Day, "DAY", 1, 1), new(BuiltInFunction.Hours, "HOURS", 1, 1),
        new(BuiltInFunction.Minutes, "MINUTES", 1, 1), new(BuiltInFunction.Seconds, "SECONDS", 1, 1),
        new(BuiltInFunction.Timezone, "TIMEZONE", 1, 1), new(BuiltInFunction.Tz, "TZ", 1, 1),
        new(BuiltInFunction.Now, "NOW", 0, 0), new(BuiltInFunction.Uuid, "UUID", 0, 0),
        new(BuiltInFunction.StrUuid, "STRUUID", 0, 0), new(BuiltInFunction.Md5, "MD5", 1, 1),
        new(BuiltInFunction.Sha1, "SHA1", 1, 1), new(BuiltInFunction.Sha256, "SHA256", 1, 1),
        new(BuiltInFunction.Sha384, "SHA384", 1, 1), new(BuiltInFunction.Sha512, "SHA512", 1, 1),
        new(BuiltInFunction.Coalesce, "COALESCE", 0, -1), new(BuiltInFunction.If, "IF", 3, 3),
        new(BuiltInFunction.StrLang, "STRLANG", 2, 2), new(BuiltInFunction.StrDt, "STRDT", 2, 2),
        new(BuiltInFunction.SameTerm, "sameTerm", 2, 2), new(BuiltInFunction.IsIri, "isIRI", 1, 1),
        new(BuiltInFunction.IsBlank, "isBLANK", 1, 1), new(BuiltInFunction.IsLiteral, "isLITERAL", 1, 1),
        new(BuiltInFunction.IsNumeric, "isNUMERIC", 1, 1), new(BuiltInFunction.Regex, "REGEX", 2, 3),
    ];

    private static readonly Dictionary<string, Signature> ByKeyword = BuildKeywordMap();

    private static Dictionary<string, Signature> BuildKeywordMap()
    {
        var map = new Dictionary<string, Signature>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in Table) map[s.Keyword] = s;
        map["URI"] = map["IRI"];
        map["isURI"] = map["isIRI"];
        return map;
    }

    public static bool TryGet(string keyword, out Signature signature) => ByKeyword.TryGetValue(keyword, out signature);

    public static string Keyword(BuiltInFunction function) => Table[(int)function].Keyword;
}
