using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.ListMyOrganizations;

internal sealed record MyOrganization(Guid Id, string LegalName, string Kind, string Role, string Verification, string RegionCode);

// GET /api/v1/me/organizations: what the switcher offers and what X-Organization may name.
internal static class ListMyOrganizationsEndpoint
{
    public static RouteGroupBuilder MapListMyOrganizations(this RouteGroupBuilder me)
    {
        me.MapGet("/organizations", async Task<Ok<List<MyOrganization>>> (ListMyOrganizationsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.MineAsync(ct)))
            .WithName("ListMyOrganizations")
            .WithSummary("The organizations the caller belongs to, with the caller's role.");
        return me;
    }
}

// The caller's organizations with their role, by legal name (the order ActingOrganization's "first" follows).
internal sealed class ListMyOrganizationsHandler(PlatformDbContext db, IAccess access)
{
    public async Task<List<MyOrganization>> MineAsync(CancellationToken ct)
    {
        var userId = access.UserId;
        var rows = await db.Set<Membership>().Where(m => m.UserId == userId)
            .Join(db.Set<Organization>(), m => m.OrganizationId, o => o.Id, (m, o) => new { m.Role, o.Id, o.LegalName, o.Kind, o.Verification, o.RegionCode })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.LegalName, StringComparer.Ordinal)
            .Select(r => new MyOrganization(r.Id, r.LegalName, r.Kind.ToString(), r.Role.ToString(), r.Verification.ToString(), r.RegionCode)).ToList();
    }
}
