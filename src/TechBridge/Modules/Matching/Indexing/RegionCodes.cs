namespace TechBridge.Modules.Matching.Indexing;

// Region codes come as 6-digit county codes (130102), 6-digit city/province codes padded with zeros (130100, 130000)
// or short prefixes (1301, 13). Normalised form: the significant prefix (2 = province, 4 = city, 6 = county).
internal static class RegionCodes
{
    public static readonly string[] Jingjinji = ["11", "12", "13"];

    public static string Normalize(string code)
    {
        var c = code.Trim();
        if (c.Length == 6 && c.EndsWith("0000", StringComparison.Ordinal))
        {
            return c[..2];
        }

        return c.Length == 6 && c.EndsWith("00", StringComparison.Ordinal) ? c[..4] : c;
    }

    // The code and the regions that contain it, for the index's region filter (a city query finds its counties).
    public static IEnumerable<string> WithAncestors(string code)
    {
        var c = Normalize(code);
        if (c.Length >= 6)
        {
            yield return c;
        }

        if (c.Length >= 4)
        {
            yield return c[..4];
        }

        if (c.Length >= 2)
        {
            yield return c[..2];
        }
    }

    // County 1 > city 0.75 > province 0.5 > both in 京津冀 0.25 > elsewhere 0; the best pair counts.
    public static decimal Proximity(IEnumerable<string> a, IEnumerable<string> b)
    {
        var left = a.Select(Normalize).Where(c => c.Length >= 2).Distinct().ToList();
        var right = b.Select(Normalize).Where(c => c.Length >= 2).Distinct().ToList();
        var best = 0m;
        foreach (var x in left)
        {
            foreach (var y in right)
            {
                best = Math.Max(best, Pair(x, y));
            }
        }

        return best;
    }

    private static decimal Pair(string x, string y)
    {
        if (x.Length == 6 && y.Length == 6 && x == y)
        {
            return 1m;
        }

        if (x.Length >= 4 && y.Length >= 4 && x[..4] == y[..4])
        {
            return 0.75m;
        }

        if (x[..2] == y[..2])
        {
            return 0.5m;
        }

        return Jingjinji.Contains(x[..2]) && Jingjinji.Contains(y[..2]) ? 0.25m : 0m;
    }
}
