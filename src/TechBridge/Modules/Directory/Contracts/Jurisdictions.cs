using System.Linq.Expressions;

namespace TechBridge.Modules.Directory.Contracts;

// The administrative tree that scopes admins (DESIGN.md §6): Beijing; Tianjin; Hebei over its eleven cities,
// 雄安新区 (over 容城, 安新, 雄县, which statistically belong to 保定) and the province-managed 辛集 and 定州.
// An admin of a jurisdiction acts on everything below it. 雄安's counties are the region group's (RegionFilter.Xiongan).
internal static class Jurisdictions
{
    public const string Beijing = "11";
    public const string Tianjin = "12";
    public const string Hebei = "13";
    public const string Xiongan = "XIONGAN";

    // Every province-level code of GB/T 2260: the jurisdictions that together cover every region (the auditor's view).
    public static readonly IReadOnlyList<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43", "44",
        "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ];

    private static readonly HashSet<string> ProvinceManaged = ["130181", "130682"];

    // The most specific jurisdiction that administers a region code (province 2, city 4 or county 6 digits).
    public static string Of(string regionCode)
    {
        if (regionCode.Length >= 6 && RegionFilter.Xiongan.Contains(regionCode[..6]))
        {
            return Xiongan;
        }

        if (regionCode.Length >= 6 && ProvinceManaged.Contains(regionCode[..6]))
        {
            return regionCode[..6];
        }

        if (regionCode.StartsWith(Hebei, StringComparison.Ordinal) && regionCode.Length >= 4 && regionCode[2..4] != "00")
        {
            return regionCode[..4];
        }

        return regionCode.Length >= 2 ? regionCode[..2] : regionCode;
    }

    public static string? Parent(string jurisdiction) =>
        jurisdiction == Xiongan || (jurisdiction.Length > 2 && jurisdiction.StartsWith(Hebei, StringComparison.Ordinal)) ? Hebei : null;

    // True when an admin of `jurisdiction` may act on something located in `regionCode`.
    public static bool Covers(string jurisdiction, string regionCode)
    {
        for (string? current = Of(regionCode); current is not null; current = Parent(current))
        {
            if (current == jurisdiction)
            {
                return true;
            }
        }

        return false;
    }

    // The jurisdiction itself and everything above it, nearest first.
    public static IEnumerable<string> Chain(string regionCode)
    {
        for (string? current = Of(regionCode); current is not null; current = Parent(current))
        {
            yield return current;
        }
    }

    // The same test as Covers, for a database query: the rows whose region code an admin of one of the jurisdictions
    // acts on, as prefixes (LIKE 'p%'): a province its codes; 雄安 its three counties; a province-managed county itself;
    // a Hebei city its codes except the counties 雄安 or the province administer. Queues filter in the query with it,
    // so an item of another region can never push one of the admin's own out of a page.
    public static Expression<Func<T, bool>> CoveredBy<T>(IReadOnlyList<string> jurisdictions, Expression<Func<T, string>> regionCode)
    {
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression Prefix(string p) => Expression.Call(regionCode.Body, startsWith, Expression.Constant(p));
        Expression body = Expression.Constant(false);
        foreach (var jurisdiction in jurisdictions.Distinct(StringComparer.Ordinal))
        {
            Expression covered;
            if (jurisdiction == Xiongan)
            {
                covered = RegionFilter.Xiongan.Prefixes.Select(Prefix).Aggregate(Expression.OrElse);
            }
            else
            {
                covered = Prefix(jurisdiction);
                if (jurisdiction.Length == 4 && jurisdiction.StartsWith(Hebei, StringComparison.Ordinal))
                {
                    foreach (var excluded in RegionFilter.Xiongan.Prefixes.Concat(ProvinceManaged).Where(c => c.StartsWith(jurisdiction, StringComparison.Ordinal)))
                    {
                        covered = Expression.AndAlso(covered, Expression.Not(Prefix(excluded)));
                    }
                }
            }

            body = Expression.OrElse(body, covered);
        }

        return Expression.Lambda<Func<T, bool>>(body, regionCode.Parameters);
    }
}
