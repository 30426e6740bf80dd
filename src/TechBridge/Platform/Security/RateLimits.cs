using System.Threading.RateLimiting;

namespace TechBridge.Platform.Security;

// Per-client limits on credential endpoints and public search; over the limit → 429 ProblemDetails with Retry-After.
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Search = "search";

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permitPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var searchPerMinute = configuration.GetValue("RateLimits:SearchPerMinute", 120);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: showing the sign-in page (GET) is never limited.
            options.AddPolicy(SignIn, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Public search and matching: per address, generous for people, a brake on scrapers.
            options.AddPolicy(Search, context => RateLimitPartition.GetFixedWindowLimiter(
                "search:" + (context.Connection.RemoteIpAddress?.ToString() ?? "local"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = searchPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                rejected.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: "Too many attempts from this address; wait a minute and try again.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }
}
