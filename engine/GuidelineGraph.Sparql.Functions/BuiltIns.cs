using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>
/// The built-in calls of §17.4 whose arguments are all evaluated first. BOUND, IF, COALESCE, IN, NOT IN,
/// EXISTS and NOT EXISTS are evaluator control flow (see <see cref="Operators"/> for IN and <see cref="ControlFlow"/>).
/// </summary>
public enum BuiltInFunction
{
    Str, Lang, LangMatches, Datatype, Iri, Uri, BNode, StrDt, StrLang, Uuid, StrUuid,
    StrLen, Substr, UCase, LCase, StrStarts, StrEnds, Contains, StrBefore, StrAfter, EncodeForUri, Concat, Replace, Regex,
    Abs, Round, Ceil, Floor, Rand,
    Now, Year, Month, Day, Hours, Minutes, Seconds, Timezone, Tz,
    Md5, Sha1, Sha256, Sha384, Sha512,
    IsIri, IsUri, IsBlank, IsLiteral, IsNumeric, SameTerm,
}

public static class BuiltIns
{
    private static readonly Dictionary<string, BuiltInFunction> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STR"] = BuiltInFunction.Str, ["LANG"] = BuiltInFunction.Lang, ["LANGMATCHES"] = BuiltInFunction.LangMatches,
        ["DATATYPE"] = BuiltInFunction.Datatype, ["IRI"] = BuiltInFunction.Iri, ["URI"] = BuiltInFunction.Uri,
        ["BNODE"] = BuiltInFunction.BNode, ["STRDT"] = BuiltInFunction.StrDt, ["STRLANG"] = BuiltInFunction.StrLang,
        ["UUID"] = BuiltInFunction.Uuid, ["STRUUID"] = BuiltInFunction.StrUuid, ["STRLEN"] = BuiltInFunction.StrLen,
        ["SUBSTR"] = BuiltInFunction.Substr, ["UCASE"] = BuiltInFunction.UCase, ["LCASE"] = BuiltInFunction.LCase,
        ["STRSTARTS"] = BuiltInFunction.StrStarts, ["STRENDS"] = BuiltInFunction.StrEnds, ["CONTAINS"] = BuiltInFunction.Contains,
        ["STRBEFORE"] = BuiltInFunction.StrBefore, ["STRAFTER"] = BuiltInFunction.StrAfter, ["ENCODE_FOR_URI"] = BuiltInFunction.EncodeForUri,
        ["CONCAT"] = BuiltInFunction.Concat, ["REPLACE"] = BuiltInFunction.Replace, ["REGEX"] = BuiltInFunction.Regex,
        ["ABS"] = BuiltInFunction.Abs, ["ROUND"] = BuiltInFunction.Round, ["CEIL"] = BuiltInFunction.Ceil, ["FLOOR"] = BuiltInFunction.Floor,
        ["RAND"] = BuiltInFunction.Rand, ["NOW"] = BuiltInFunction.Now, ["YEAR"] = BuiltInFunction.Year, ["MONTH"] = BuiltInFunction.Month,
        ["DAY"] = BuiltInFunction.Day, ["HOURS"] = BuiltInFunction.Hours, ["MINUTES"] = BuiltInFunction.Minutes,
        ["SECONDS"] = BuiltInFunction.Seconds, ["TIMEZONE"] = BuiltInFunction.Timezone, ["TZ"] = BuiltInFunction.Tz,
        ["MD5"] = BuiltInFunction.Md5, ["SHA1"] = BuiltInFunction.Sha1, ["SHA256"] = BuiltInFunction.Sha256,
        ["SHA384"] = BuiltInFunction.Sha384, ["SHA512"] = BuiltInFunction.Sha512, ["isIRI"] = BuiltInFunction.IsIri,
        ["isURI"] = BuiltInFunction.IsUri, ["isBLANK"] = BuiltInFunction.IsBlank, ["isLITERAL"] = BuiltInFunction.IsLiteral,
        ["isNUMERIC"] = BuiltInFunction.IsNumeric, ["sameTerm"] = BuiltInFunction.SameTerm,
    };

    /// <summary>The function for a keyword of the grammar (case-insensitive), or null.</summary>
    public static BuiltInFunction? FromName(string name) => ByName.TryGetValue(name, out var f) ? f : null;

    /// <summary>Allowed argument counts; <see cref="int.MaxValue"/> for CONCAT's open list.</summary>
    public static (int Min, int Max) Arity(BuiltInFunction f) => f switch
    {
        BuiltInFunction.Uuid or BuiltInFunction.StrUuid or BuiltInFunction.Rand or BuiltInFunction.Now => (0, 0),
        BuiltInFunction.BNode => (0, 1),
        BuiltInFunction.Concat => (0, int.MaxValue),
        BuiltInFunction.Substr => (2, 3),
        BuiltInFunction.Regex => (2, 3),
        BuiltInFunction.Replace => (3, 4),
        BuiltInFunction.LangMatches or BuiltInFunction.StrDt or BuiltInFunction.StrLang or BuiltInFunction.StrStarts
            or BuiltInFunction.StrEnds or BuiltInFunction.Contains or BuiltInFunction.StrBefore or BuiltInFunction.StrAfter
            or BuiltInFunction.SameTerm => (2, 2),
        _ => (1, 1),
    };

    /// <summary>
    /// Calls a built-in on evaluated arguments (null = unbound or error). The arity must have been checked by
    /// the parser. <paramref name="blankNodes"/> is the current solution's BNODE scope.
    /// </summary>
    public static Term? Call(BuiltInFunction f, ReadOnlySpan<Term?> a, FunctionContext context, BlankNodeScope? blankNodes = null) => f switch
    {
        BuiltInFunction.Str => TermFunctions.Str(a[0]),
        BuiltInFunction.Lang => TermFunctions.Lang(a[0]),
        BuiltInFunction.LangMatches => StringFunctions.LangMatches(a[0], a[1]),
        BuiltInFunction.Datatype => TermFunctions.Datatype(a[0]),
        BuiltInFunction.Iri or BuiltInFunction.Uri => TermFunctions.Iri(a[0], context.BaseIri),
        BuiltInFunction.BNode => a.Length == 0 ? BlankNode.Fresh() : TermFunctions.BNode(a[0], blankNodes),
        BuiltInFunction.StrDt => TermFunctions.StrDt(a[0], a[1]),
        BuiltInFunction.StrLang => TermFunctions.StrLang(a[0], a[1]),
        BuiltInFunction.Uuid => TermFunctions.Uuid(),
        BuiltInFunction.StrUuid => TermFunctions.StrUuid(),
        BuiltInFunction.StrLen => StringFunctions.StrLen(a[0]),
        BuiltInFunction.Substr => a.Length > 2 ? StringFunctions.Substr(a[0], a[1], a[2]) : StringFunctions.Substr(a[0], a[1]),
        BuiltInFunction.UCase => StringFunctions.UCase(a[0]),
        BuiltInFunction.LCase => StringFunctions.LCase(a[0]),
        BuiltInFunction.StrStarts => StringFunctions.StrStarts(a[0], a[1]),
        BuiltInFunction.StrEnds => StringFunctions.StrEnds(a[0], a[1]),
        BuiltInFunction.Contains => StringFunctions.Contains(a[0], a[1]),
        BuiltInFunction.StrBefore => StringFunctions.StrBefore(a[0], a[1]),
        BuiltInFunction.StrAfter => StringFunctions.StrAfter(a[0], a[1]),
        BuiltInFunction.EncodeForUri => StringFunctions.EncodeForUri(a[0]),
        BuiltInFunction.Concat => StringFunctions.Concat(a),
        BuiltInFunction.Replace => a.Length > 3 ? StringFunctions.Replace(a[0], a[1], a[2], a[3], context.Regexes) : StringFunctions.Replace(a[0], a[1], a[2], context.Regexes),
        BuiltInFunction.Regex => a.Length > 2 ? StringFunctions.Regex(a[0], a[1], a[2], context.Regexes) : StringFunctions.Regex(a[0], a[1], context.Regexes),
        BuiltInFunction.Abs => TermFunctions.Abs(a[0]),
        BuiltInFunction.Round => TermFunctions.Round(a[0]),
        BuiltInFunction.Ceil => TermFunctions.Ceil(a[0]),
        BuiltInFunction.Floor => TermFunctions.Floor(a[0]),
        BuiltInFunction.Rand => TermFunctions.Rand(context.Random),
        BuiltInFunction.Now => context.Now,
        BuiltInFunction.Year => TermFunctions.Year(a[0]),
        BuiltInFunction.Month => TermFunctions.Month(a[0]),
        BuiltInFunction.Day => TermFunctions.Day(a[0]),
        BuiltInFunction.Hours => TermFunctions.Hours(a[0]),
        BuiltInFunction.Minutes => TermFunctions.Minutes(a[0]),
        BuiltInFunction.Seconds => TermFunctions.Seconds(a[0]),
        BuiltInFunction.Timezone => TermFunctions.Timezone(a[0]),
        BuiltInFunction.Tz => TermFunctions.Tz(a[0]),
        BuiltInFunction.Md5 => TermFunctions.Md5(a[0]),
        BuiltInFunction.Sha1 => TermFunctions.Sha1(a[0]),
        BuiltInFunction.Sha256 => TermFunctions.Sha256(a[0]),
        BuiltInFunction.Sha384 => TermFunctions.Sha384(a[0]),
        BuiltInFunction.Sha512 => TermFunctions.Sha512(a[0]),
        BuiltInFunction.IsIri or BuiltInFunction.IsUri => TermFunctions.IsIri(a[0]),
        BuiltInFunction.IsBlank => TermFunctions.IsBlank(a[0]),
        BuiltInFunction.IsLiteral => TermFunctions.IsLiteral(a[0]),
        BuiltInFunction.IsNumeric => TermFunctions.IsNumeric(a[0]),
        BuiltInFunction.SameTerm => TermFunctions.SameTerm(a[0], a[1]),
        _ => null,
    };
}

/// <summary>Helpers for the lazily evaluated forms; the evaluator passes its argument thunks.</summary>
public static class ControlFlow
{
    /// <summary>IF: the EBV of the condition picks a branch; an error in the condition is an error.</summary>
    public static Term? If(Term? condition, Func<Term?> then, Func<Term?> otherwise) =>
        Operators.EffectiveBooleanValue(condition) switch
        {
            true => then(),
            false => otherwise(),
            null => null,
        };

    /// <summary>COALESCE: the first argument that evaluates without error; an error if none does.</summary>
    public static Term? Coalesce(IEnumerable<Func<Term?>> arguments)
    {
        foreach (var argument in arguments)
            if (argument() is { } value) return value;
        return null;
    }
}
