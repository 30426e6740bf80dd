using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TechBridge.Platform;

internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine($"TechBridge is listening on {string.Join(", ", addresses)}");
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        if (options.SeedDemo && !app.Environment.IsProduction())
        {
            Console.WriteLine("Demo accounts (password TechBridge-demo-2026): admin.hebei, admin.shijiazhuang, admin.beijing, admin.tianjin, "
                + "enterprise.demo, provider.demo, provider.beijing, broker.demo, auditor.demo, sysadmin.demo");
        }
    }
}
