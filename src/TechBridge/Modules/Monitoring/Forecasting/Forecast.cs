namespace TechBridge.Modules.Monitoring.Forecasting;

internal enum KpiStatus
{
    // Fewer than two yearly values and no target met: nothing to project from.
    NotAssessable = 0,
    Achieved = 1,
    OnTrack = 2,
    AtRisk = 3,
    OffTrack = 4,
}

internal sealed record Projection(double? Linear, double? Cagr, double? GrowthRate);

// The arithmetic behind the forecasts and the status, written once so that the page states the same rule the code
// applies (KPI page, "How the status is decided").
internal static class Forecast
{
    // Least-squares line through (year, value), evaluated at the target year. Null with fewer than two years.
    public static double? Linear(IReadOnlyList<(int Year, double Value)> points, int targetYear)
    {
        if (points.Select(p => p.Year).Distinct().Count() < 2)
        {
            return null;
        }

        var meanX = points.Average(p => (double)p.Year);
        var meanY = points.Average(p => p.Value);
        var sxy = points.Sum(p => (p.Year - meanX) * (p.Value - meanY));
        var sxx = points.Sum(p => (p.Year - meanX) * (p.Year - meanX));
        var slope = sxy / sxx;
        return meanY + (slope * (targetYear - meanX));
    }

    // Compound annual growth from the first positive value to the last, carried from the last value to the target
    // year: last × (1 + g)^(target − lastYear), g = (last ÷ first)^(1 ÷ years) − 1. Null without two positive values.
    public static (double? Projection, double? Rate) Cagr(IReadOnlyList<(int Year, double Value)> points, int targetYear)
    {
        var ordered = points.OrderBy(p => p.Year).ToList();
        var first = ordered.FirstOrDefault(p => p.Value > 0);
        var last = ordered.Count > 0 ? ordered[^1] : default;
        if (ordered.Count < 2 || first.Value <= 0 || last.Value <= 0 || last.Year <= first.Year)
        {
            return (null, null);
        }

        var rate = Math.Pow(last.Value / first.Value, 1.0 / (last.Year - first.Year)) - 1;
        return (last.Value * Math.Pow(1 + rate, targetYear - last.Year), rate);
    }

    public static Projection Project(IReadOnlyList<(int Year, double Value)> points, int targetYear)
    {
        var (cagr, rate) = Cagr(points, targetYear);
        return new Projection(Linear(points, targetYear), cagr, rate);
    }

    public static bool Meets(double value, double target, bool strictlyMore) => strictlyMore ? value > target : value >= target;

    // The rule, as the KPI page states it:
    // achieved — the latest value meets the target;
    // off track — the target year has passed without it, or neither projection meets it;
    // on track — both projections (linear trend and CAGR) meet the target by the target year;
    // at risk — only one of them does;
    // not assessable — no value, or fewer than two years to project from.
    public static KpiStatus Status(double? latest, int? latestYear, Projection projection, double target, int targetYear, int currentYear, bool strictlyMore)
    {
        if (latest is { } value && Meets(value, target, strictlyMore))
        {
            return KpiStatus.Achieved;
        }

        if (latest is null)
        {
            return KpiStatus.NotAssessable;
        }

        if (targetYear < currentYear || (latestYear is { } year && year > targetYear))
        {
            return KpiStatus.OffTrack;
        }

        if (projection.Linear is null && projection.Cagr is null)
        {
            return KpiStatus.NotAssessable;
        }

        var linearMeets = projection.Linear is { } l && Meets(l, target, strictlyMore);
        var cagrMeets = projection.Cagr is { } c && Meets(c, target, strictlyMore);
        return (linearMeets, cagrMeets) switch
        {
            (true, true) => KpiStatus.OnTrack,
            (true, false) or (false, true) => KpiStatus.AtRisk,
            _ => KpiStatus.OffTrack,
        };
    }
}
