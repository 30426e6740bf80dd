using System.Globalization;

namespace TechBridge.Platform.Values;

// An amount of renminbi in fen (分), the smallest unit, so arithmetic is exact: never double, never SQLite decimal
// (DESIGN.md §3). Stored as a plain long column; this type adds parsing, checked arithmetic and display in 元.
internal readonly record struct Money(long Fen) : IComparable<Money>
{
    public const int FenPerYuan = 100;

    public static Money Zero { get; } = new(0);

    public static Money FromYuan(long yuan) => new(checked(yuan * FenPerYuan));

    // Parses "12", "12.3", "12.34", "1,234.50" or "¥12" as yuan into fen; more than two decimals, signs other than a
    // leading minus and anything else are refused (false), never rounded.
    public static bool TryParseYuan(string? text, out Money money)
    {
        money = Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().TrimStart('¥', '￥').Replace(",", "", StringComparison.Ordinal).Trim();
        if (s.EndsWith('元'))
        {
            s = s[..^1].Trim();
        }

        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..];
        }

        var parts = s.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || parts[0].Length > 15 || !parts[0].All(char.IsAsciiDigit))
        {
            return false;
        }

        var fraction = parts.Length == 2 ? parts[1] : "";
        if (fraction.Length > 2 || !fraction.All(char.IsAsciiDigit) || (parts.Length == 2 && fraction.Length == 0))
        {
            return false;
        }

        var fen = (long.Parse(parts[0], CultureInfo.InvariantCulture) * FenPerYuan) + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        money = new Money(negative ? -fen : fen);
        return true;
    }

    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    public static Money operator *(Money left, long factor) => new(checked(left.Fen * factor));

    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    public static Money Multiply(Money left, long factor) => left * factor;

    public bool IsNegative => Fen < 0;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    // "12,345.67" — yuan with two decimals and thousands separators, culture-independent.
    public string ToYuanString()
    {
        var magnitude = Fen == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(Fen);
        var yuan = magnitude / FenPerYuan;
        var fen = magnitude % FenPerYuan;
        return string.Create(CultureInfo.InvariantCulture, $"{(Fen < 0 ? "-" : "")}{yuan:N0}.{fen:D2}");
    }

    // "¥12,345.67"
    public override string ToString() => Fen < 0 ? "-¥" + ToYuanString()[1..] : "¥" + ToYuanString();

    // Large amounts the way Chinese readers expect them: "12.5万元" from 10,000 yuan up, otherwise "¥…".
    public string ToDisplay()
    {
        if (Math.Abs(Fen) < 10_000 * FenPerYuan)
        {
            return ToString();
        }

        // 万 with up to two decimals, trailing zeros dropped; exact integer arithmetic (1万元 = 1,000,000 fen).
        var wanFen = 10_000L * FenPerYuan;
        var whole = Fen / wanFen;
        var hundredths = Math.Abs(Fen % wanFen) / (wanFen / 100);
        var decimals = hundredths == 0 ? "" : "." + hundredths.ToString("D2", CultureInfo.InvariantCulture).TrimEnd('0');
        return string.Create(CultureInfo.InvariantCulture, $"{whole}{decimals}万元");
    }
}
