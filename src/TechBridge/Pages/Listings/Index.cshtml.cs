using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Modules.Listings.ManageAchievements;
using TechBridge.Modules.Listings.ManageDemands;
using TechBridge.Platform.Persistence;

namespace TechBridge.Pages.Listings;

internal sealed record ListingRow(string Kind, Guid Id, string Title, string? Organization, string? Field, string? Sector, string Region, string? Price, string Status);

// /Listings: published offerings, demands and achievements, one kind at a time, filtered and paged.
internal sealed class IndexModel(PlatformDbContext db, ListingViewer viewer, IOrganizationFacts facts, IReferenceData reference) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string Kind { get; set; } = "demand";

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReferenceData Reference => reference;

    public int Total { get; private set; }

    public IReadOnlyList<ListingRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public Shared.RegionSelect RegionFilter { get; private set; } = new([], null, null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        Region = string.IsNullOrWhiteSpace(Region) ? null : Region.Trim();
        var filter = new ListingFilter(reference.SectorExists(Sector) ? Sector : null, reference.TechnologyFieldExists(Field) ? Field : null, null,
            Region, null, null, PageNumber, PageSize);
        switch (ListingNames.ParseKind(Kind) ?? ListingKind.Demand)
        {
            case ListingKind.Offering:
                Kind = "offering";
                var offerings = (await ListingQuery.ApplyAsync(db.Set<ServiceOffering>().AsNoTracking(), filter, viewer, cancellationToken)).Query;
                if (filter.Sector is { } sector)
                {
                    offerings = offerings.Where(o => o.SectorCode == sector);
                }

                offerings = ListingQuery.InOwnerRegion(offerings, filter.Region);
                var (offeringTotal, offeringItems) = await ListingQuery.PageAsync(offerings, PageNumber, PageSize, cancellationToken);
                var owners = await facts.FindManyAsync(offeringItems.Select(o => o.OrganizationId).ToList(), cancellationToken);
                Total = offeringTotal;
                Rows = offeringItems.Select(o => new ListingRow("offering", o.Id, o.Title, owners.GetValueOrDefault(o.OrganizationId)?.LegalName, null, o.SectorCode, o.OwnerRegionCode,
                    Modules.Listings.ManageOfferings.ManageOfferingsEndpoints.PriceDisplay(o), ListingNames.Of(o.Status))).ToList();
                break;
            case ListingKind.Achievement:
                Kind = "achievement";
                var achievements = await ManageAchievementsEndpoints.QueryAsync(filter, viewer, db, cancellationToken);
                var (achievementTotal, achievementItems) = await ListingQuery.PageAsync(achievements, PageNumber, PageSize, cancellationToken);
                var holders = await facts.FindManyAsync(achievementItems.Select(o => o.OrganizationId).ToList(), cancellationToken);
                Total = achievementTotal;
                Rows = achievementItems.Select(a => new ListingRow("achievement", a.Id, a.Title, holders.GetValueOrDefault(a.OrganizationId)?.LegalName, a.TechnologyFieldCode, null, a.OwnerRegionCode,
                    a.AskingPriceFen is { } p ? new Platform.Values.Money(p).ToDisplay() : null, ListingNames.Of(a.Status))).ToList();
                break;
            default:
                Kind = "demand";
                var demands = await ManageDemandsEndpoints.QueryAsync(filter, viewer, db, cancellationToken);
                var (demandTotal, demandItems) = await ListingQuery.PageAsync(demands, PageNumber, PageSize, cancellationToken);
                Total = demandTotal;
                Rows = (await ManageDemandsEndpoints.ToResponsesAsync(demandItems, viewer, facts, cancellationToken))
                    .Select(d => new ListingRow("demand", d.Id, d.Title, d.OrganizationName, d.TechnologyFieldCode, d.SectorCode, d.RegionCode, d.BudgetDisplay, d.Status)).ToList();
                break;
        }

        RegionNames = await reference.RegionNamesAsync(Rows.Select(r => r.Region).Append(Region ?? ""), cancellationToken);
        RegionFilter = new Shared.RegionSelect(await reference.RegionChoicesAsync(cancellationToken), Region, Region is null ? null : RegionNames.GetValueOrDefault(Region));
    }
}
