using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

/// <summary>
/// + - * / and unary minus/plus (§17.3 with XPath op:numeric-*), plus the XPath date/duration arithmetic:
/// dateTime/date ± durations, dateTime − dateTime, duration ± duration. Null is an error.
/// </summary>
public static class Arithmetic
{
    public static Term? Add(Term? a, Term? b)
    {
        if (Numeric.FromTerm(a) is Numeric x && Numeric.FromTerm(b) is Numeric y) return Add(x, y)?.ToLiteral();
        return Temporal(a, b, subtract: false);
    }

    public static Term? Subtract(Term? a, Term? b)
    {
        if (Numeric.FromTerm(a) is Numeric x && Numeric.FromTerm(b) is Numeric y) return Subtract(x, y)?.ToLiteral();
        return Temporal(a, b, subtract: true);
    }

    public static Term? Multiply(Term? a, Term? b) =>
        Numeric.FromTerm(a) is Numeric x && Numeric.FromTerm(b) is Numeric y ? Multiply(x, y)?.ToLiteral() : null;

    public static Term? Divide(Term? a, Term? b) =>
        Numeric.FromTerm(a) is Numeric x && Numeric.FromTerm(b) is Numeric y ? Divide(x, y)?.ToLiteral() : null;

    public static Term? Negate(Term? a) => Numeric.FromTerm(a) is Numeric x ? Negate(x).ToLiteral() : null;

    /// <summary>Unary plus: the number itself, typed by its primitive numeric type.</summary>
    public static Term? Plus(Term? a) => Numeric.FromTerm(a) is Numeric x ? x.ToLiteral() : null;

    public static Numeric Negate(Numeric x) => x.IsExact ? Numeric.Of(x.Type, -x.Exact, 0) : Numeric.Of(x.Type, 0, -x.Approximate);

    private enum Op : byte { Add, Subtract, Multiply, Divide }

    public static Numeric? Add(Numeric x, Numeric y) => Apply(x, y, Op.Add);

    public static Numeric? Subtract(Numeric x, Numeric y) => Apply(x, y, Op.Subtract);

    public static Numeric? Multiply(Numeric x, Numeric y) => Apply(x, y, Op.Multiply);

    /// <summary>integer ÷ integer is a decimal; exact division by zero is an error, approximate gives INF/NaN.</summary>
    public static Numeric? Divide(Numeric x, Numeric y) => Apply(x, y, Op.Divide);

    private static Numeric? Apply(Numeric x, Numeric y, Op op)
    {
        var type = Numeric.Common(x.Type, y.Type);
        if (op == Op.Divide && type == NumericType.Integer) type = NumericType.Decimal;
        x = x.PromoteTo(type);
        y = y.PromoteTo(type);
        if (type > NumericType.Decimal)
        {
            double a = x.Approximate, b = y.Approximate;
            return Numeric.Of(type, 0, op switch { Op.Add => a + b, Op.Subtract => a - b, Op.Multiply => a * b, _ => a / b });
        }
        decimal p = x.Exact, q = y.Exact;
        if (op == Op.Divide && q == 0) return null;
        // Decimal overflow is the one arithmetic failure .NET reports by exception; it becomes an error value.
        try
        {
            return Numeric.Of(type, op switch { Op.Add => p + q, Op.Subtract => p - q, Op.Multiply => p * q, _ => p / q }, 0);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static Term? Temporal(Term? a, Term? b, bool subtract)
    {
        var ta = XsdTemporal.FromTerm(a);
        var da = XsdDuration.FromTerm(a);
        var db = XsdDuration.FromTerm(b);
        if (ta is XsdTemporal t)
        {
            if (db is XsdDuration d) return Shift(t, d, subtract)?.ToLiteral();
            if (subtract && XsdTemporal.FromTerm(b) is XsdTemporal u && u.Kind == t.Kind)
            {
                // Values without timezone are read in UTC, as an implicit timezone of Z.
                return new XsdDuration(DurationKind.DayTime, 0, t.UtcSeconds - u.UtcSeconds).ToLiteral();
            }
            return null;
        }
        if (da is XsdDuration x && db is XsdDuration y)
        {
            if (x.Kind != y.Kind || x.Kind == DurationKind.Duration) return null;
            return subtract
                ? new XsdDuration(x.Kind, x.Months - y.Months, x.Seconds - y.Seconds).ToLiteral()
                : new XsdDuration(x.Kind, x.Months + y.Months, x.Seconds + y.Seconds).ToLiteral();
        }
        if (!subtract && da is XsdDuration dur && XsdTemporal.FromTerm(b) is XsdTemporal tb) return Shift(tb, dur, false)?.ToLiteral();
        return null;
    }

    private static XsdTemporal? Shift(XsdTemporal t, XsdDuration d, bool subtract)
    {
        // Results beyond the year bound would not read back as literals.
        return ShiftUnchecked(t, d, subtract) is { InRange: true } shifted ? shifted : null;
    }

    private static XsdTemporal? ShiftUnchecked(XsdTemporal t, XsdDuration d, bool subtract)
    {
        long months = subtract ? -d.Months : d.Months;
        decimal seconds = subtract ? -d.Seconds : d.Seconds;
        if (t.Kind == TemporalKind.Time)
        {
            if (months != 0) return null;
            var shifted = t.AddSeconds(seconds);
            return shifted with { Year = 1, Month = 1, Day = 1 };
        }
        if (t.Kind == TemporalKind.Date)
        {
            var r = t.AddMonths(months).AddSeconds(seconds);
            return r with { Hour = 0, Minute = 0, Second = 0 };
        }
        return t.AddMonths(months).AddSeconds(seconds);
    }
}
