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
using TechBridge.Platform.Input;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Portal;
using TechBridge.Platform.Search;
using TechBridge.Platform.Time;
using TechBridge.Platform.Web;

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
        services.AddSingleton<AuditKey>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddSingleton<AuditChain>();
        services.AddJob<AuditCheckpointJob>(AuditCheckpointJob.Name, "Audit chain checkpoints", c => TimeSpan.FromMinutes(c.GetValue("Audit:CheckpointMinutes", 1.0)));
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
        services.AddScoped<HomeHandler>();
        services.AddScoped<WorkspaceHandler>();
        services.AddScoped<FileStore>();
        services.AddPlatformVerbs();

        services.AddSecurityHeaders(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddSingleton<ErrorTexts>();
        services.AddErrorTexts<PlatformErrorTexts>();
        services.AddInputRules();
        services.AddHttpContextAccessor();
        services.AddLocalization();
        // Chinese text is written as UTF-8, not as numeric entities.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options => options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(ProblemPageFilter))).ConfigureFilter(new ServiceFilterAttribute(typeof(InputPageFilter))))
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
        // Headers first: every answer, static files and error pages included, carries them.
        app.UseSecurityHeaders();

        // Culture first, so that the error pages re-executed inside speak the request's language.
        app.UseRequestLocalization();
        app.UseErrorPages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<AuditorReadOnly>();
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
        // Every route of the platform and of every module is mapped inside this group, so that each meets the input
        // rules (InputEndpointFilter) without a line of its own.
        var routes = app.MapInputRulesGroup();
        routes.MapAuditing();
        routes.MapNotifications();
        routes.MapJobs();
        routes.MapFiles();
        if (DemoShortcuts.Allowed(app.Environment))
        {
            MapTestClock(routes);
        }

        foreach (var module in app.Services.GetServices<ModuleRoutes>())
        {
            module.Map(routes);
        }

        return app;
    }

    // Lets browser and process tests move time forward (notice periods, reminders). Mapped in Development and Testing
    // only (DemoShortcuts). Forward only, by at most ten years: a step outside that is a mistake, not a test.
    private const double MaxClockStepHours = 24 * 366 * 10;

    private static void MapTestClock(IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/test/clock/advance", (AdvanceClock request, AdjustableClock clock) =>
            {
                if (!double.IsFinite(request.Hours) || request.Hours <= 0 || request.Hours > MaxClockStepHours)
                {
                    throw InvalidRequestException.For("hours", "range", $"Hours is a positive number up to {MaxClockStepHours}.");
                }

                clock.Advance(TimeSpan.FromHours(request.Hours));
                return TypedResults.Ok(new { now = clock.GetUtcNow(), offsetHours = clock.Offset.TotalHours });
            })
            .WithName("AdvanceTestClock")
            .WithSummary("Advances the platform clock (Development and Testing only).")
            .ExcludeFromDescription();

    internal sealed record AdvanceClock(double Hours);
}
