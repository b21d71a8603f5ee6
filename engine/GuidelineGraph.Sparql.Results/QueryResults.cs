using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

/// <summary>
/// The result of a query: a boolean (ASK) or a sequence of solutions, each a row of
/// <c>Term?</c> aligned with <see cref="Variables"/> (null = unbound).
/// </summary>
public sealed class QueryResults
{
    private static readonly IReadOnlyList<Term?[]> NoRows = [];

    private QueryResults(bool? boolean, IReadOnlyList<string> variables, IReadOnlyList<Term?[]> rows)
    {
        BooleanValue = boolean;
        Variables = variables;
        Rows = rows;
    }

    public static QueryResults FromBoolean(bool value) => new(value, [], NoRows);

    /// <summary>Every row must have exactly one entry per variable.</summary>
    public static QueryResults FromSolutions(IReadOnlyList<string> variables, IReadOnlyList<Term?[]> rows)
    {
        foreach (var row in rows)
            if (row.Length != variables.Count)
                throw new ArgumentException($"A row has {row.Length} values for {variables.Count} variables.", nameof(rows));
        return new(null, variables, rows);
    }

    public bool IsBoolean => BooleanValue.HasValue;
    /// <summary>The ASK answer, or null for a solution sequence.</summary>
    public bool? BooleanValue { get; }
    public IReadOnlyList<string> Variables { get; }
    public IReadOnlyList<Term?[]> Rows { get; }

    public int IndexOf(string variable)
    {
        for (int i = 0; i < Variables.Count; i++)
            if (Variables[i] == variable) return i;
        return -1;
    }

    public Term? Get(int row, string variable)
    {
        int i = IndexOf(variable);
        return i < 0 ? null : Rows[row][i];
    }

    public override string ToString()
    {
        if (BooleanValue is bool b) return b ? "true" : "false";
        var sb = new System.Text.StringBuilder();
        sb.AppendJoin(' ', Variables.Select(v => "?" + v)).Append('\n');
        foreach (var row in Rows) sb.AppendJoin(' ', row.Select(t => t?.ToString() ?? "UNDEF")).Append('\n');
        return sb.ToString();
    }
}

/// <summary>The outcome of reading a whole document: results, or the first syntax error.</summary>
public readonly record struct QueryResultsParse(QueryResults? Results, SyntaxError? Error)
{
    public bool Success => Results is not null;
}
