namespace TechBridge.Platform.Input;

// The one rule for page numbers: 1 to MaxPage (rule range@page), and the rows to skip computed without overflow, so
// that ?page=2147483647 is a 400 naming "page" on every list instead of a negative OFFSET that PostgreSQL refuses.
internal static class Paging
{
    public const int MaxPage = 100_000;

    public static (int Page, int Size) Check(Validation validation, int? page, int? size, int defaultSize, int maxSize)
    {
        var p = page ?? 1;
        var s = size ?? defaultSize;
        if (p < 1)
        {
            validation.Add("page", "min", "Pages start at 1.");
        }
        else if (p > MaxPage)
        {
            validation.Add("page", "range", $"page is 1 to {MaxPage}.", new Dictionary<string, object> { ["min"] = 1, ["max"] = MaxPage });
        }

        if (s is < 1 || s > maxSize)
        {
            validation.Add("pageSize", "range", $"pageSize is 1 to {maxSize}.", new Dictionary<string, object> { ["min"] = 1, ["max"] = maxSize });
        }

        return (Math.Clamp(p, 1, MaxPage), Math.Clamp(s, 1, maxSize));
    }

    public static int Skip(int page, int size) => (int)Math.Min(int.MaxValue, ((long)Math.Max(page, 1) - 1) * Math.Max(size, 0));
}
