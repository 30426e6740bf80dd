using TechBridge.Modules.Instruments.Availability;
using TechBridge.Modules.Instruments.BookInstrument;
using TechBridge.Modules.Instruments.BrowseCatalog;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Instruments.ManageBookings;
using TechBridge.Modules.Instruments.ManageCatalog;
using TechBridge.Modules.Instruments.ReleaseNoShows;
using TechBridge.Platform;
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
            .MapMaintenance();
        app.MapGroup("/api/v1/instrument-bookings").WithTags("Instruments").RequireAuthorization()
            .MapManageBookings();
        return app;
    }
}
