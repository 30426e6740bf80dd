using Microsoft.AspNetCore.Identity;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Seed;

// The demo accounts the README lists, all with the demo password. Organizations and memberships come from the
// organizations seeder, which runs after this one.
internal sealed class DemoAccountsSeeder(UserManager<PlatformUser> users, RoleManager<PlatformRole> roles, PlatformDbContext db, TimeProvider clock, PermissionRegistry permissions) : IDemoSeeder
{
    public const string Password = "TechBridge-demo-2026";

    private static readonly (string UserName, string DisplayName, string? Role, string? Jurisdiction)[] Accounts =
    [
        ("admin.hebei", "Hebei province admin", Roles.Admin, Jurisdictions.Hebei),
        ("admin.shijiazhuang", "Shijiazhuang city admin", Roles.Admin, "1301"),
        ("admin.beijing", "Beijing admin", Roles.Admin, Jurisdictions.Beijing),
        ("admin.tianjin", "Tianjin admin", Roles.Admin, Jurisdictions.Tianjin),
        ("enterprise.demo", "Demo enterprise owner", null, null),
        ("provider.demo", "Demo service institution owner", null, null),
        ("provider.beijing", "Demo Beijing lab owner", null, null),
        ("broker.demo", "Demo technology broker", Roles.Broker, null),
        ("auditor.demo", "Demo auditor", Roles.Auditor, null),
        ("sysadmin.demo", "Demo system admin", Roles.SystemAdmin, null),
    ];

    public int Order => 10;

    public async Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new PlatformRole { Name = role }));
            }
        }

        foreach (var (userName, displayName, role, jurisdiction) in Accounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new PlatformUser { UserName = userName, DisplayName = displayName, IsDemo = true, CreatedAt = clock.GetUtcNow(), EmailConfirmed = true };
            Check(await users.CreateAsync(user, Password));
            if (role is not null)
            {
                Check(await users.AddToRoleAsync(user, role));
            }

            if (jurisdiction is not null)
            {
                db.AddRange(permissions.All.Select(p => new AdminGrant { UserId = user.Id, Permission = p, JurisdictionCode = jurisdiction }));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        progress?.Report($"demo accounts: {await db.Users.CountAsync(u => u.IsDemo, cancellationToken)}");
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
