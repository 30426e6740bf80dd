using TechBridge.Modules.Directory;
using TechBridge.Modules.Engagements;
using TechBridge.Modules.Listings;
using TechBridge.Modules.Matching;
using TechBridge.Platform;
using TechBridge.Platform.Cli;
using TechBridge.Platform.Persistence;

var (verb, hostArgs) = OperatorVerbs.Split(args);
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
    .AddMatching(builder.Configuration);

var app = builder.Build();

if (verb.Length > 0)
{
    return await OperatorVerbs.RunAsync(app, verb);
}

await DatabaseStartup.PrepareAsync(app.Services, app.Environment);

app.UsePlatform();
app.UseDirectory();
app.MapPlatform();
app.MapDirectory();
app.MapListings();
app.MapEngagements();
app.MapMatching();

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

// Lets WebApplicationFactory find the entry point.
public partial class Program;
