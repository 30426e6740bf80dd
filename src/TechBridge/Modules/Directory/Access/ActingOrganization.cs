using Microsoft.EntityFrameworkCore;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Persistence;
using TechBridge.Platform.Security;

namespace TechBridge.Modules.Directory.Access;

// Every request acts for at most one organization: the X-Organization header (API) or the switcher's cookie (UI).
// Choosing an organization the user does not belong to is refused with 403 before any handler runs.
internal sealed class ActingOrganization(RequestDelegate next)
{
    public const string Header = "X-Organization";
    public const string Cookie = "tb-org";

    public async Task InvokeAsync(HttpContext context, ActorContext actor, PlatformDbContext db)
    {
        // ActorMiddleware has already named the user; this adds the organization.
        var fromHeader = context.Request.Headers[Header].ToString();
        var requested = fromHeader.Length > 0 ? fromHeader : context.Request.Cookies[Cookie];
        if (string.IsNullOrEmpty(requested) || actor.UserId is not { } userId)
        {
            await next(context);
            return;
        }

        if (!Guid.TryParse(requested, out var organizationId)
            || !await db.Set<Membership>().AnyAsync(m => m.UserId == userId && m.OrganizationId == organizationId, context.RequestAborted))
        {
            if (fromHeader.Length == 0)
            {
                // A stale switcher cookie (membership ended): forget it rather than lock the user out of every page.
                context.Response.Cookies.Delete(Cookie);
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed",
                detail: "You are not a member of the organization named in X-Organization.").ExecuteAsync(context);
            return;
        }

        actor.OrganizationId = organizationId;
        await next(context);
    }
}
