namespace TechBridge.Platform.Navigation;

// Where an entry sits in the site navigation: the main bar, the "More" menu, the signed-in user's own links, the
// "Administration" menu.
internal enum NavigationGroup
{
    Main,
    More,
    Mine,
    Administration,
}

// Who sees an entry: everyone, any signed-in user, an admin holding the permission in some jurisdiction, a role,
// or whoever an authorization policy admits.
internal enum NavigationAudience
{
    Everyone,
    SignedIn,
    Permission,
    Role,
    Policy,
}

// One link of the site navigation. Label is the English UI text key (localized when rendered); Order sorts within the
// group across modules; Requirement is the permission, role or policy name the audience needs.
internal sealed record NavigationEntry(NavigationGroup Group, int Order, string Label, string Path, NavigationAudience Audience = NavigationAudience.Everyone, string? Requirement = null)
{
    public static NavigationEntry ForPermission(NavigationGroup group, int order, string label, string path, string permission) =>
        new(group, order, label, path, NavigationAudience.Permission, permission);

    public static NavigationEntry ForRole(NavigationGroup group, int order, string label, string path, string role) =>
        new(group, order, label, path, NavigationAudience.Role, role);

    public static NavigationEntry ForPolicy(NavigationGroup group, int order, string label, string path, string policy) =>
        new(group, order, label, path, NavigationAudience.Policy, policy);
}

internal static class NavigationRegistration
{
    public static IServiceCollection AddNavigation(this IServiceCollection services, params NavigationEntry[] entries)
    {
        foreach (var entry in entries)
        {
            services.AddSingleton(entry);
        }

        return services;
    }
}
