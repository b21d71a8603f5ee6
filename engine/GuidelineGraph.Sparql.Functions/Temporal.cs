using System.Globalization;
using System.Text;
using GuidelineGraph.Rdf;

namespace GuidelineGraph.Sparql.Functions;

public enum TemporalKind : byte { DateTime, Date, Time }

/// <summary>
/// An xsd:dateTime, xsd:date or xsd:time value with its optional timezone (minutes east of UTC).
/// Comparison follows XSD's partial order: a value without timezone is only ordered against one with
/// a timezone when they are more than 14 hours apart.
/// </summary>
public readonly record struct XsdTemporal(TemporalKind Kind, long Year, int Month, int Day, int Hour, int Minute, decimal Second, int? Timezone)
{
    private const decimal FourteenHours = 14 * 3600;

    /// <summary>Years are bounded so that all calendar arithmetic stays within <see cref="long"/> and <see cref="decimal"/>.</summary>
    public const int MaxYearDigits = 9;
    private const long MaxYear = 999_999_999;

    public bool InRange => Math.Abs(Year) <= MaxYear;

    public Iri Datatype => Kind switch
    {
        TemporalKind.DateTime => Vocab.Xsd.DateTime,
        TemporalKind.Date => Vocab.Xsd.Date,
        _ => Vocab.Xsd.Time,
    };

    public static XsdTemporal? FromTerm(Term? term)
    {
        if (term is not Literal l) return null;
        var dt = l.Datatype.Value;
        if (dt == Vocab.Xsd.DateTime.Value) return Parse(l.Lexical, TemporalKind.DateTime);
        if (dt == Vocab.Xsd.Date.Value) return Parse(l.Lexical, TemporalKind.Date);
        if (dt == Vocab.Xsd.Time.Value) return Parse(l.Lexical, TemporalKind.Time);
        return null;
    }

    public static XsdTemporal? Parse(string s, TemporalKind kind)
    {
        var p = new Scanner(s);
        long year = 1;
        int month = 1, day = 1, hour = 0, minute = 0;
        decimal second = 0;
        if (kind != TemporalKind.Time)
        {
            bool negative = p.Eat('-');
            int start = p.Position;
            if (p.Digits(4, MaxYearDigits) is not long y) return null;
            // Years of more than four digits may not start with zero.
            if (p.Position - start > 4 && s[start] == '0') return null;
            year = negative ? -y : y;
            if (year == 0) return null;
            if (!p.Eat('-') || p.Digits(2, 2) is not long mo || !p.Eat('-') || p.Digits(2, 2) is not long d) return null;
            month = (int)mo;
            day = (int)d;
            if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)) return null;
            if (kind == TemporalKind.DateTime && !p.Eat('T')) return null;
        }
        if (kind != TemporalKind.Date)
        {
            if (p.Digits(2, 2) is not long h || !p.Eat(':') || p.Digits(2, 2) is not long mi || !p.Eat(':') || p.Digits(2, 2) is not long sec) return null;
            hour = (int)h;
            minute = (int)mi;
            second = sec;
            if (p.Eat('.'))
            {
                int start = p.Position;
                if (p.Digits(1, 28) is null) return null;
                second += decimal.Parse("0." + s[start..p.Position], CultureInfo.InvariantCulture);
            }
            if (minute > 59 || second >= 60) return null;
            if (hour == 24 ? minute != 0 || second != 0 : hour > 23) return null;
        }
        int? tz = null;
        if (p.Eat('Z')) tz = 0;
        else if (p.Peek is '+' or '-')
        {
            int sign = p.Eat('-') ? -1 : 1;
            if (sign == 1) p.Eat('+');
            if (p.Digits(2, 2) is not long th || !p.Eat(':') || p.Digits(2, 2) is not long tm) return null;
            if (tm > 59 || th * 60 + tm > 14 * 60) return null;
            tz = sign * (int)(th * 60 + tm);
        }
        if (!p.AtEnd) return null;
        var value = new XsdTemporal(kind, year, month, day, hour, minute, second, tz);
        // 24:00:00 is the first instant of the next day.
        return hour == 24 ? value.AddSeconds(0) : value;
    }

    public static bool IsLeapYear(long y) => y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);

    public static int DaysInMonth(long year, int month) => month switch
    {
        2 => IsLeapYear(year < 0 ? year + 1 : year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>Days from 0001-01-01 in the proleptic Gregorian calendar (year 0 skipped as XSD 1.0 does).</summary>
    private static long DaysFromCivil(long year, int month, int day)
    {
        long y = year < 0 ? year + 1 : year;
        y -= month <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static (long Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int)(doy - (153 * mp + 2) / 5 + 1);
        int m = (int)(mp < 10 ? mp + 3 : mp - 9);
        y += m <= 2 ? 1 : 0;
        return (y <= 0 ? y - 1 : y, m, d);
    }

    /// <summary>Seconds since the epoch of the local (timezone-less) reading.</summary>
    private decimal LocalSeconds => DaysFromCivil(Year, Month, Day) * 86400m + Hour * 3600 + Minute * 60 + Second;

    /// <summary>Seconds since the epoch in UTC, taking a missing timezone as UTC.</summary>
    public decimal UtcSeconds => LocalSeconds - (Timezone ?? 0) * 60;

    public XsdTemporal AddSeconds(decimal seconds)
    {
        var total = LocalSeconds + seconds;
        var days = (long)decimal.Floor(total / 86400);
        var rest = total - days * 86400m;
        var (y, m, d) = CivilFromDays(days);
        int hour = (int)(rest / 3600);
        rest -= hour * 3600;
        int minute = (int)(rest / 60);
        rest -= minute * 60;
        return this with { Year = y, Month = m, Day = d, Hour = hour, Minute = minute, Second = rest };
    }

    /// <summary>Adds months the XSD way: the day is clamped to the new month's length.</summary>
    public XsdTemporal AddMonths(long months)
    {
        long index = (Year < 0 ? Year + 1 : Year) * 12 + (Month - 1) + months;
        long y = index >= 0 ? index / 12 : (index - 11) / 12;
        int m = (int)(index - y * 12) + 1;
        if (y <= 0) y -= 1;
        return this with { Year = y, Month = m, Day = Math.Min(Day, DaysInMonth(y, m)) };
    }

    /// <summary>-1, 0, 1, or null when the order is indeterminate or the kinds differ.</summary>
    public int? CompareTo(XsdTemporal other)
    {
        if (Kind != other.Kind) return null;
        if (Timezone.HasValue == other.Timezone.HasValue) return UtcSeconds.CompareTo(other.UtcSeconds);
        // One side has no timezone: it may lie anywhere within ±14 hours.
        decimal a = UtcSeconds, b = other.UtcSeconds;
        if (!Timezone.HasValue)
        {
            if (a + FourteenHours < b) return -1;
            if (a - FourteenHours > b) return 1;
        }
        else
        {
            if (a < b - FourteenHours) return -1;
            if (a > b + FourteenHours) return 1;
        }
        return null;
    }

    public Literal ToLiteral() => new(ToString(), Datatype);

    public override string ToString()
    {
        var sb = new StringBuilder(32);
        if (Kind != TemporalKind.Time)
        {
            if (Year < 0) sb.Append('-');
            sb.Append(Math.Abs(Year).ToString("0000", CultureInfo.InvariantCulture)).Append('-')
              .Append(Month.ToString("00", CultureInfo.InvariantCulture)).Append('-')
              .Append(Day.ToString("00", CultureInfo.InvariantCulture));
            if (Kind == TemporalKind.DateTime) sb.Append('T');
        }
        if (Kind != TemporalKind.Date)
        {
            sb.Append(Hour.ToString("00", CultureInfo.InvariantCulture)).Append(':')
              .Append(Minute.ToString("00", CultureInfo.InvariantCulture)).Append(':');
            var whole = decimal.Truncate(Second);
            sb.Append(((int)whole).ToString("00", CultureInfo.InvariantCulture));
            var fraction = Second - whole;
            if (fraction != 0) sb.Append(Numeric.FormatDecimal(fraction).AsSpan(1));
        }
        if (Timezone is int tz) sb.Append(FormatTimezone(tz));
        return sb.ToString();
    }

    public static string FormatTimezone(int minutes)
    {
        if (minutes == 0) return "Z";
        int a = Math.Abs(minutes);
        return (minutes < 0 ? "-" : "+") + (a / 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (a % 60).ToString("00", CultureInfo.InvariantCulture);
    }

    public static XsdTemporal FromDateTimeOffset(DateTimeOffset now) =>
        new(TemporalKind.DateTime, now.Year, now.Month, now.Day, now.Hour, now.Minute,
            now.Second + (now.Ticks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerSecond, (int)now.Offset.TotalMinutes);

    private ref struct Scanner(string s)
    {
        private readonly string _s = s;
        public int Position { get; private set; }
        public readonly bool AtEnd => Position == _s.Length;
        public readonly char Peek => AtEnd ? '\0' : _s[Position];

        public bool Eat(char c)
        {
            if (Peek != c) return false;
            Position++;
            return true;
        }

        public long? Digits(int min, int max)
        {
            int start = Position;
            while (!AtEnd && Position - start < max && char.IsAsciiDigit(_s[Position])) Position++;
            if (Position - start < min || (!AtEnd && char.IsAsciiDigit(_s[Position]))) return null;
            return Position - start > 18 ? null : long.Parse(_s.AsSpan(start, Position - start), CultureInfo.InvariantCulture);
        }
    }
}

public enum DurationKind : byte { Duration, DayTime, YearMonth }

/// <summary>An xsd:duration (or its dayTime/yearMonth restrictions): months and seconds of the same sign.</summary>
public readonly record struct XsdDuration(DurationKind Kind, long Months, decimal Seconds)
{
    public Iri Datatype => Kind switch
    {
        DurationKind.DayTime => Vocab.Xsd.DayTimeDuration,
        DurationKind.YearMonth => Vocab.Xsd.YearMonthDuration,
        _ => Vocab.Xsd.Duration,
    };

    public static XsdDuration? FromTerm(Term? term)
    {
        if (term is not Literal l) return null;
        var dt = l.Datatype.Value;
        if (dt == Vocab.Xsd.Duration.Value) return Parse(l.Lexical, DurationKind.Duration);
        if (dt == Vocab.Xsd.DayTimeDuration.Value) return Parse(l.Lexical, DurationKind.DayTime);
        if (dt == Vocab.Xsd.YearMonthDuration.Value) return Parse(l.Lexical, DurationKind.YearMonth);
        return null;
    }

    public static XsdDuration? Parse(string s, DurationKind kind)
    {
        int i = 0;
        bool negative = s.StartsWith('-');
        if (negative) i++;
        if (i >= s.Length || s[i++] != 'P') return null;
        long months = 0;
        decimal seconds = 0;
        bool any = false, time = false;
        // Designators must appear in this order; each at most once.
        const string order = "YMDHMS";
        int last = -1;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (time) return null;
                time = true;
                i++;
                if (i == s.Length) return null;
                last = 2;
                continue;
            }
            int start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start || i == s.Length) return null;
            char designator = s[i++];
            int slot = time ? order.IndexOf(designator, 3) : order.IndexOf(designator);
            if (slot < 0 || slot <= last || (!time && slot > 2)) return null;
            last = slot;
            var number = s.AsSpan(start, i - 1 - start);
            if (number.Contains('.'))
            {
                if (slot != 5 || number.IndexOf('.') > 15 || Numeric.ParseDecimal(number) is not decimal frac || number[^1] == '.') return null;
                seconds += frac;
            }
            else
            {
                // 15 digits keep years × 12 inside long and days × 86400 inside decimal.
                if (number.Length > 15 || Numeric.ParseInteger(number) is not decimal n) return null;
                switch (slot)
                {
                    case 0: months += (long)n * 12; break;
                    case 1: months += (long)n; break;
                    case 2: seconds += n * 86400; break;
                    case 3: seconds += n * 3600; break;
                    case 4: seconds += n * 60; break;
                    default: seconds += n; break;
                }
            }
            any = true;
        }
        if (!any) return null;
        if (kind == DurationKind.DayTime && months != 0) return null;
        if (kind == DurationKind.YearMonth && (time || seconds != 0 || last == 2)) return null;
        return negative ? new XsdDuration(kind, -months, -seconds) : new XsdDuration(kind, months, seconds);
    }

    /// <summary>Durations are ordered only within the dayTime and yearMonth restrictions; equality is total.</summary>
    public int? CompareTo(XsdDuration other)
    {
        if (Months == other.Months) return Seconds.CompareTo(other.Seconds);
        if (Seconds == 0 && other.Seconds == 0) return Months.CompareTo(other.Months);
        return null;
    }

    public Literal ToLiteral() => new(ToString(), Datatype);

    public override string ToString()
    {
        var sb = new StringBuilder("P");
        bool negative = Months < 0 || Seconds < 0;
        long months = Math.Abs(Months);
        decimal seconds = Math.Abs(Seconds);
        if (months == 0 && seconds == 0) return Kind == DurationKind.YearMonth ? "P0M" : "PT0S";
        if (months / 12 > 0) sb.Append(months / 12).Append('Y');
        if (months % 12 > 0) sb.Append(months % 12).Append('M');
        var days = decimal.Truncate(seconds / 86400);
        seconds -= days * 86400;
        if (days > 0) sb.Append(days.ToString("0", CultureInfo.InvariantCulture)).Append('D');
        if (seconds > 0)
        {
            sb.Append('T');
            var hours = decimal.Truncate(seconds / 3600);
            seconds -= hours * 3600;
            var minutes = decimal.Truncate(seconds / 60);
            seconds -= minutes * 60;
            if (hours > 0) sb.Append(hours.ToString("0", CultureInfo.InvariantCulture)).Append('H');
            if (minutes > 0) sb.Append(minutes.ToString("0", CultureInfo.InvariantCulture)).Append('M');
            if (seconds > 0)
            {
                var text = Numeric.FormatDecimal(seconds);
                sb.Append(text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text).Append('S');
            }
        }
        return (negative ? "-" : "") + sb;
    }
}
