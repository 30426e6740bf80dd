using TechBridge.Modules.Directory;
using TechBridge.Modules.Engagements;
using TechBridge.Modules.Instruments;
using TechBridge.Modules.Listings;
using TechBridge.Modules.Matching;
using TechBridge.Modules.Monitoring;
using TechBridge.Modules.Supervision;
using TechBridge.Modules.TechMarket;
using TechBridge.Modules.Vouchers;
using TechBridge.Platform;
using TechBridge.Platform.Cli;

try
{
    return await RunAsync(args);
}
catch (Exception e) when (StartupFailure.Explain(e) is { } line)
{
    // A set-up that cannot work is told in one line, with what to do: no stack trace, a non-zero exit.
    await Console.Error.WriteLineAsync("techbridge: " + line);
    return 1;
}

static async Task<int> RunAsync(string[] args)
{
    var (verb, hostArgs) = OperatorVerbs.Split(args);
    var app = Compose(hostArgs);

    if (verb.Length > 0)
    {
        // A verb that measures on a host of its own (a throwaway database) gets one composed with its settings.
        var own = OperatorVerbs.HostArguments(app.Services, verb);
        if (own.Count > 0)
        {
            await app.DisposeAsync();
            app = Compose([.. hostArgs, .. own]);
        }

        return await OperatorVerbs.RunAsync(app, verb);
    }

    StartupFailure.RequireFreeAddresses(app.Configuration);
    await DatabaseStartup.PrepareAsync(app.Services, app.Environment);

    app.UsePlatform();
    app.MapPlatform();

    app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
    await app.RunAsync();
    return 0;
}

// The platform and one line per module: each module's Add registers its services, routes, middleware, operator
// verbs, start-up loaders, demo seeders, permissions and navigation entries (docs/architecture.md, "Adding a module").
static WebApplication Compose(string[] hostArgs)
{
    var builder = WebApplication.CreateBuilder(hostArgs);
    if (!builder.Environment.IsProduction())
    {
        // Serve wwwroot and the npm-built lib/ from the build output's manifest in every non-production environment
        // (ASP.NET only does this for Development by default; tests run as "Testing"). Publish copies them for Production.
        builder.WebHost.UseStaticWebAssets();
    }

    builder.Services
        .AddPlatform(builder.Configuration, builder.Environment)
        .AddDirectory(builder.Configuration)
        .AddListings()
        .AddEngagements()
        .AddMatching(builder.Configuration)
        .AddTechMarket()
        .AddInstruments(builder.Configuration)
        .AddMonitoring()
        .AddSupervision()
        .AddVouchers();
    return builder.Build();
}

// Lets WebApplicationFactory find the entry point.
public partial class Program;
