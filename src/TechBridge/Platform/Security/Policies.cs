namespace TechBridge.Platform.Security;

// Authorization policy names: endpoints and pages ask for a policy by name; the rule behind it lives here.
internal static class Policies
{
    // Any signed-in user.
    public const string SignedIn = "signed-in";

    // Reads the audit trail: the Auditor role, any Admin, or the SystemAdmin.
    public const string AuditReader = "audit.read";

    public static IServiceCollection AddPlatformAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AuditReader, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Auditor, Roles.Admin, Roles.SystemAdmin));
        return services;
    }
}
