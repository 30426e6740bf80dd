using System.Globalization;

namespace TechBridge.Platform.Values;

// An amount of renminbi in fen (分), the smallest unit, so arithmetic is exact: never double, never SQLite decimal
// (DESIGN.md §3). Stored as a plain long column; this type adds parsing, checked arithmetic and display in 元.
internal readonly record struct Money(long Fen) : IComparable<Money>
{
    public const int FenPerYuan = 100;

    public static Money Zero { get; } = new(0);

    public static Money FromYuan(long yuan) => new(checked(yuan * FenPerYuan));

    // Parses an amount as people type it into fen: "12", "1,250.50", "¥3,000", "50000元", "5万", "5.5万元", "1.2亿",
    // full-width digits and spaces included. Anything that is not exactly a number of fen is refused (false), never
    // rounded: more decimals than the unit allows ("12.345", "1.234567万"), Chinese numerals, exponents, a sign other
    // than a leading minus, two units, an amount beyond the range of fen.
    public static bool TryParseYuan(string? text, out Money money)
    {
        money = Zero;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        var s = new string(text.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..];
        }

        foreach (var prefix in (string[])["¥", "RMB", "CNY"])
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[prefix.Length..];
                break;
            }
        }

        if (s.EndsWith('元'))
        {
            s = s[..^1];
        }

        // Decimal places of the digits typed in front of the unit: fen (2) plus the unit's own power of ten.
        var scale = 2;
        if (s.EndsWith('万'))
        {
            (s, scale) = (s[..^1], 6);
        }
        else if (s.EndsWith('亿'))
        {
            (s, scale) = (s[..^1], 10);
        }

        s = s.Replace(",", "", StringComparison.Ordinal);
        var parts = s.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || parts[0].Length > 17 || !parts[0].All(char.IsAsciiDigit))
        {
            return false;
        }

        var fraction = parts.Length == 2 ? parts[1].TrimEnd('0') : "";
        if ((parts.Length == 2 && parts[1].Length == 0) || fraction.Length > scale || !fraction.All(char.IsAsciiDigit))
        {
            return false;
        }

        var fen = (System.Numerics.BigInteger.Parse(parts[0], CultureInfo.InvariantCulture) * System.Numerics.BigInteger.Pow(10, scale))
            + (fraction.Length == 0 ? 0 : System.Numerics.BigInteger.Parse(fraction.PadRight(scale, '0'), CultureInfo.InvariantCulture));
        if (fen > long.MaxValue)
        {
            return false;
        }

        money = new Money(negative ? -(long)fen : (long)fen);
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

    // For summaries and charts: 万元 on Chinese pages (ToDisplay), thousands and millions of yuan on English ones, so
    // an English page carries no Chinese unit. Tables and forms use ToString ("¥12,345.67") in both languages.
    public string ToSummary(CultureInfo culture)
    {
        if (culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return ToDisplay();
        }

        var yuan = Fen / (decimal)FenPerYuan;
        return Math.Abs(yuan) switch
        {
            < 10_000m => ToString(),
            < 1_000_000m => string.Create(CultureInfo.InvariantCulture, $"¥{decimal.Round(yuan / 1_000m, 2):0.##} thousand"),
            _ => string.Create(CultureInfo.InvariantCulture, $"¥{decimal.Round(yuan / 1_000_000m, 2):#,0.##} million"),
        };
    }

    // The amount in 万元 for chart axes and series (labelled with the unit "10,000 yuan" / "万元").
    public decimal ToWan() => Fen / (10_000m * FenPerYuan);
}
