using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.GetOrganization;

internal sealed record BranchView(Guid Id, string Name, string RegionCode, string? Address);

internal sealed record OrganizationView(
    Guid Id, string Kind, string LegalName, string? CreditCode, string? Country, string? ForeignRegistrationNumber,
    DateOnly? EstablishedOn, string? LegalRepresentative, string? ActualController, string RegionCode, string? Address,
    string? IndustryCode, IReadOnlyList<string> Sectors, string? ContactName, string? ContactPhone, string? ContactEmail,
    string? EvidenceSha256, string Verification, string? VerificationReason, IReadOnlyList<BranchView> Branches);

// GET /api/v1/organizations/{id}: members and the admins who verify its region see everything; a verified
// organization is otherwise visible through the public directory, not here.
internal static class GetOrganizationEndpoint
{
    public static RouteGroupBuilder MapGetOrganization(this RouteGroupBuilder organizations)
    {
        organizations.MapGet("/{id:guid}", async Task<Ok<OrganizationView>> (Guid id, GetOrganizationHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(id, ct)))
            .WithName("GetOrganization")
            .WithSummary("An organization's registration details, for its members and the admins of its jurisdiction.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return organizations;
    }

    internal static OrganizationView ToView(Organization o) => new(
        o.Id, o.Kind.ToString(), o.LegalName, o.CreditCode, o.Country, o.ForeignRegistrationNumber, o.EstablishedOn,
        o.LegalRepresentative, o.ActualController, o.RegionCode, o.Address, o.IndustryCode,
        o.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal).ToList(), o.ContactName, o.ContactPhone, o.ContactEmail,
        o.EvidenceSha256, o.Verification.ToString(), o.VerificationReason,
        o.Branches.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => new BranchView(b.Id, b.Name, b.RegionCode, b.Address)).ToList());
}

internal sealed record CallerMembership(bool IsMember, bool IsOwner);

// One organization's registration for its members and the admins of its jurisdiction (404 for anyone else).
internal sealed class GetOrganizationHandler(PlatformDbContext db, IAccess access)
{
    public async Task<OrganizationView> GetAsync(Guid id, CancellationToken cancellationToken) =>
        GetOrganizationEndpoint.ToView(await LoadVisibleAsync(id, cancellationToken));

    // Whether the caller belongs to the organization, and as its owner: what the organization page offers.
    public async Task<CallerMembership> CallerMembershipAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var role = await db.Set<Membership>().Where(m => m.OrganizationId == id && m.UserId == userId).Select(m => (MembershipRole?)m.Role).FirstOrDefaultAsync(cancellationToken);
        return new CallerMembership(role is not null, role == MembershipRole.Owner);
    }

    private async Task<Organization> LoadVisibleAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var organization = await db.Set<Organization>().Include(o => o.Sectors).Include(o => o.Branches)
            .AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException("The organization");
        var member = await db.Set<Membership>().AnyAsync(m => m.OrganizationId == id && m.UserId == userId, cancellationToken);
        if (!member && !await access.HasPermissionAsync(DirectoryPermissions.VerifyOrganizations, organization.RegionCode, cancellationToken))
        {
            throw new NotFoundException("The organization");
        }

        return organization;
    }
}
