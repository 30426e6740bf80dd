using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TechBridge.Platform.Web;

// The response headers every answer carries — pages, API, static files, downloads, error pages — set in one place at
// the start of the pipeline, so no page or module can forget one:
//   Content-Security-Policy: scripts only from this site (no inline script: page scripts live in wwwroot/js; JSON data
//     blocks are not scripts), no plugins, no framing, forms post here only;
//   X-Content-Type-Options: nosniff (a browser never second-guesses a served type, uploads included);
//   Referrer-Policy: same-origin; X-Frame-Options: DENY for browsers without frame-ancestors;
//   HSTS on HTTPS outside Development. Behind a TLS-terminating proxy set `Platform:ForwardedHeaders` to true (and
//   `Platform:KnownProxies`, comma-separated addresses) so the request is seen as HTTPS: HSTS is sent and cookies are
//   marked Secure (SameAsRequest). Kestrel's Server header is switched off.
internal static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            var proxies = configuration["Platform:KnownProxies"];
            if (!string.IsNullOrWhiteSpace(proxies))
            {
                options.KnownProxies.Clear();
                foreach (var address in proxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    options.KnownProxies.Add(System.Net.IPAddress.Parse(address));
                }
            }
        });
        return services;
    }

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue("Platform:ForwardedHeaders", false))
        {
            app.UseForwardedHeaders();
        }

        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                // The API reference UI (/scalar) brings its own inline bootstrap script.
                if (!context.Request.Path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase))
                {
                    headers.ContentSecurityPolicy = Policy;
                }

                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
