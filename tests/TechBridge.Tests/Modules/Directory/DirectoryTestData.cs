using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.Seed;
using TechBridge.Platform.Security;

namespace TechBridge.Tests.Modules.Directory;

// Users and organizations made directly through the host's services, each unique to the test that makes it.
internal static class DirectoryTestData
{
    private const string Password = "Correct-horse-battery-2026";

    public static async Task<(Guid UserId, string Token)> CreateUserAsync(AppHost host, string? role = null, string? jurisdiction = null, params string[] permissions)
    {
        var userName = $"t{Guid.NewGuid():N}"[..20];
        Guid userId;
        string? totpKey = null;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var user = new PlatformUser { UserName = userName, DisplayName = userName };
            Check(await users.CreateAsync(user, Password));
            if (role is not null)
            {
                Check(await users.AddToRoleAsync(user, role));
                // Admins sign in with TOTP: enrol a key and compute the code as an authenticator would.
                Check(await users.ResetAuthenticatorKeyAsync(user));
                totpKey = await users.GetAuthenticatorKeyAsync(user);
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }

            userId = user.Id;
            if (jurisdiction is not null)
            {
                var db = scope.ServiceProvider.GetRequiredService<TechBridge.Platform.Persistence.PlatformDbContext>();
                db.AddRange(permissions.Select(p => new AdminGrant { UserId = userId, Permission = p, JurisdictionCode = jurisdiction }));
                await db.SaveChangesAsync();
            }
        }

        using var client = host.CreateAnonymousClient();
        var code = totpKey is null ? null : new Totp(Base32Encoding.ToBytes(totpKey)).ComputeTotp();
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName, password = Password, totpCode = code });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        return (userId, token);
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
