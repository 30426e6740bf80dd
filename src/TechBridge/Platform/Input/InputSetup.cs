namespace TechBridge.Platform.Input;

internal static class InputSetup
{
    public static IServiceCollection AddInputRules(this IServiceCollection services)
    {
        // The framework throws what it cannot bind (in every environment, not only Development), so that the one
        // error table answers it: 400 naming the field and the expected type (BindingProblems).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddErrorTexts<InputErrorTexts>();
        services.AddScoped<InputPageFilter>();
        return services;
    }

    public static RouteGroupBuilder MapInputRulesGroup(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("");
        group.AddEndpointFilterFactory(InputEndpointFilter.Create);
        return group;
    }
}
