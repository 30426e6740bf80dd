namespace TechBridge.Platform.Security;

// Admin permissions, one per module action: each module declares its own (in its Contracts, so other modules and
// pages can name them) and registers them with AddPermissions; a grant names one of them and a jurisdiction.
internal sealed record ModulePermissions(IReadOnlyList<string> Names);

internal sealed class PermissionRegistry(IEnumerable<ModulePermissions> modules)
{
    // In registration order, each once.
    public IReadOnlyList<string> All { get; } = modules.SelectMany(m => m.Names).Distinct(StringComparer.Ordinal).ToList();

    public bool Contains(string? permission) => permission is not null && All.Contains(permission, StringComparer.Ordinal);
}

// Whether the signed-in user holds a permission in some jurisdiction (the module that keeps grants answers).
internal interface IPermissionHolder
{
    Task<bool> HoldsAnywhereAsync(string permission, CancellationToken cancellationToken);
}

internal static class PermissionRegistration
{
    public static IServiceCollection AddPermissions(this IServiceCollection services, params string[] permissions) =>
        services.AddSingleton(new ModulePermissions(permissions));
}
