using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Cli;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Files;
using TechBridge.Platform.Idempotency;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Search;
using TechBridge.Platform.Time;

namespace TechBridge.Platform;

internal static class PlatformSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<AdjustableClock>();
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<AdjustableClock>());
        services.AddPersistence(configuration, environment);
        services.AddScoped<ActorContext>();
        services.AddScoped<AuditTrail>();
        services.AddSingleton<AuditChain>();
        services.AddHostedService<AuditChainJob>();
        services.AddAuditBrowsing();
        services.AddNotifications();
        services.AddJobsAndOutbox();
        services.AddJob<IdempotencyPurge>("platform.idempotency-purge", "Forget idempotency keys older than a day", _ => TimeSpan.FromHours(1));
        services.AddSearch(configuration);
        services.AddPlatformAuthorization();
        services.AddSingleton<PermissionRegistry>();
        services.AddScoped<SiteNavigation>();
        services.AddNavigation(
            NavigationEntry.ForPolicy(NavigationGroup.Administration, 990, "Background jobs", "/Admin/Jobs", Policies.JobsReader),
            NavigationEntry.ForPolicy(NavigationGroup.Administration, 1000, "Audit", "/Audit", Policies.AuditReader));
        services.AddScoped<FileStore>();
        services.AddPlatformVerbs();

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSingleton<ErrorTexts>();
        services.AddErrorTexts<PlatformErrorTexts>();
        services.AddHttpContextAccessor();
        services.AddLocalization();
        // Chinese text is written as UTF-8, not as numeric entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options => options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(ProblemPageFilter))))
            .AddViewLocalization();
        services.AddScoped<ProblemPageFilter>();
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<PlatformDbContext>("database", tags: ["ready"]);
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                // API clients choose the language of error texts with Accept-Language; pages follow the switcher only.
                new CustomRequestCultureProvider(context => ErrorPages.IsApiRequest(context.Request)
                    ? new AcceptLanguageHeaderRequestCultureProvider().DetermineProviderCultureResult(context)
                    : Task.FromResult<ProviderCultureResult?>(null)),
            ];
        });
        return services;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // Culture first, so that the error pages re-executed inside speak the request's language.
        app.UseRequestLocalization();
        app.UseErrorPages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAuthorization();
        foreach (var module in app.Services.GetServices<ModuleMiddleware>())
        {
            module.Use(app);
        }

        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapOpenApi();
        Scalar.AspNetCore.ScalarEndpointRouteBuilderExtensions.MapScalarApiReference(app, "/scalar");
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapRazorPages();
        app.MapAuditing();
        app.MapNotifications();
        app.MapJobs();
        app.MapFiles();
        if (!app.Environment.IsProduction())
        {
            MapTestClock(app);
        }

        foreach (var module in app.Services.GetServices<ModuleRoutes>())
        {
            module.Map(app);
        }

        return app;
    }

    // Lets browser and process tests move time forward (notice periods, reminders). Never mapped in Production.
    private static void MapTestClock(WebApplication app) =>
        app.MapPost("/api/v1/test/clock/advance", (AdvanceClock request, AdjustableClock clock) =>
            {
                clock.Advance(TimeSpan.FromHours(request.Hours));
                return TypedResults.Ok(new { now = clock.GetUtcNow(), offsetHours = clock.Offset.TotalHours });
            })
            .WithName("AdvanceTestClock")
            .WithSummary("Advances the platform clock (test environments only; not mapped in Production).")
            .ExcludeFromDescription();

    internal sealed record AdvanceClock(double Hours);
}
