using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;

namespace TechBridge.Modules.TechMarket.Flows;

// A registered contract as the public sees it: party names only where both parties agreed to publication.
internal sealed record PublicContract(string CertificateNumber, string Title, string Type, string TechnologyField, string? SellerName, string SellerRegionCode, string? BuyerName, string BuyerRegionCode, long TotalFen, long TechnologyAmountFen, DateOnly RegisteredOn);

// The flow statistics for the API, the dashboard and the public statistics page.
internal sealed class FlowsHandler(FlowStatistics flows, PlatformDbContext db)
{
    public const int MaxMonths = 240;

    public async Task<FlowMatrix> MatrixAsync(string? from, string? to, string? level, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!FlowStatistics.TryParseMonth(from, out var first))
        {
            validation.Add("from", "month", "from is a month written YYYY-MM.");
        }

        if (!FlowStatistics.TryParseMonth(to, out var last))
        {
            validation.Add("to", "month", "to is a month written YYYY-MM.");
        }
        else if (validation.IsValid && (last < first || ((last.Year - first.Year) * 12) + last.Month - first.Month >= MaxMonths))
        {
            validation.Add("to", "monthRange", $"to is not before from, and the period has at most {MaxMonths} months.", new Dictionary<string, object> { ["max"] = MaxMonths });
        }

        var lvl = string.IsNullOrWhiteSpace(level) ? "province" : level.Trim();
        if (!FlowStatistics.Levels.Contains(lvl))
        {
            validation.Add("level", "unknown", "level is province, city or group.");
        }

        validation.ThrowIfInvalid();
        return await flows.MatrixAsync(first, last, lvl, cancellationToken);
    }

    public async Task<IReadOnlyList<PublicContract>> LatestRegisteredAsync(int take, CancellationToken cancellationToken)
    {
        var rows = await db.Set<TechContract>().AsNoTracking().Where(c => c.Status == ContractStatus.Registered)
            .OrderByDescending(c => c.RegisteredOn).ThenByDescending(c => c.CertificateNumber).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        return rows.Select(c => new PublicContract(c.CertificateNumber ?? "", c.Title, c.TypeCode, c.TechnologyFieldCode,
            c.PublishPartyNames ? c.SellerName : null, c.SellerRegionCode, c.PublishPartyNames ? c.BuyerName : null, c.BuyerRegionCode,
            c.TotalFen, c.TechnologyAmountFen, c.RegisteredOn!.Value)).ToList();
    }
}

internal static class FlowEndpoints
{
    public static RouteGroupBuilder MapFlows(this RouteGroupBuilder group)
    {
        group.MapGet("/flows", async Task<Ok<FlowMatrix>> (string? from, string? to, string? level, FlowsHandler flows, CancellationToken ct) => TypedResults.Ok(await flows.MatrixAsync(from, to, level, ct)))
            .AllowAnonymous()
            .WithName("GetTechnologyFlows")
            .WithSummary("Registered contracts between from and to (months YYYY-MM, inclusive) as a seller-region × buyer-region matrix among Beijing, Tianjin, Hebei (level province, city or group) and elsewhere, amounts in fen with counts; Hebei's share of Beijing–Tianjin output; by type, field and month.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/registered-contracts", async Task<Ok<IReadOnlyList<PublicContract>>> (int? take, FlowsHandler flows, CancellationToken ct) => TypedResults.Ok(await flows.LatestRegisteredAsync(take ?? 50, ct)))
            .AllowAnonymous()
            .WithName("ListRegisteredContracts")
            .WithSummary("The latest registered contracts for the public; party names only where the parties agreed to publication.");
        return group;
    }
}
