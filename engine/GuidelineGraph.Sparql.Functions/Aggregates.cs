using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

public enum AggregateFunction { Count, Sum, Avg, Min, Max, GroupConcat, Sample }

/// <summary>
/// One group's running aggregate (§18.5). <see cref="Add"/> takes each solution's value, null when the
/// expression was unbound or erred: COUNT, MIN, MAX, SAMPLE and GROUP_CONCAT skip it; SUM and AVG become an
/// error, as op:numeric-add of an error is. <see cref="Result"/> is null for an error.
/// </summary>
public abstract class Accumulator
{
    public abstract void Add(Term? value);

    public abstract Term? Result();

    /// <summary>A fresh accumulator; with <paramref name="distinct"/>, repeated values are added once.</summary>
    public static Accumulator Create(AggregateFunction function, bool distinct = false, string separator = " ")
    {
        Accumulator inner = function switch
        {
            AggregateFunction.Count => new CountAccumulator(),
            AggregateFunction.Sum => new SumAccumulator(),
            AggregateFunction.Avg => new AvgAccumulator(),
            AggregateFunction.Min => new ExtremeAccumulator(wantMax: false),
            AggregateFunction.Max => new ExtremeAccumulator(wantMax: true),
            AggregateFunction.GroupConcat => new GroupConcatAccumulator(separator),
            _ => new SampleAccumulator(),
        };
        return distinct ? new DistinctAccumulator(inner) : inner;
    }

    /// <summary>COUNT(*) counts solutions, not values: the caller adds a non-null marker per solution.</summary>
    public static Accumulator CountAll() => new CountAccumulator();
}

internal sealed class DistinctAccumulator(Accumulator inner) : Accumulator
{
    private readonly HashSet<Term> _seen = [];
    private bool _sawError;

    public override void Add(Term? value)
    {
        if (value is null)
        {
            // One error is as good as many; only the first reaches the inner accumulator.
            if (!_sawError) inner.Add(null);
            _sawError = true;
            return;
        }
        if (_seen.Add(value)) inner.Add(value);
    }

    public override Term? Result() => inner.Result();
}

internal sealed class CountAccumulator : Accumulator
{
    private long _count;

    public override void Add(Term? value)
    {
        if (value is not null) _count++;
    }

    public override Term? Result() => Numeric.Integer(_count).ToLiteral();
}

internal sealed class SumAccumulator : Accumulator
{
    private Numeric? _sum = Numeric.Integer(0);

    public override void Add(Term? value)
    {
        if (_sum is not Numeric sum) return;
        _sum = Numeric.FromTerm(value) is Numeric n ? Arithmetic.Add(sum, n) : null;
    }

    public override Term? Result() => _sum?.ToLiteral();
}

internal sealed class AvgAccumulator : Accumulator
{
    private Numeric? _sum = Numeric.Integer(0);
    private long _count;

    public override void Add(Term? value)
    {
        if (_sum is not Numeric sum) return;
        _sum = Numeric.FromTerm(value) is Numeric n ? Arithmetic.Add(sum, n) : null;
        _count++;
    }

    /// <summary>The average of nothing is 0; otherwise sum ÷ count, so integers average to a decimal.</summary>
    public override Term? Result()
    {
        if (_sum is not Numeric sum) return null;
        if (_count == 0) return Numeric.Integer(0).ToLiteral();
        return Arithmetic.Divide(sum, Numeric.Integer(_count))?.ToLiteral();
    }
}

/// <summary>MIN and MAX in the ORDER BY order, so they accept any terms.</summary>
internal sealed class ExtremeAccumulator(bool wantMax) : Accumulator
{
    private Term? _best;

    public override void Add(Term? value)
    {
        if (value is null) return;
        if (_best is null) { _best = value; return; }
        int c = TermOrder.Instance.Compare(value, _best);
        if (wantMax ? c > 0 : c < 0) _best = value;
    }

    public override Term? Result() => _best;
}

/// <summary>GROUP_CONCAT joins string values; the result keeps a language tag shared by all of them.</summary>
internal sealed class GroupConcatAccumulator(string separator) : Accumulator
{
    private readonly StringBuilder _text = new();
    private bool _first = true, _failed, _sameLanguage = true;
    private string? _language;

    public override void Add(Term? value)
    {
        if (value is null || _failed) return;
        if (value is not Literal l) { _failed = true; return; }
        if (_first) _language = l.Language;
        else
        {
            _text.Append(separator);
            if (l.Language != _language) _sameLanguage = false;
        }
        _first = false;
        _text.Append(l.Lexical);
    }

    public override Term? Result()
    {
        if (_failed) return null;
        return _sameLanguage && _language is not null ? new Literal(_text.ToString(), _language) : new Literal(_text.ToString());
    }
}

internal sealed class SampleAccumulator : Accumulator
{
    private Term? _sample;

    public override void Add(Term? value) => _sample ??= value;

    public override Term? Result() => _sample;
}
