namespace TechBridge.Platform;

// A module's routes and request-pipeline steps, registered from its Add method, so that Program.cs names each module
// once: MapPlatform maps every module's routes and UsePlatform runs every module's middleware, in registration order.
internal sealed record ModuleRoutes(Action<IEndpointRouteBuilder> Map);

// Runs after authentication and authorization, so the step sees the signed-in user.
internal sealed record ModuleMiddleware(Action<IApplicationBuilder> Use);

internal static class ModuleParts
{
    public static IServiceCollection AddRoutes(this IServiceCollection services, Action<IEndpointRouteBuilder> map) =>
        services.AddSingleton(new ModuleRoutes(map));

    public static IServiceCollection AddMiddleware(this IServiceCollection services, Action<IApplicationBuilder> use) =>
        services.AddSingleton(new ModuleMiddleware(use));
}
