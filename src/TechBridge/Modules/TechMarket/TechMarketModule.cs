using Microsoft.AspNetCore.Mvc;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.TechMarket.Calendar;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Deals;
using TechBridge.Modules.TechMarket.Exchange;
using TechBridge.Modules.TechMarket.Flows;
using TechBridge.Modules.TechMarket.RegisterContracts;
using TechBridge.Modules.TechMarket.ReviewContracts;
using TechBridge.Modules.TechMarket.Seed;
using TechBridge.Platform;
using TechBridge.Platform.Files;
using TechBridge.Platform.Navigation;

namespace TechBridge.Modules.TechMarket;

// The technology market (DESIGN.md §6 "Technology contracts"): the official working-day calendar, deals, the
// registration of technology contracts (技术合同认定登记) with review deadlines and certificates, and the flows of
// registered contracts among Beijing, Tianjin and Hebei.
internal static class TechMarketModule
{
    public static IServiceCollection AddTechMarket(this IServiceCollection services)
    {
        services.AddErrorTexts<TechMarketErrorTexts>();
        services.AddSingleton<WorkingCalendarSource>();
        services.AddScoped<IStartupDataLoader, ShippedCalendarLoader>();
        services.AddScoped<CalendarHandler>();
        services.AddSingleton(_ => TradingRules.Load(TradingRules.DefaultPath));
        services.AddScoped<ContractViewer>();
        services.AddScoped<RegisterContractsHandler>();
        services.AddScoped<ReviewContractsHandler>();
        services.AddScoped<DealsHandler>();
        services.AddScoped<FlowStatistics>();
        services.AddScoped<ITechnologyFlows>(sp => sp.GetRequiredService<FlowStatistics>());
        services.AddScoped<FlowsHandler>();
        services.AddScoped<IIndicatorSource, Indicators.HebeiShareIndicator>();
        services.AddScoped<FlowExport>();
        services.AddScoped<ExchangeHandler>();
        services.AddScoped<IFileReadAuthorizer, ContractFileReadAuthorizer>();
        services.AddScoped<IDemoSeeder, DemoContractsSeeder>();
        services.AddPermissions(TechMarketPermissions.All);
        services.AddNavigation(
            new(NavigationGroup.More, 40, "Technology market rules", "/TechMarket/Rules"),
            new(NavigationGroup.More, 41, "Registered technology contracts", "/TechMarket/Statistics"),
            new(NavigationGroup.More, 42, "Technology flows", "/TechMarket/Flows"),
            new(NavigationGroup.Mine, 50, "My technology contracts", "/TechMarket", NavigationAudience.SignedIn),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 50, "Contract registration queue", "/TechMarket/Queue", TechMarketPermissions.RegisterContracts),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 51, "Expert review", "/TechMarket/Queue", TechMarketPermissions.ExpertReview),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 52, "Contract exchange and historical import", "/TechMarket/Exchange", TechMarketPermissions.RegisterContracts));
        services.AddRoutes(app => app.MapTechMarket());
        return services;
    }

    private static IEndpointRouteBuilder MapTechMarket(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/techmarket").WithTags("TechMarket").RequireAuthorization()
            .AddEndpointFilter<CalendarMissingFilter>()
            .MapCalendar()
            .MapContracts()
            .MapDeals()
            .MapFlows()
            .MapExchange();
        app.MapExchangeStandard();
        return app;
    }
}

// A deadline that would run into a year the calendar does not cover is answered 422 "calendar missing" (the
// platform's error table reserves 422 for reused idempotency keys, so the module writes this one itself).
internal sealed class CalendarMissingFilter(ErrorTexts texts) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (CalendarMissingException missing)
        {
            var problem = Problem.From(missing)!;
            var details = new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Calendar missing",
                Detail = missing.Message,
            };
            details.Extensions["code"] = missing.Code;
            details.Extensions["year"] = missing.Year;
            details.Extensions["text"] = texts.Describe(problem);
            return TypedResults.Problem(details);
        }
    }
}
