using TechBridge.Modules.Example.Contracts;
using TechBridge.Platform;
using TechBridge.Platform.Cli;
using TechBridge.Platform.Security;

namespace TechBridge.Modules.Example;

// An empty module that follows docs/architecture.md "Adding a module" (deleted once the checklist was proven).
internal static class ExampleModule
{
    public static IServiceCollection AddExample(this IServiceCollection services) => services
        .AddPermissions(ExamplePermissions.All)
        .AddOperatorVerb(new()
        {
            Name = "example ping",
            Usage = "example ping",
            Description = "print pong",
            RunAsync = _ =>
            {
                Console.WriteLine("pong");
                return Task.FromResult(0);
            },
        })
        .AddRoutes(app => app.MapGet("/api/v1/example", () => TypedResults.Ok("example")).WithName("GetExample").WithSummary("Answers \"example\" (the example module of the checklist)."));
}
