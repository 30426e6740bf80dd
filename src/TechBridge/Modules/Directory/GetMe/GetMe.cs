using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.GetMe;

internal sealed record MyOrganization(Guid Id, string LegalName, string Role);

internal sealed record MeResponse(Guid Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<MyOrganization> Organizations);

// GET /api/v1/me: who the caller is, with roles and the organizations it may act for (for X-Organization).
internal static class GetMeEndpoint
{
    public static RouteGroupBuilder MapGetMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", HandleAsync)
            .WithName("GetMe")
            .WithSummary("The signed-in user: name, roles and the organizations it is a member of.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return api;
    }

    private static async Task<Ok<MeResponse>> HandleAsync(GetMeHandler handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await handler.GetAsync(cancellationToken));
}

internal sealed class GetMeHandler(IAccess access, PlatformDbContext db)
{
    public async Task<MeResponse> GetAsync(CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new UnauthorizedException();
        var roles = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .OrderBy(n => n)
            .ToListAsync(cancellationToken);
        var organizations = await db.Set<Membership>().Where(m => m.UserId == userId)
            .Join(db.Set<Organization>(), m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.LegalName, m.Role })
            .ToListAsync(cancellationToken);
        return new MeResponse(
            user.Id,
            user.UserName ?? "",
            user.DisplayName,
            roles,
            organizations.OrderBy(o => o.LegalName, StringComparer.Ordinal).Select(o => new MyOrganization(o.Id, o.LegalName, o.Role.ToString())).ToList());
    }
}
