using System.Security.Claims;

namespace TechBridge.Platform.Security;

// Separation of duties: the auditor reads everything and changes nothing. Every request other than a read (GET,
// HEAD, OPTIONS) by a user whose only platform role is Auditor is refused with 403 before any endpoint or page handler
// runs — API and pages alike — so a new endpoint, page or module cannot forget the rule. The only writes let through
// are those marked [OwnSessionOnly]: they change the caller's own session or credentials (sign out, language, own
// password and authenticator), never platform data.
internal sealed class AuditorReadOnly(RequestDelegate next)
{
    public const string Code = "auditor_read_only";

    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (IsRead(method) || !IsOnlyAuditor(context.User)
            || context.GetEndpoint()?.Metadata.GetMetadata<OwnSessionOnlyAttribute>() is not null)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            // Pages: the status code pages show the "not allowed" error page in the layout.
            return Task.CompletedTask;
        }

        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed",
            detail: "The auditor reads and changes nothing.",
            extensions: new Dictionary<string, object?> { ["code"] = Code }).ExecuteAsync(context);
    }

    public static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    public static bool IsOnlyAuditor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.IsInRole(Roles.Auditor)
        && !Roles.All.Any(r => r != Roles.Auditor && user.IsInRole(r));
}

// On a page model or endpoint whose writes touch only the caller's own session or credentials, so the auditor (who
// changes nothing on the platform) may still sign out, switch language and keep its own password and authenticator.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class OwnSessionOnlyAttribute : Attribute;
