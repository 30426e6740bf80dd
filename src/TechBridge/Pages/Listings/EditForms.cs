using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Platform.Forms;

namespace TechBridge.Pages.Listings;

// The forms' fields carry the names the browser posts; the errors come back under the API's field names.
internal sealed class OfferingForm : IListingForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? SectorCode { get; set; }

    public string? IndustryCode { get; set; }

    public Guid? BranchId { get; set; }

    // One service item per line.
    public string? ServiceItems { get; set; }

    public string? PriceModel { get; set; } = "negotiable";

    public string? PriceYuan { get; set; }

    // The region picker's choices (region codes).
    public List<string> RegionsServed { get; set; } = [];

    public int? LeadTimeDays { get; set; }

    public bool AcceptsInnovationVouchers { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string Fields => "_OfferingFields";

    public string NewHeading => "Post a service offering";

    public string EditHeading => "Edit service offering";

    public async Task LoadAsync(ManageListingHandler handler, Guid id, CancellationToken cancellationToken)
    {
        var o = await handler.GetOwnedAsync(ListingKinds.Offering, id, cancellationToken);
        (Title, Description, SectorCode, IndustryCode, BranchId) = (o.Title, o.Description, o.SectorCode, o.IndustryCode, o.BranchId);
        (ServiceItems, PriceModel, PriceYuan, RegionsServed) = (string.Join('\n', o.ServiceItems), o.PriceModel, ListingForms.Yuan(o.PriceFen), [.. o.RegionsServed]);
        (LeadTimeDays, AcceptsInnovationVouchers, ContactName, ContactPhone) = (o.LeadTimeDays, o.AcceptsInnovationVouchers, o.ContactName, o.ContactPhone);
    }

    public async Task<Guid> SaveAsync(ManageListingHandler handler, Guid? id, bool submit, CancellationToken cancellationToken)
    {
        var amounts = new TypedAmounts();
        var request = new OfferingRequest(Title, Description, SectorCode, IndustryCode, BranchId,
            (ServiceItems ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            PriceModel, amounts.Fen("priceFen", PriceYuan),
            RegionsServed.Where(r => !string.IsNullOrWhiteSpace(r)).ToList(),
            LeadTimeDays, AcceptsInnovationVouchers, ContactName, ContactPhone);
        amounts.ThrowIfInvalid();
        return (await handler.SaveAsync(ListingKinds.Offering, id, request, submit, cancellationToken)).Id;
    }
}

internal sealed class DemandForm : IListingForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? TechnologyFieldCode { get; set; }

    public string? SectorCode { get; set; }

    public string? IndustryCode { get; set; }

    public string? BudgetMinYuan { get; set; }

    public string? BudgetMaxYuan { get; set; }

    public DateOnly? Deadline { get; set; }

    public string? RegionCode { get; set; }

    public bool Anonymous { get; set; }

    public bool IsOpenCall { get; set; }

    public string Fields => "_DemandFields";

    public string NewHeading => "Post a technology demand";

    public string EditHeading => "Edit technology demand";

    public string? DeadlineValue => Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A new demand is placed in the organization's own county unless the owner names another.
    public void Start(OrganizationFacts organization) => RegionCode = organization.RegionCode;

    public async Task LoadAsync(ManageListingHandler handler, Guid id, CancellationToken cancellationToken)
    {
        var d = await handler.GetOwnedAsync(ListingKinds.Demand, id, cancellationToken);
        (Title, Description, TechnologyFieldCode, SectorCode, IndustryCode) = (d.Title, d.Description, d.TechnologyFieldCode, d.SectorCode, d.IndustryCode);
        (BudgetMinYuan, BudgetMaxYuan, Deadline, RegionCode) = (ListingForms.Yuan(d.BudgetMinFen), ListingForms.Yuan(d.BudgetMaxFen), d.Deadline, d.RegionCode);
        (Anonymous, IsOpenCall) = (d.Visibility == "anonymous", d.IsOpenCall);
    }

    public async Task<Guid> SaveAsync(ManageListingHandler handler, Guid? id, bool submit, CancellationToken cancellationToken)
    {
        var amounts = new TypedAmounts();
        var request = new DemandRequest(Title, Description, TechnologyFieldCode, SectorCode, IndustryCode,
            amounts.Fen("budgetMinFen", BudgetMinYuan), amounts.Fen("budgetMaxFen", BudgetMaxYuan), Deadline, RegionCode,
            Anonymous ? "anonymous" : "public", IsOpenCall);
        amounts.ThrowIfInvalid();
        return (await handler.SaveAsync(ListingKinds.Demand, id, request, submit, cancellationToken)).Id;
    }
}

internal sealed class AchievementForm : IListingForm
{
    private static readonly char[] KeywordSeparators = [';', '；', ','];

    public string? Title { get; set; }

    public string? Abstract { get; set; }

    // Separated by semicolons.
    public string? Keywords { get; set; }

    public string? TechnologyFieldCode { get; set; }

    public string? IndustryCode { get; set; }

    public int? Trl { get; set; }

    public string? LinkedIp { get; set; }

    public List<string> TransferModes { get; set; } = [];

    public string? AskingPriceYuan { get; set; }

    public string Fields => "_AchievementFields";

    public string NewHeading => "Post a technology achievement";

    public string EditHeading => "Edit technology achievement";

    public static IReadOnlyList<string> TransferModeNames => AchievementKind.TransferModeNames;

    public async Task LoadAsync(ManageListingHandler handler, Guid id, CancellationToken cancellationToken)
    {
        var a = await handler.GetOwnedAsync(ListingKinds.Achievement, id, cancellationToken);
        (Title, Abstract, Keywords, TechnologyFieldCode, IndustryCode) = (a.Title, a.Abstract, string.Join(';', a.Keywords), a.TechnologyFieldCode, a.IndustryCode);
        (Trl, LinkedIp, TransferModes, AskingPriceYuan) = (a.Trl, a.LinkedIp, [.. a.TransferModes], ListingForms.Yuan(a.AskingPriceFen));
    }

    public async Task<Guid> SaveAsync(ManageListingHandler handler, Guid? id, bool submit, CancellationToken cancellationToken)
    {
        var amounts = new TypedAmounts();
        var request = new AchievementRequest(Title, Abstract,
            (Keywords ?? "").Split(KeywordSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            TechnologyFieldCode, IndustryCode, Trl, LinkedIp, TransferModes, amounts.Fen("askingPriceFen", AskingPriceYuan));
        amounts.ThrowIfInvalid();
        return (await handler.SaveAsync(ListingKinds.Achievement, id, request, submit, cancellationToken)).Id;
    }
}
