using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ListListings;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Files;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Listings.ManageAchievements;

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
    string? StatusReason);

// /api/v1/achievements: technology achievements (科技成果) offered for transfer by any verified organization.
internal static class ManageAchievementsEndpoints
{
    public static RouteGroupBuilder MapManageAchievements(this RouteGroupBuilder group)
    {
        group.MapPost("/", CreateAsync)
            .WithName("CreateAchievement")
            .WithSummary("Creates a draft technology achievement for the acting organization (verified).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateAchievement")
            .WithSummary("Edits a draft or rejected achievement (members of the owning organization acting for it).")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetAchievement")
            .WithSummary("One achievement: published ones for everyone, others for the owner's members and reviewing admins.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync)
            .WithName("ListAchievements")
            .WithSummary("Published achievements filtered by technology field, industry and owner region prefix; with owner= your organization, every status.")
            .AllowAnonymous()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/export.csv", ExportAsync)
            .WithName("ExportAchievements")
            .WithSummary("The same list as CSV (UTF-8 with BOM, at most 10,000 rows); audited.")
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    internal static async Task<Created<AchievementResponse>> CreateAsync(AchievementRequest request, IAccess access, IOrganizationFacts facts, IReferenceData reference, ListingLifecycle lifecycle, CancellationToken cancellationToken)
    {
        _ = access.UserId;
        var organization = await RequirePosterAsync(access.ActingOrganizationId, facts, cancellationToken);
        var achievement = New(organization, lifecycle.Now());
        Apply(achievement, Validate(request, reference, out var modes).ThrowIfInvalidAndReturn(), request, modes);
        lifecycle.Touch(achievement);
        lifecycle.Db.Add(achievement);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/achievements/{achievement.Id}", ToResponse(achievement, organization));
    }

    public static async Task<OrganizationFacts> RequirePosterAsync(Guid organizationId, IOrganizationFacts facts, CancellationToken cancellationToken)
    {
        var organization = await facts.FindAsync(organizationId, cancellationToken) ?? throw new NotFoundException("The organization");
        if (!organization.IsVerified)
        {
            throw new ForbiddenException("Only verified organizations post technology achievements.");
        }

        return organization;
    }

    public static TechnologyAchievement New(OrganizationFacts organization, DateTimeOffset now) => new()
    {
        OrganizationId = organization.Id,
        OwnerRegionCode = organization.RegionCode,
        Title = "",
        Abstract = "",
        TechnologyFieldCode = "",
        CreatedAt = now,
        UpdatedAt = now,
    };

    internal static async Task<Ok<AchievementResponse>> UpdateAsync(Guid id, AchievementRequest request, IOrganizationFacts facts, IReferenceData reference, ListingLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var achievement = await lifecycle.LoadOwnedAsync<TechnologyAchievement>(ListingKind.Achievement, id, cancellationToken);
        ListingLifecycle.RequireEditable(achievement);
        Apply(achievement, Validate(request, reference, out var modes).ThrowIfInvalidAndReturn(), request, modes);
        lifecycle.Touch(achievement);
        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(achievement, await facts.FindAsync(achievement.OrganizationId, cancellationToken)));
    }

    private static async Task<Ok<AchievementResponse>> GetAsync(Guid id, ListingViewer viewer, IOrganizationFacts facts, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var achievement = await db.Set<TechnologyAchievement>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (achievement is null || !await viewer.SeesAsync(achievement, cancellationToken))
        {
            throw new NotFoundException("The achievement");
        }

        return TypedResults.Ok(ToResponse(achievement, await facts.FindAsync(achievement.OrganizationId, cancellationToken)));
    }

    private static async Task<Ok<ListingPage<AchievementResponse>>> ListAsync([AsParameters] ListingFilter filter, ListingViewer viewer, IOrganizationFacts facts, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var (page, size) = ListingQuery.Paging(filter);
        var query = await QueryAsync(filter, viewer, db, cancellationToken);
        var (total, items) = await ListingQuery.PageAsync(query, page, size, cancellationToken);
        var organizations = await facts.FindManyAsync(items.Select(i => i.OrganizationId).ToList(), cancellationToken);
        return TypedResults.Ok(new ListingPage<AchievementResponse>(total, page, size, items.Select(i => ToResponse(i, organizations.GetValueOrDefault(i.OrganizationId))).ToList()));
    }

    private static async Task<FileContentHttpResult> ExportAsync([AsParameters] ListingFilter filter, ListingViewer viewer, IOrganizationFacts facts, PlatformDbContext db, AuditTrail trail, CancellationToken cancellationToken)
    {
        var query = await QueryAsync(filter, viewer, db, cancellationToken);
        var items = await query.OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.Id).Take(ListingQuery.MaxExportRows).ToListAsync(cancellationToken);
        var organizations = await facts.FindManyAsync(items.Select(i => i.OrganizationId).ToList(), cancellationToken);
        var csv = new StringBuilder(Csv.Line("id", "status", "organization", "title", "keywords", "technologyField", "industry", "trl", "linkedIp", "transferModes", "askingPriceYuan", "publishedAt", "expiresAt"));
        foreach (var a in items)
        {
            csv.Append(Csv.Line(a.Id.ToString(), ListingNames.Of(a.Status), organizations.GetValueOrDefault(a.OrganizationId)?.LegalName, a.Title, a.Keywords, a.TechnologyFieldCode,
                a.IndustryCode, a.Trl.ToString(CultureInfo.InvariantCulture), a.LinkedIp, string.Join(';', ListingNames.Of(a.TransferModes)),
                a.AskingPriceFen is { } p ? new Money(p).ToYuanString() : "negotiable", a.PublishedAt?.ToString("O"), a.ExpiresAt?.ToString("O")));
        }

        trail.Note(nameof(TechnologyAchievement), "export", $"exported {items.Count} achievements");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.File(ListingQuery.CsvBytes(csv.ToString()), "text/csv; charset=utf-8", "achievements.csv");
    }

    public static async Task<IQueryable<TechnologyAchievement>> QueryAsync(ListingFilter filter, ListingViewer viewer, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var (query, _) = await ListingQuery.ApplyAsync(db.Set<TechnologyAchievement>().AsNoTracking(), filter, viewer, cancellationToken);
        if (!string.IsNullOrEmpty(filter.Field))
        {
            query = query.Where(a => a.TechnologyFieldCode == filter.Field);
        }

        if (!string.IsNullOrEmpty(filter.Industry))
        {
            query = query.Where(a => a.IndustryCode == filter.Industry);
        }

        return ListingQuery.InOwnerRegion(query, filter.Region);
    }

    // Shared with the bulk import, which reports the same field names and rules per row.
    public static Validation Validate(AchievementRequest request, IReferenceData reference, out TransferModes modes)
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

        modes = parsed ?? Data.TransferModes.None;
        return validation;
    }

    public static void Apply(TechnologyAchievement achievement, Validation _, AchievementRequest request, TransferModes modes)
    {
        achievement.Title = request.Title!.Trim();
        achievement.Abstract = request.Abstract!.Trim();
        achievement.Keywords = string.Join(';', Keywords(request.Keywords));
        achievement.TechnologyFieldCode = request.TechnologyFieldCode!;
        achievement.IndustryCode = string.IsNullOrEmpty(request.IndustryCode) ? null : request.IndustryCode;
        achievement.Trl = request.Trl!.Value;
        achievement.LinkedIp = string.IsNullOrWhiteSpace(request.LinkedIp) ? null : request.LinkedIp.Trim();
        achievement.TransferModes = modes;
        achievement.AskingPriceFen = request.AskingPriceFen;
    }

    private static List<string> Keywords(IReadOnlyList<string>? keywords) =>
        (keywords ?? []).SelectMany(k => k.Split([';', '；', '_'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();

    public static AchievementResponse ToResponse(TechnologyAchievement a, OrganizationFacts? organization) => new(
        a.Id,
        ListingNames.Of(a.Status),
        a.OrganizationId,
        organization?.LegalName ?? "",
        a.Title,
        a.Abstract,
        a.Keywords.Split(';', StringSplitOptions.RemoveEmptyEntries),
        a.TechnologyFieldCode,
        a.IndustryCode,
        a.Trl,
        a.LinkedIp,
        ListingNames.Of(a.TransferModes),
        a.AskingPriceFen,
        a.AskingPriceFen is { } p ? new Money(p).ToDisplay() : null,
        a.CreatedAt,
        a.PublishedAt,
        a.ExpiresAt,
        a.StatusReason);
}

internal static class ValidationExtensions
{
    public static Validation ThrowIfInvalidAndReturn(this Validation validation)
    {
        validation.ThrowIfInvalid();
        return validation;
    }
}
