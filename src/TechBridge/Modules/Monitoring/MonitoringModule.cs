using TechBridge.Modules.Monitoring.Benchmark;
using TechBridge.Modules.Monitoring.Catalog;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.ExportKpis;
using TechBridge.Modules.Monitoring.Indicators;
using TechBridge.Modules.Monitoring.KpiBoard;
using TechBridge.Modules.Monitoring.ManageKpis;
using TechBridge.Modules.Monitoring.Rollups;
using TechBridge.Platform.Cli;
using TechBridge.Platform.Jobs;
using TechBridge.Platform;
using TechBridge.Platform.Navigation;
using TechBridge.Platform.Portal;

namespace TechBridge.Modules.Monitoring;

// The plan's KPI catalog and targets, live indicators computed by the modules that own the data, official series,
// forecasts and status, the leading group's dashboard and exports (统计监测, 发展目标).
internal static class MonitoringModule
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        services.AddErrorTexts<MonitoringErrorTexts>();
        services.AddPermissions(MonitoringPermissions.All);
        services.AddScoped<IStartupDataLoader, PlanCatalogLoader>();
        services.AddScoped<IIndicatorSource, DirectoryIndicators>();
        services.AddSingleton(sp => RollupOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddScoped<IndicatorRollups>();
        services.AddJob<IndicatorRollupJob>("monitoring.indicator-rollups", "Monitoring indicator rollups", c => RollupOptions.From(c).Period);
        services.AddScoped<KpiBoardHandler>();
        services.AddScoped<ManageKpisHandler>();
        services.AddScoped<KpiExportHandler>();
        services.AddScoped<IKpiSnapshot, KpiSnapshot>();
        services.AddWorkspaceSource<Portal.MonitoringWorkspace>();
        services.AddOperatorVerb(new()
        {
            Name = "bench monitoring",
            Usage = "bench monitoring --rows N",
            Description = """
                on the configured PostgreSQL database (one of your own: rows are added):
                generate N contract and instrument-use rows in SQL, then time each live
                indicator against the same GROUP BY in raw SQL, one rollup refresh and
                the dashboard's data p50/p95 (docs/performance.md)
                """,
            RunAsync = c => MonitoringBench.RunAsync(c.App, Console.Out, c.Cancellation),
        });
        services.AddNavigation(
            new(NavigationGroup.More, 60, "Plan monitoring", "/Monitoring", NavigationAudience.SignedIn),
            NavigationEntry.ForPermission(NavigationGroup.Administration, 60, "Leading group dashboard", "/Monitoring", MonitoringPermissions.ManageKpis));
        services.AddRoutes(app => app.MapGroup("/api/v1/monitoring").WithTags("Monitoring").RequireAuthorization().MapMonitoring());
        return services;
    }
}
