using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Instruments.Fees;
using TechBridge.Platform.Input;

namespace TechBridge.Modules.Instruments.BrowseCatalog;

internal sealed record BookingRulesResponse(
    int MinDurationMinutes,
    int MaxDurationMinutes,
    int MinNoticeMinutes,
    int MaxAdvanceDays,
    int BufferMinutes,
    int CancellationWindowHours,
    long CancellationFeeFen,
    bool ApprovalRequired,
    bool ExternalBookingAllowed);

internal sealed record FeeRateResponse(string PriceGroup, int FromMinutes, long HourlyFen);

internal sealed record FeeStandardResponse(string Mode, int DepreciationYears, long ConsumablesPerHourFen, long SuggestedHourlyFen, IReadOnlyList<FeeRateResponse> Rates);

internal sealed record InstrumentResponse(
    Guid Id,
    Guid OwnerOrganizationId,
    string OwnerName,
    string Name,
    string Model,
    string Manufacturer,
    string CategoryCode,
    long OriginalValueFen,
    bool HebeiPlatformScope,
    bool NationalNetworkScope,
    DateOnly PurchaseDate,
    string FundingSourceCode,
    string RegionCode,
    string RegionName,
    string Address,
    string Status,
    bool OpenForExternalUse,
    IReadOnlyList<string> Technicians,
    bool Specialised,
    int RatedHoursPerYear,
    string? RequiredTraining,
    string? Description,
    BookingRulesResponse Rules,
    FeeStandardResponse Fees,
    bool YouOwnIt);

internal sealed record InstrumentSummary(
    Guid Id,
    string Name,
    string Model,
    string Manufacturer,
    string CategoryCode,
    Guid OwnerOrganizationId,
    string OwnerName,
    string RegionCode,
    string RegionName,
    long OriginalValueFen,
    string Status,
    bool OpenForExternalUse,
    bool ApprovalRequired,
    bool ExternalBookingAllowed,
    long? EnterpriseHourlyFen);

internal sealed record CatalogFilter(string? Q = null, string? Region = null, string? Category = null, string? ValueBand = null, Guid? Owner = null, bool? Open = null, int Page = 1, int PageSize = 20);

internal sealed record CatalogPage(int Total, int Page, int PageSize, IReadOnlyList<InstrumentSummary> Items);

internal sealed record OwnerChoice(Guid Id, string Name);

// The public catalog: filters (region, category, value band, owner, open for external use, words in the name, model or
// maker), one instrument with its rules and fees. Everyone may read it; the API and the pages share this handler.
internal sealed class BrowseCatalogHandler(PlatformDbContext db, IOrganizationFacts facts, IReferenceData reference, ActorContext actor)
{
    public const int MaxPageSize = 100;

    public async Task<CatalogPage> ListAsync(CatalogFilter filter, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        // The platform's one paging rule (page 1 to 100,000; no overflow in the rows skipped).
        Paging.Check(validation, filter.Page, filter.PageSize, 20, MaxPageSize);

        if (filter.Category is { Length: > 0 } category && CatalogCodes.CategoryLabel(category) is null)
        {
            validation.Add("category", "unknown", "Choose a category from the list.");
        }

        var band = CatalogCodes.ValueBands.FirstOrDefault(b => b.Code == filter.ValueBand);
        if (filter.ValueBand is { Length: > 0 } && band.Code is null)
        {
            validation.Add("valueBand", "unknown", "Choose a value band from the list.");
        }

        validation.MaxLength("q", filter.Q, 100);
        validation.ThrowIfInvalid();

        var query = db.Set<Instrument>().AsNoTracking().Where(i => i.Status != InstrumentStatus.Retired);
        query = query.InRegion(RegionFilter.Parse(filter.Region), i => i.RegionCode);

        if (filter.Category is { Length: > 0 })
        {
            query = query.Where(i => i.CategoryCode == filter.Category);
        }

        if (band.Code is not null)
        {
            query = query.Where(i => i.OriginalValueFen >= band.FromFen && i.OriginalValueFen < band.ToFen);
        }

        if (filter.Owner is { } owner)
        {
            query = query.Where(i => i.OwnerOrganizationId == owner);
        }

        if (filter.Open is { } open)
        {
            query = query.Where(i => i.OpenForExternalUse == open);
        }

        if (filter.Q is { Length: > 0 } words)
        {
            var q = words.Trim();
            query = query.Where(i => i.Name.Contains(q) || i.Model.Contains(q) || i.Manufacturer.Contains(q));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(i => i.OriginalValueFen).ThenBy(i => i.Id)
            .Skip(Paging.Skip(filter.Page, filter.PageSize)).Take(filter.PageSize)
            .Include(i => i.Rates)
            .ToListAsync(cancellationToken);
        var owners = await facts.FindManyAsync(rows.Select(r => r.OwnerOrganizationId).Distinct().ToList(), cancellationToken);
        var regions = await reference.RegionNamesAsync(rows.Select(r => r.RegionCode).Distinct(), cancellationToken);
        var items = rows.Select(i => new InstrumentSummary(
            i.Id, i.Name, i.Model, i.Manufacturer, i.CategoryCode, i.OwnerOrganizationId,
            owners.GetValueOrDefault(i.OwnerOrganizationId)?.LegalName ?? "", i.RegionCode, regions.GetValueOrDefault(i.RegionCode) ?? "",
            i.OriginalValueFen, CatalogCodes.Code(i.Status), i.OpenForExternalUse, i.Rules.ApprovalRequired, i.Rules.ExternalBookingAllowed,
            i.Rates.Where(r => r.PriceGroup == PriceGroup.Enterprise).OrderBy(r => r.FromMinutes).Select(r => (long?)r.HourlyFen).FirstOrDefault())).ToList();
        return new CatalogPage(total, filter.Page, filter.PageSize, items);
    }

    public async Task<InstrumentResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var instrument = await db.Set<Instrument>().AsNoTracking().Include(i => i.Rates).FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException("The instrument");
        return await RespondAsync(instrument, cancellationToken);
    }

    // The owners that have instruments, for the catalog's owner filter.
    public async Task<IReadOnlyList<OwnerChoice>> OwnersAsync(CancellationToken cancellationToken)
    {
        var ids = await db.Set<Instrument>().AsNoTracking().Select(i => i.OwnerOrganizationId).Distinct().ToListAsync(cancellationToken);
        var owners = await facts.FindManyAsync(ids, cancellationToken);
        return owners.Values.Select(o => new OwnerChoice(o.Id, o.LegalName)).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<InstrumentResponse> RespondAsync(Instrument i, CancellationToken cancellationToken)
    {
        var owner = await facts.FindAsync(i.OwnerOrganizationId, cancellationToken);
        var regions = await reference.RegionNamesAsync([i.RegionCode], cancellationToken);
        var youOwnIt = actor.UserId is { } userId && (await facts.MembershipsOfAsync(userId, cancellationToken)).Any(m => m.Id == i.OwnerOrganizationId);
        var r = i.Rules;
        return new InstrumentResponse(
            i.Id, i.OwnerOrganizationId, owner?.LegalName ?? "", i.Name, i.Model, i.Manufacturer, i.CategoryCode, i.OriginalValueFen,
            i.OriginalValueFen >= CatalogCodes.HebeiPlatformThresholdFen, i.OriginalValueFen >= CatalogCodes.NationalNetworkThresholdFen,
            i.PurchaseDate, i.FundingSourceCode, i.RegionCode, regions.GetValueOrDefault(i.RegionCode) ?? "", i.Address, CatalogCodes.Code(i.Status),
            i.OpenForExternalUse, SplitTechnicians(i.Technicians), i.Specialised, i.RatedHoursPerYear, i.RequiredTraining, i.Description,
            new BookingRulesResponse(r.MinDurationMinutes, r.MaxDurationMinutes, r.MinNoticeMinutes, r.MaxAdvanceDays, r.BufferMinutes, r.CancellationWindowHours, r.CancellationFeeFen, r.ApprovalRequired, r.ExternalBookingAllowed),
            new FeeStandardResponse(
                CatalogCodes.Code(i.FeeMode), i.DepreciationYears, i.ConsumablesPerHourFen,
                FeeCalculator.SuggestedHourlyFen(i.OriginalValueFen, i.DepreciationYears, i.RatedHoursPerYear, i.ConsumablesPerHourFen),
                i.Rates.OrderBy(x => x.PriceGroup).ThenBy(x => x.FromMinutes).Select(x => new FeeRateResponse(CatalogCodes.Code(x.PriceGroup), x.FromMinutes, x.HourlyFen)).ToList()),
            youOwnIt);
    }

    public static IReadOnlyList<string> SplitTechnicians(string technicians) =>
        technicians.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal static class BrowseCatalogEndpoints
{
    public static RouteGroupBuilder MapBrowseCatalog(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Ok<CatalogPage>> (string? q, string? region, string? category, string? valueBand, Guid? owner, bool? open, int? page, int? pageSize, BrowseCatalogHandler catalog, CancellationToken ct) =>
                TypedResults.Ok(await catalog.ListAsync(new CatalogFilter(q, region, category, valueBand, owner, open, page ?? 1, pageSize ?? 20), ct)))
            .AllowAnonymous()
            .WithName("ListInstruments")
            .WithSummary("The public instrument catalog with ids: filters region (a code or jjj), category, valueBand, owner, open (for external use) and q (words in name, model or maker).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:guid}", async Task<Ok<InstrumentResponse>> (Guid id, BrowseCatalogHandler catalog, CancellationToken ct) => TypedResults.Ok(await catalog.GetAsync(id, ct)))
            .AllowAnonymous()
            .WithName("GetInstrument")
            .WithSummary("One instrument with its booking rules, fee standard and suggested hourly fee.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
