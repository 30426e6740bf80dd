using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed partial class OnboardingHandler
{
    public async Task<ApplicationView> GetAsync(Guid id, CancellationToken ct)
    {
        var application = await db.Set<InstitutionApplication>().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The application");
        var userId = access.UserId;
        var member = await db.Set<Membership>().AnyAsync(m => m.OrganizationId == application.OrganizationId && m.UserId == userId, ct);
        if (!member && !await access.HasPermissionAsync(DirectoryPermissions.ReviewInstitutions, application.RegionCode, ct))
        {
            throw new NotFoundException("The application");
        }

        return await ViewAsync(id, ct);
    }

    public async Task<List<ApplicationView>> QueueAsync(string? state, string? region, string? sector, CancellationToken ct)
    {
        var jurisdictions = await access.JurisdictionsWithAsync(DirectoryPermissions.ReviewInstitutions, ct);
        if (jurisdictions.Count == 0)
        {
            throw new ForbiddenException("Reviewing institutions needs an admin grant.");
        }

        var query = db.Set<InstitutionApplication>().AsQueryable();
        if (!string.IsNullOrEmpty(state))
        {
            query = Enum.TryParse<InstitutionState>(state, ignoreCase: true, out var s) && !int.TryParse(state, out _)
                ? query.Where(a => a.State == s)
                : throw InvalidRequestException.For("state", "oneOf", $"state must be one of {string.Join(", ", Enum.GetNames<InstitutionState>())}.");
        }
        else
        {
            query = query.Where(a => a.State == InstitutionState.Submitted || a.State == InstitutionState.UnderReview || a.State == InstitutionState.PublicNotice);
        }

        query = query.InRegion(RegionFilter.Parse(region), a => a.RegionCode);

        if (!string.IsNullOrEmpty(sector))
        {
            query = query.Where(a => db.Set<OrganizationSector>().Any(s => s.OrganizationId == a.OrganizationId && s.SectorCode == sector));
        }

        var ids = await query.Select(a => new { a.Id, a.RegionCode, a.SubmittedAt }).ToListAsync(ct);
        var views = new List<ApplicationView>();
        foreach (var row in ids.Where(r => jurisdictions.Any(j => Jurisdictions.Covers(j, r.RegionCode))).OrderBy(r => r.SubmittedAt).Take(500))
        {
            views.Add(await ViewAsync(row.Id, ct));
        }

        return views;
    }
}

internal static partial class OnboardingEndpoints
{
    private static void MapQueue(RouteGroupBuilder onboarding)
    {
        onboarding.MapGet("/applications/{id:guid}", async Task<Ok<ApplicationView>> (Guid id, OnboardingHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .WithName("GetInstitutionApplication").WithSummary("An admission application (its members and reviewers).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        onboarding.MapGet("/queue", async Task<Ok<List<ApplicationView>>> (string? state, string? region, string? sector, OnboardingHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.QueueAsync(state, region, sector, ct)))
            .WithName("GetOnboardingQueue").WithSummary("Applications in the caller's jurisdictions; filters state, region (code prefix, region group or 京津冀), sector.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
