using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Access;

// The one place that decides which organization a request acts for, before any endpoint or page model runs:
//   1. the X-Organization header (API); naming an organization the user does not belong to is refused with 403;
//   2. else the switcher's cookie (UI); a stale cookie (membership ended) is forgotten rather than refused;
//   3. else, for a page, the user's first membership (by legal name), so that a user with one organization never
//      has to choose. API calls get no such default: an endpoint that needs an organization asks for X-Organization.
// Page models read ActorContext.OrganizationId (or IAccess.ActingOrganizationId) and never set it.
internal sealed class ActingOrganization(RequestDelegate next)
{
    public const string Header = "X-Organization";
    public const string Cookie = "tb-org";

    public async Task InvokeAsync(HttpContext context, ActorContext actor, PlatformDbContext db)
    {
        // ActorMiddleware has already named the user; this adds the organization.
        if (actor.UserId is not { } userId)
        {
            await next(context);
            return;
        }

        var fromHeader = context.Request.Headers[Header].ToString();
        var requested = fromHeader.Length > 0 ? fromHeader : context.Request.Cookies[Cookie];
        if (!string.IsNullOrEmpty(requested))
        {
            if (Guid.TryParse(requested, out var organizationId)
                && await db.Set<Membership>().AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId, context.RequestAborted))
            {
                actor.OrganizationId = organizationId;
            }
            else if (fromHeader.Length > 0)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Not allowed",
                    detail: "You are not a member of the organization named in X-Organization.").ExecuteAsync(context);
                return;
            }
            else
            {
                context.Response.Cookies.Delete(Cookie);
            }
        }

        if (actor.OrganizationId is null && !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            actor.OrganizationId = await FirstMembershipAsync(db, userId, context.RequestAborted);
        }

        await next(context);
    }

    // Ordered in memory: the databases sort Chinese names differently, and "first" must be the same everywhere.
    private static async Task<Guid?> FirstMembershipAsync(PlatformDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var organizations = await db.Set<Membership>().Where(m => m.UserId == userId)
            .Join(db.Set<Organization>(), m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.LegalName })
            .ToListAsync(cancellationToken);
        return organizations.OrderBy(o => o.LegalName, StringComparer.Ordinal).Select(o => (Guid?)o.Id).FirstOrDefault();
    }
}
