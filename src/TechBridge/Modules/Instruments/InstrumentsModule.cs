using TechBridge.Modules.Instruments.Availability;
using TechBridge.Modules.Instruments.BookInstrument;
using TechBridge.Modules.Instruments.BrowseCatalog;
using TechBridge.Modules.Instruments.CalendarFeeds;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Instruments.ManageBookings;
using TechBridge.Modules.Instruments.ManageCatalog;
using TechBridge.Modules.Instruments.ReleaseNoShows;
using TechBridge.Modules.Instruments.Statements;
using TechBridge.Platform;
using TechBridge.Platform.Cli;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Instruments;

// Shared large instruments (大型仪器开放共享): the catalog with booking rules and fee standards, bookings that the
// database keeps from overlapping, approval, maintenance blocks, series, check-in and the no-show release job.
internal static class InstrumentsModule
{
    public static IServiceCollection AddInstruments(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(InstrumentsOptions.Section).Get<InstrumentsOptions>() ?? new InstrumentsOptions();
        services.AddSingleton(options);
        services.AddErrorTexts<InstrumentsErrorTexts>();
        services.AddScoped<BrowseCatalogHandler>();
        services.AddScoped<ManageCatalogHandler>();
        services.AddScoped<BookInstrumentHandler>();
        services.AddScoped<ManageBookingsHandler>();
        services.AddScoped<AvailabilityHandler>();
        services.AddScoped<StatementsHandler>();
        services.AddScoped<CalendarFeedsHandler>();
        services.AddScoped<IStartupDataLoader, InstrumentsDatabaseObjects>();
        services.AddScoped<IDemoSeeder, Seed.DemoInstrumentsSeeder>();
        services.AddScoped<TechBridge.Modules.Monitoring.Contracts.IIndicatorSource, Indicators.InstrumentIndicators>();
        services.AddJob<NoShowRelease>(NoShowRelease.JobName, "Instrument no-show release", c => TimeSpan.FromMinutes(c.GetValue("Instruments:NoShowPeriodMinutes", 5.0)));
        services.AddNavigation(
            // Under "More": the signed-in header holds one line at 1366 px; the home page offers 预约仪器 as an entry point.
            new(NavigationGroup.More, 30, "Instruments", "/Instruments"),
            new(NavigationGroup.Mine, 50, "My instrument bookings", "/Instruments/Mine", NavigationAudience.SignedIn),
            new(NavigationGroup.Mine, 55, "Our instruments", "/Instruments/Owner", NavigationAudience.SignedIn));
        services.AddEntryPoints(new EntryPoint(50, "Book an instrument", "Large instruments of universities and institutes across Beijing, Tianjin and Hebei", "/Instruments"));
        services.AddOperatorVerb(new()
        {
            Name = "bench instruments",
            Usage = "bench instruments [--clients 8,32] [--seconds 30]",
            Description = """
                on the configured PostgreSQL database: booking inserts/s through the API
                against the pgbench peer (--peers DIR, ../shared/bench/peers) on the same
                server, overlaps by self-join, a time breakdown, and the week query on an
                instrument with 100,000 past bookings
                """,
            // The measurement's report is the output, not the request and SQL log.
            HostArguments = ["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning", "--Logging:LogLevel:Microsoft=Warning"],
            RunAsync = c => Bench.InstrumentsBench.RunAsync(c.App, Console.Out, c.Cancellation),
        });
        services.AddRoutes(app => app.MapInstruments());
        return services;
    }

    private static IEndpointRouteBuilder MapInstruments(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/instruments").WithTags("Instruments")
            .MapBrowseCatalog()
            .MapManageCatalog()
            .MapBookInstrument()
            .MapAvailability()
            .MapMaintenance()
            .MapInstrumentCalendar();
        app.MapGroup("/api/v1/instrument-bookings").WithTags("Instruments").RequireAuthorization()
            .MapManageBookings()
            .MapStatements()
            .MapMyCalendar();
        return app;
    }
}
