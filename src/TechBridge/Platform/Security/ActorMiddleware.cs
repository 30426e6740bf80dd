using System.Security.Claims;

namespace TechBridge.Platform.Security;

// Fills the scoped ActorContext from the request, so that the audit interceptor can name who did what from where
// without every handler passing it along. Runs after authentication and routing (the endpoint is known).
// The acting organization (X-Organization) is resolved by the accounts module, not here.
internal sealed class ActorMiddleware(RequestDelegate next)
{
    // AuditRecord.Action holds at most 100 characters.
    private const int MaxAction = 100;

    public Task InvokeAsync(HttpContext context, ActorContext actor)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            {
                actor.UserId = userId;
            }

            actor.UserName = user.FindFirstValue(ClaimTypes.Name);
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is not null)
        {
            actor.ClientAddress = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        }

        var action = ActionOf(context);
        actor.Action = action.Length > MaxAction ? action[..MaxAction] : action;
        return next(context);
    }

    // The endpoint name is the OpenAPI operationId, the same word the API documentation shows. Razor Pages have no
    // endpoint name, so they are named "page:/Path:Handler" (Handler is the named handler, else the HTTP method).
    internal static string ActionOf(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var name = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (!string.IsNullOrEmpty(name))
        {
            return name;
        }

        if (context.GetRouteValue("page") is string page)
        {
            var handler = context.GetRouteValue("handler") as string;
            if (string.IsNullOrEmpty(handler))
            {
                handler = context.Request.Query["handler"].FirstOrDefault();
            }

            if (string.IsNullOrEmpty(handler))
            {
                var method = context.Request.Method;
                handler = method.Length == 0 ? "" : char.ToUpperInvariant(method[0]) + method[1..].ToLowerInvariant();
            }

            return $"page:{page}:{handler}";
        }

        return $"{context.Request.Method} {context.Request.Path}";
    }
}
