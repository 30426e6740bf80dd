namespace TechBridge.Platform.Security;

// Authorization policy names are the contract between features and the accounts work: endpoints and pages ask for
// a policy by name, and the accounts module decides how a user satisfies it (roles, organization, scope).
internal static class Policies
{
    // Any signed-in user.
    public const string SignedIn = "signed-in";

    // Reads the audit trail: the Auditor role, any Admin, or the SystemAdmin.
    public const string AuditReader = "audit.read";

    // Role names as issued in ClaimTypes.Role claims. Kept private to this file so they do not compete with the
    // accounts module's own role constants.
    private const string Auditor = "Auditor";
    private const string Admin = "Admin";
    private const string SystemAdmin = "SystemAdmin";

    // A provisional registration based on role claims only, so that features can be built and tested before the
    // accounts work lands; that work may replace the bodies but keeps the names.
    public static IServiceCollection AddPlatformAuthorization(this IServiceCollection services)
    {
        // UseAuthentication needs the authentication services even while no scheme is registered yet.
        services.AddAuthentication();
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AuditReader, policy => policy.RequireAuthenticatedUser().RequireRole(Auditor, Admin, SystemAdmin));
        return services;
    }
}
