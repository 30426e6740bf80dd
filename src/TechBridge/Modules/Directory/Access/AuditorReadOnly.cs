using System.Security.Claims;

namespace TechBridge.Modules.Directory.Access;

// Separation of duties: the auditor reads everything and changes nothing. Every API call other than a read by a
// user whose only platform role is Auditor is refused with 403 before any endpoint runs, so a new endpoint cannot
// forget the rule.
internal sealed class AuditorReadOnly(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
            || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || !IsOnlyAuditor(context.User))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Results.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Not allowed",
            detail: "The auditor reads and changes nothing.",
            extensions: new Dictionary<string, object?> { ["code"] = "auditor_read_only" }).ExecuteAsync(context);
    }

    public static bool IsOnlyAuditor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && user.IsInRole(Roles.Auditor)
        && !Roles.All.Any(r => r != Roles.Auditor && user.IsInRole(r));
}
