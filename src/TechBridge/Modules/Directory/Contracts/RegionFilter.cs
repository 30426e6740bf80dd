using System.Linq.Expressions;
using TechBridge.Modules.Directory.Reference;

namespace TechBridge.Modules.Directory.Contracts;

// The one reading of a region filter, whoever gives it (a query string, a page's region list, a search box):
//   - a region code, taken as a prefix: 13 河北, 1301 石家庄, 130102 长安区 (130100 and 130000 are read as 1301 and 13);
//   - a region group of the plan from Data/reference/region-groups.csv by code or Chinese name (xiongan / XIONGAN /
//     雄安, capital / 省会, jizhongnan / 冀中南), which stands for its region codes;
//   - jjj / 京津冀: Beijing, Tianjin and Hebei.
// Text that is none of these is kept as it is, so it matches nothing (a filter never silently widens to "all").
// Prefixes are what the filter stands for; a region code belongs to it when it starts with one of them, and the
// search index, which stores every code with its city and province, is queried with the same prefixes.
internal sealed class RegionFilter
{
    private static readonly string[] JingjinjiNames = ["jjj", "京津冀", "jingjinji"];

    private static readonly Lazy<IReadOnlyList<RegionGroup>> ShippedGroups = new(() => ReferenceCatalog.Shipped.RegionGroups);

    private RegionFilter(string value, IReadOnlyList<string> prefixes)
    {
        Value = value;
        Prefixes = prefixes;
    }

    public static RegionFilter Jingjinji { get; } = new("jjj", [Jurisdictions.Beijing, Jurisdictions.Tianjin, Jurisdictions.Hebei]);

    // 雄安新区's counties as the shipped region groups list them.
    public static RegionFilter Xiongan => XionganGroup.Value;

    private static readonly Lazy<RegionFilter> XionganGroup = new(() => Parse(Jurisdictions.Xiongan)!);

    public string Value { get; }

    public IReadOnlyList<string> Prefixes { get; }

    // The terms a search index holding every code with its ancestors (county, city, province) is filtered by.
    public IReadOnlyList<string> IndexTerms => Prefixes;

    // Null when nothing is asked for (no filter).
    public static RegionFilter? Parse(string? value) => Parse(value, ShippedGroups.Value);

    public static RegionFilter? Parse(string? value, IReadOnlyList<RegionGroup> groups)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (JingjinjiNames.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return Jingjinji;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return new RegionFilter(text, [Normalize(text)]);
        }

        var group = groups.FirstOrDefault(g => g.Code.Equals(text, StringComparison.OrdinalIgnoreCase)
            || g.NameEn.Equals(text, StringComparison.OrdinalIgnoreCase)
            || (text.Length >= 2 && g.NameZh.StartsWith(text, StringComparison.Ordinal)));
        return group is null
            ? new RegionFilter(text, [text])
            : new RegionFilter(text, group.RegionCodes.Select(Normalize).Distinct(StringComparer.Ordinal).ToList());
    }

    // 6-digit codes padded with zeros name their city (130100 → 1301) or province (130000 → 13).
    public static string Normalize(string code)
    {
        var c = code.Trim();
        if (c.Length == 6 && c.EndsWith("0000", StringComparison.Ordinal))
        {
            return c[..2];
        }

        return c.Length == 6 && c.EndsWith("00", StringComparison.Ordinal) ? c[..4] : c;
    }

    public bool Contains(string? regionCode)
    {
        if (string.IsNullOrEmpty(regionCode))
        {
            return false;
        }

        var code = Normalize(regionCode);
        return Prefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal));
    }

    // The same test for a database query: regionCode(row) starts with one of the prefixes (LIKE 'p%' in SQL).
    public Expression<Func<T, bool>> Matches<T>(Expression<Func<T, string>> regionCode)
    {
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var body = Prefixes.Select(p => (Expression)Expression.Call(regionCode.Body, startsWith, Expression.Constant(p)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(body, regionCode.Parameters);
    }
}

internal static class RegionFilterQueries
{
    // Rows whose region code the filter covers; no filter keeps every row.
    public static IQueryable<T> InRegion<T>(this IQueryable<T> query, RegionFilter? filter, Expression<Func<T, string>> regionCode) =>
        filter is null ? query : query.Where(filter.Matches(regionCode));
}
