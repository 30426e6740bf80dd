namespace TechBridge.Platform.Security;

// Authorization policy names: endpoints and pages ask for a policy by name; the rule behind it lives here.
internal static class Policies
{
    // Any signed-in user.
    public const string SignedIn = "signed-in";

    // Reads the audit trail: the Auditor role, any Admin, or the SystemAdmin.
    public const string AuditReader = "audit.read";

    // Sees the background jobs: the system admin, who runs them, and the auditor.
    public const string JobsReader = "jobs.read";

    // Belongs to at least one organization (the Directory answers the requirement): "my listings", "my orders".
    public const string OrganizationMember = "organization-member";

    // A member of an organization, or a broker who mediates: "my engagements".
    public const string EngagementParty = "engagement-party";

    public static IServiceCollection AddPlatformAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AuditReader, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Auditor, Roles.Admin, Roles.SystemAdmin))
            .AddPolicy(JobsReader, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.SystemAdmin, Roles.Auditor))
            .AddPolicy(OrganizationMember, policy => policy.RequireAuthenticatedUser().AddRequirements(new OrganizationMemberRequirement(OrBroker: false)))
            .AddPolicy(EngagementParty, policy => policy.RequireAuthenticatedUser().AddRequirements(new OrganizationMemberRequirement(OrBroker: true)));
        return services;
    }
}

// Met by a member of some organization (OrBroker: or by a broker); the module that keeps memberships handles it.
internal sealed record OrganizationMemberRequirement(bool OrBroker) : Microsoft.AspNetCore.Authorization.IAuthorizationRequirement;
