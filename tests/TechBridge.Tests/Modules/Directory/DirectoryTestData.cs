using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Seed;
using TechBridge.Platform.Security;

namespace TechBridge.Tests.Modules.Directory;

// Users and organizations made directly through the host's services, each unique to the test that makes it.
internal static class DirectoryTestData
{
    // A real account (AccountTestKit) signed in through the token endpoint; a user with a role enrols TOTP first, as
    // an authenticator would, since admin roles sign in with it.
    public static async Task<(Guid UserId, string Token)> CreateUserAsync(AppHost host, string? role = null, string? jurisdiction = null, params string[] permissions)
    {
        var user = await AccountTestKit.CreateUserAsync(host, "t", role is null ? [] : [role]);
        string? totpCode = null;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            if (role is not null)
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
                var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
                Check(await users.ResetAuthenticatorKeyAsync(stored));
                var totpKey = (await users.GetAuthenticatorKeyAsync(stored))!;
                Check(await users.SetTwoFactorEnabledAsync(stored, true));
                totpCode = AccountTestKit.TotpCode(totpKey);
            }

            if (jurisdiction is not null)
            {
                var db = scope.ServiceProvider.GetRequiredService<TechBridge.Platform.Persistence.PlatformDbContext>();
                db.AddRange(permissions.Select(p => new AdminGrant { UserId = user.Id, Permission = p, JurisdictionCode = jurisdiction }));
                await db.SaveChangesAsync();
            }
        }

        return (user.Id, await AccountTestKit.TokenAsync(host, user.UserName!, AccountTestKit.Password, totpCode));
    }

    public static Task<(Guid UserId, string Token)> CreateAdminAsync(AppHost host, string jurisdiction, params string[] permissions) =>
        CreateUserAsync(host, Roles.Admin, jurisdiction, permissions);

    public static async Task<Guid> CreateOrganizationAsync(AppHost host, string regionCode, Guid? ownerId = null)
    {
        var organization = new Organization
        {
            Kind = OrganizationKind.Enterprise,
            LegalName = $"测试企业{Guid.NewGuid():N}"[..20],
            CreditCode = DemoCreditCodes.Build("91", regionCode, Random.Shared.Next(100_000_000)),
            RegionCode = regionCode,
            Verification = VerificationStatus.Verified,
        };
        await host.WithDbAsync(async db =>
        {
            db.Add(organization);
            if (ownerId is { } owner)
            {
                db.Add(new Membership { UserId = owner, OrganizationId = organization.Id, Role = MembershipRole.Owner });
            }

            return await db.SaveChangesAsync();
        });
        return organization.Id;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
