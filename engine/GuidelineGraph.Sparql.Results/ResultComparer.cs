using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Results;

public sealed record ResultComparerOptions
{
    /// <summary>Compare rows position by position (ORDER BY) instead of as multisets.</summary>
    public bool Ordered { get; init; }

    /// <summary>Equality of two literals; term equality when null. Must be an equivalence relation.</summary>
    public Func<Literal, Literal, bool>? LiteralEquality { get; init; }

    /// <summary>Bound on blank-node matching attempts, so adversarial inputs cannot hang a test run.</summary>
    public int MaxSteps { get; init; } = 1_000_000;
}

/// <summary>Whether two results are equal, and if not, a description of the first difference found.</summary>
public readonly record struct ResultComparison(bool Equal, string? Difference)
{
    public static readonly ResultComparison Same = new(true, null);
    public static ResultComparison Differ(string why) => new(false, why);
}

/// <summary>
/// Result equality for tests: variables as a set; rows as a multiset (or a sequence) equal up to a
/// consistent one-to-one renaming of blank nodes across the whole result.
/// </summary>
public static class ResultComparer
{
    public static ResultComparison Compare(QueryResults expected, QueryResults actual, ResultComparerOptions? options = null)
    {
        options ??= new ResultComparerOptions();
        if (expected.BooleanValue is not null || actual.BooleanValue is not null)
        {
            return expected.BooleanValue == actual.BooleanValue
                ? ResultComparison.Same
                : ResultComparison.Differ($"expected {Describe(expected)}, got {Describe(actual)}");
        }
        var missing = expected.Variables.Except(actual.Variables).ToList();
        var extra = actual.Variables.Except(expected.Variables).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            return ResultComparison.Differ($"variables differ: missing [{string.Join(", ", missing)}], unexpected [{string.Join(", ", extra)}]");
        if (expected.Rows.Count != actual.Rows.Count)
            return ResultComparison.Differ($"expected {expected.Rows.Count} rows, got {actual.Rows.Count}");

        var columns = expected.Variables.Select(actual.IndexOf).ToArray();
        var actualRows = actual.Rows.Select(r => columns.Select(c => r[c]).ToArray()).ToList();
        var matcher = new Matcher(options);
        return options.Ordered ? matcher.CompareOrdered(expected, actualRows) : matcher.CompareUnordered(expected, actualRows);
    }

    private static string Describe(QueryResults r) => r.BooleanValue is bool b ? (b ? "true" : "false") : $"{r.Rows.Count} solutions";

    private static string Row(Term?[] row) => "(" + string.Join(" ", row.Select(t => t?.ToString() ?? "UNDEF")) + ")";

    private static bool HasBlankNode(Term?[] row) => row.Any(t => t is BlankNode);

    private sealed class Matcher(ResultComparerOptions options)
    {
        private readonly Dictionary<string, string> _forward = [];
        private readonly Dictionary<string, string> _backward = [];
        private int _steps;

        public ResultComparison CompareOrdered(QueryResults expected, List<Term?[]> actual)
        {
            var undo = new List<string>();
            for (int i = 0; i < actual.Count; i++)
                if (!TryMatch(expected.Rows[i], actual[i], undo))
                    return ResultComparison.Differ($"row {i + 1}: expected {Row(expected.Rows[i])}, got {Row(actual[i])}");
            return ResultComparison.Same;
        }

        public ResultComparison CompareUnordered(QueryResults expected, List<Term?[]> actual)
        {
            // Ground rows cannot match rows with blank nodes, and equal ground rows are interchangeable,
            // so they pair greedily; only rows with blank nodes need a search.
            var groundActual = actual.Where(r => !HasBlankNode(r)).ToList();
            var blankActual = actual.Where(HasBlankNode).ToList();
            var blankExpected = new List<Term?[]>();
            var unmatched = new List<Term?[]>();
            var none = new List<string>();
            foreach (var row in expected.Rows)
            {
                if (HasBlankNode(row)) { blankExpected.Add(row); continue; }
                int j = groundActual.FindIndex(a => TryMatch(row, a, none));
                if (j < 0) unmatched.Add(row);
                else groundActual.RemoveAt(j);
            }
            if (unmatched.Count > 0 || groundActual.Count > 0)
            {
                var sb = new StringBuilder("rows differ:");
                foreach (var r in unmatched.Take(5)) sb.Append("\n  missing ").Append(Row(r));
                foreach (var r in groundActual.Take(5)) sb.Append("\n  unexpected ").Append(Row(r));
                return ResultComparison.Differ(sb.ToString());
            }
            if (blankExpected.Count != blankActual.Count)
                return ResultComparison.Differ($"expected {blankExpected.Count} rows with blank nodes, got {blankActual.Count}");
            var used = new bool[blankActual.Count];
            if (Search(blankExpected, 0, blankActual, used)) return ResultComparison.Same;
            return ResultComparison.Differ(_steps >= options.MaxSteps
                ? "gave up matching blank nodes (too many candidates)"
                : "no renaming of blank nodes makes the rows with blank nodes equal");
        }

        private bool Search(List<Term?[]> expected, int i, List<Term?[]> actual, bool[] used)
        {
            if (i == expected.Count) return true;
            var undo = new List<string>();
            for (int j = 0; j < actual.Count; j++)
            {
                if (used[j]) continue;
                if (++_steps >= options.MaxSteps) return false;
                if (TryMatch(expected[i], actual[j], undo))
                {
                    used[j] = true;
                    if (Search(expected, i + 1, actual, used)) return true;
                    used[j] = false;
                }
                foreach (var key in undo)
                {
                    _backward.Remove(_forward[key]);
                    _forward.Remove(key);
                }
                undo.Clear();
            }
            return false;
        }

        /// <summary>Matches a row, extending the blank-node bijection; new pairs are recorded in <paramref name="undo"/>.</summary>
        private bool TryMatch(Term?[] e, Term?[] a, List<string> undo)
        {
            for (int k = 0; k < e.Length; k++)
            {
                switch (e[k], a[k])
                {
                    case (null, null): continue;
                    case (BlankNode x, BlankNode y):
                        if (_forward.TryGetValue(x.Id, out var mapped))
                        {
                            if (mapped != y.Id) return false;
                        }
                        else
                        {
                            if (_backward.ContainsKey(y.Id)) return false;
                            _forward[x.Id] = y.Id;
                            _backward[y.Id] = x.Id;
                            undo.Add(x.Id);
                        }
                        continue;
                    case (Literal x, Literal y):
                        if (options.LiteralEquality is { } eq ? !eq(x, y) : !x.Equals(y)) return false;
                        continue;
                    case (Iri x, Iri y):
                        if (!x.Equals(y)) return false;
                        continue;
                    default:
                        return false;
                }
            }
            return true;
        }
    }
}
