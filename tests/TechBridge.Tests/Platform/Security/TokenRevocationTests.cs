using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Platform.Security;
using TechBridge.Tests.Modules.Directory;
using static TechBridge.Tests.Modules.Directory.AccountTestKit;

namespace TechBridge.Tests.Platform.Security;

// Issue 8: a token dies with the rights it carried — a role or grant given or taken, a new password, TOTP switched on or
// reset — whichever path changed them; and a TOTP code signs in once only.
public abstract class TokenRevocationTests(AppHost host)
{
    [Fact]
    public async Task Token_IssuedBeforeARoleChange_IsRefusedAfterIt()
    {
        var user = await CreateUserAsync(host, "promoted");
        using var client = host.CreateBearerClient(await TokenAsync(host, user.UserName!, Password));
        var before = await client.GetAsync(Me);
        using var sysadmin = await host.CreateClientForAsync("sysadmin.demo");

        var promoted = await sysadmin.PostAsJsonAsync(new Uri($"/api/v1/admin/users/{user.Id}/roles", UriKind.Relative), new { role = Roles.Admin });
        var after = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Token_IssuedBeforeAGrantIsTaken_IsRefusedAfterIt()
    {
        var (userId, token) = await DirectoryTestData.CreateAdminAsync(host, "1301", "listings.review");
        using var client = host.CreateBearerClient(token);
        var before = await client.GetAsync(Me);
        using var sysadmin = await host.CreateClientForAsync("sysadmin.demo");

        var revoked = await sysadmin.DeleteAsync(new Uri($"/api/v1/admin/users/{userId}/grants?permission=listings.review&jurisdiction=1301", UriKind.Relative));
        var after = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Token_IssuedBeforeAPasswordChange_IsRefusedAfterIt_TheNewPasswordSignsIn()
    {
        var user = await CreateUserAsync(host, "newpass");
        using var client = host.CreateBearerClient(await TokenAsync(host, user.UserName!, Password));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            Assert.True((await users.ChangePasswordAsync(stored, Password, "a brand new passphrase 2026")).Succeeded);
        }

        var after = await client.GetAsync(Me);
        var fresh = await TokenAsync(host, user.UserName!, "a brand new passphrase 2026");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.False(string.IsNullOrEmpty(fresh));
    }

    [Fact]
    public async Task Token_IssuedBeforeATotpReset_IsRefusedAfterIt()
    {
        var (userId, token) = await DirectoryTestData.CreateAdminAsync(host, "1301", "listings.review");
        using var client = host.CreateBearerClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Me)).StatusCode);
        using var sysadmin = await host.CreateClientForAsync("sysadmin.demo");

        var reset = await sysadmin.PostAsync(new Uri($"/api/v1/admin/users/{userId}/reset-totp", UriKind.Relative), null);
        var after = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task TotpCode_UsedTwice_SignsInOnce()
    {
        var user = await CreateUserAsync(host, "replay", Roles.Admin);
        string key;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            key = (await users.GetAuthenticatorKeyAsync(stored))!;
            await users.SetTwoFactorEnabledAsync(stored, true);
        }

        var code = TotpCode(key);
        using var anonymous = host.CreateAnonymousClient();
        var first = await RequestTokenAsync(anonymous, user.UserName, Password, code);
        var again = await RequestTokenAsync(anonymous, user.UserName, Password, code);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("totp_invalid", await ProblemCodeAsync(again));
    }

    // The code that switched TOTP on is used up: replayed at sign-in it is refused like a sign-in code seen twice.
    [Fact]
    public async Task TotpCode_ThatConfirmedTheEnrolment_DoesNotSignIn()
    {
        var user = await CreateUserAsync(host, "enrol", Roles.Admin);
        using var anonymous = host.CreateAnonymousClient();
        var begun = await anonymous.PostAsJsonAsync(new Uri("/api/v1/auth/totp", UriKind.Relative), new { userName = user.UserName, password = Password });
        Assert.Equal(HttpStatusCode.OK, begun.StatusCode);
        var key = (await begun.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("sharedKey").GetString()!;
        var code = TotpCode(key);

        var confirmed = await anonymous.PostAsJsonAsync(new Uri("/api/v1/auth/totp/confirm", UriKind.Relative), new { userName = user.UserName, password = Password, totpCode = code });
        var replayed = await RequestTokenAsync(anonymous, user.UserName, Password, code);

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal("totp_invalid", await ProblemCodeAsync(replayed));
    }

    [Fact]
    public async Task TotpCode_SentByEightRacingRequests_SignsInOnce()
    {
        var user = await CreateUserAsync(host, "race", Roles.Admin);
        string key;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var stored = (await users.FindByIdAsync(user.Id.ToString()))!;
            await users.ResetAuthenticatorKeyAsync(stored);
            key = (await users.GetAuthenticatorKeyAsync(stored))!;
            await users.SetTwoFactorEnabledAsync(stored, true);
        }

        // A first sign-in, so the racers update an existing record (the common case).
        using var anonymous = host.CreateAnonymousClient();
        var code = TotpCode(key);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(anonymous, user.UserName, Password, code)).StatusCode);
        var next = await NextCodeAsync(key, code);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var client = host.CreateAnonymousClient();
            return (await RequestTokenAsync(client, user.UserName, Password, next)).StatusCode;
        }));

        Assert.Equal(1, answers.Count(a => a == HttpStatusCode.OK));
    }

    // Waits (at most one 30-second step) for the authenticator to show a new code.
    private static async Task<string> NextCodeAsync(string key, string current)
    {
        for (var i = 0; i < 70; i++)
        {
            var code = TotpCode(key);
            if (code != current)
            {
                return code;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("the authenticator showed no new code");
    }

    private static readonly Uri Me = new("/api/v1/me", UriKind.Relative);
}

[Collection(SqliteCollection.Name)]
public sealed class TokenRevocationTestsOnSqlite(SqliteHostFixture fixture) : TokenRevocationTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class TokenRevocationTestsOnPostgres(PostgresHostFixture fixture) : TokenRevocationTests(fixture.Host);
