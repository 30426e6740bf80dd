using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Listings.ManageListing;

// AskingPriceFen null means negotiable. TransferModes: assignment, licence, equity, joint-development (or 转让, 许可,
// 作价入股, 合作开发).
internal sealed record AchievementRequest(
    string? Title,
    string? Abstract,
    IReadOnlyList<string>? Keywords,
    string? TechnologyFieldCode,
    string? IndustryCode,
    int? Trl,
    string? LinkedIp,
    IReadOnlyList<string>? TransferModes,
    long? AskingPriceFen);

internal sealed record AchievementResponse(
    Guid Id,
    string Status,
    Guid OrganizationId,
    string OrganizationName,
    string Title,
    string Abstract,
    IReadOnlyList<string> Keywords,
    string TechnologyFieldCode,
    string? IndustryCode,
    int Trl,
    string? LinkedIp,
    IReadOnlyList<string> TransferModes,
    long? AskingPriceFen,
    string? AskingPriceDisplay,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt,
    string? StatusReason) : IListingResponse;

// Technology achievements (科技成果) offered for transfer by any verified organization, by hand or by bulk import
// (which validates each row with the same rules and field names).
internal sealed class AchievementKind : ListingKindDefinition<TechnologyAchievement, AchievementRequest, AchievementResponse>
{
    // The transfer modes' API names, for forms that offer them as choices.
    public static IReadOnlyList<string> TransferModeNames { get; } = ListingNames.TransferModeNames.Select(t => t.Name).ToList();

    public override ListingKind Kind => ListingKind.Achievement;

    public override string Name => "achievement";

    public override string Plural => "achievements";

    public override ListingApiText ApiText { get; } = new(
        "Creates a draft technology achievement for the acting organization (verified).",
        "One achievement: published ones for everyone, others for the owner's members and reviewing admins.",
        "Published achievements filtered by technology field, industry and owner region prefix; with owner= your organization, every status.",
        "The same list as CSV (UTF-8 with BOM, at most 10,000 rows); audited.");

    public override string RouteName => "Achievement";

    public override string WhoMayPost => "Only verified organizations post technology achievements.";

    public override bool MayPost(OrganizationFacts organization) => organization.IsVerified;

    public override TechnologyAchievement New(OrganizationFacts owner, DateTimeOffset now) => new()
    {
        OrganizationId = owner.Id,
        OwnerRegionCode = owner.RegionCode,
        Title = "",
        Abstract = "",
        TechnologyFieldCode = "",
        CreatedAt = now,
        UpdatedAt = now,
    };

    public override Task<Validation> ValidateAsync(AchievementRequest request, TechnologyAchievement target, ListingEditContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Validate(request, context.Reference));

    public static Validation Validate(AchievementRequest request, IReferenceData reference)
    {
        var validation = new Validation()
            .Required("title", request.Title).MaxLength("title", request.Title, 200)
            .Required("abstract", request.Abstract).MaxLength("abstract", request.Abstract, 8000)
            .Required("technologyFieldCode", request.TechnologyFieldCode)
            .MaxLength("linkedIp", request.LinkedIp, 1000);
        if (request.TechnologyFieldCode is not null && !reference.TechnologyFieldExists(request.TechnologyFieldCode))
        {
            validation.Add("technologyFieldCode", "unknown", "Not one of the 11 technology fields.");
        }

        if (!string.IsNullOrEmpty(request.IndustryCode) && !reference.IndustryDivisionExists(request.IndustryCode))
        {
            validation.Add("industryCode", "unknown", "Not a GB/T 4754 division.");
        }

        if (request.Trl is not (>= 1 and <= 9))
        {
            validation.Add("trl", "range", "The technology readiness level is 1 to 9.");
        }

        var keywords = Keywords(request.Keywords);
        if (keywords.Count > 20 || string.Join(';', keywords).Length > 1000)
        {
            validation.Add("keywords", "maxCount", "At most 20 keywords (1,000 characters).");
        }

        var parsed = ListingNames.ParseTransferModes(request.TransferModes);
        if (parsed is null)
        {
            validation.Add("transferModes", "unknown", "Transfer modes are assignment, licence, equity, joint-development (转让, 许可, 作价入股, 合作开发).");
        }
        else if (parsed == Data.TransferModes.None)
        {
            validation.Add("transferModes", "required", "Name at least one transfer mode.");
        }

        if (request.AskingPriceFen is < 0 || request.AskingPriceFen > BudgetRange.Cap.Fen)
        {
            validation.Add("askingPriceFen", "range", "The asking price is 0 to 1,000,000,000 yuan in fen; leave it empty for negotiable.");
        }

        return validation;
    }

    public override void Apply(TechnologyAchievement target, AchievementRequest request, ListingEditContext context) => Apply(target, request);

    public static void Apply(TechnologyAchievement target, AchievementRequest request)
    {
        target.Title = request.Title!.Trim();
        target.Abstract = request.Abstract!.Trim();
        target.Keywords = string.Join(';', Keywords(request.Keywords));
        target.TechnologyFieldCode = request.TechnologyFieldCode!;
        target.IndustryCode = string.IsNullOrEmpty(request.IndustryCode) ? null : request.IndustryCode;
        target.Trl = request.Trl!.Value;
        target.LinkedIp = string.IsNullOrWhiteSpace(request.LinkedIp) ? null : request.LinkedIp.Trim();
        target.TransferModes = ListingNames.ParseTransferModes(request.TransferModes)!.Value;
        target.AskingPriceFen = request.AskingPriceFen;
    }

    public override AchievementResponse ToResponse(TechnologyAchievement listing, OrganizationFacts? owner, ListingView view) => new(
        listing.Id,
        ListingNames.Of(listing.Status),
        listing.OrganizationId,
        owner?.LegalName ?? "",
        listing.Title,
        listing.Abstract,
        listing.Keywords.Split(';', StringSplitOptions.RemoveEmptyEntries),
        listing.TechnologyFieldCode,
        listing.IndustryCode,
        listing.Trl,
        listing.LinkedIp,
        ListingNames.Of(listing.TransferModes),
        listing.AskingPriceFen,
        listing.AskingPriceFen is { } p ? new Money(p).ToDisplay() : null,
        listing.CreatedAt,
        listing.PublishedAt,
        listing.ExpiresAt,
        listing.StatusReason);

    public override Task<IQueryable<TechnologyAchievement>> FilterAsync(IQueryable<TechnologyAchievement> query, ListingFilter filter, ListingViewer viewer, bool member, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(filter.Field))
        {
            query = query.Where(a => a.TechnologyFieldCode == filter.Field);
        }

        if (!string.IsNullOrEmpty(filter.Industry))
        {
            query = query.Where(a => a.IndustryCode == filter.Industry);
        }

        return Task.FromResult(ListingQuery.InOwnerRegion(query, filter.Region));
    }

    public override ListingSummary Summarize(TechnologyAchievement listing, AchievementResponse a) =>
        new(Name, a.Id, a.Title, a.OrganizationName, a.TechnologyFieldCode, null, listing.OwnerRegionCode, a.AskingPriceDisplay, a.Status);

    public override string[] CsvHeader =>
        ["id", "status", "organization", "title", "keywords", "technologyField", "industry", "trl", "linkedIp", "transferModes", "askingPriceYuan", "publishedAt", "expiresAt"];

    public override string?[] CsvFields(AchievementResponse a) =>
        [a.Id.ToString(), a.Status, a.OrganizationName, a.Title, string.Join(';', a.Keywords), a.TechnologyFieldCode, a.IndustryCode, a.Trl.ToString(CultureInfo.InvariantCulture),
            a.LinkedIp, string.Join(';', a.TransferModes), a.AskingPriceFen is { } p ? new Money(p).ToYuanString() : "negotiable", a.PublishedAt?.ToString("O"), a.ExpiresAt?.ToString("O")];

    private static List<string> Keywords(IReadOnlyList<string>? keywords) =>
        (keywords ?? []).SelectMany(k => k.Split([';', '；', '_'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
}
