using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Platform.Security;
using static TechBridge.Tests.Modules.Directory.AccountTestKit;

namespace TechBridge.Tests.Modules.Directory.IssueToken;

public abstract class IssueTokenTests(AppHost host)
{
    [Fact]
    public async Task IssueToken_ValidDemoCredentials_TokenWorksAsBearer()
    {
        using var client = host.CreateBearerClient(await TokenAsync(host, "enterprise.demo"));

        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal("enterprise.demo", me.GetProperty("userName").GetString());
        Assert.Equal("Demo enterprise owner", me.GetProperty("displayName").GetString());
        Assert.True(Guid.TryParse(me.GetProperty("id").GetString(), out _));
        Assert.Equal(JsonValueKind.Array, me.GetProperty("roles").ValueKind);
        Assert.Equal(JsonValueKind.Array, me.GetProperty("organizations").ValueKind);
    }

    [Fact]
    public async Task GetMe_AdminInDemoMode_ListsRoles()
    {
        using var client = host.CreateBearerClient(await TokenAsync(host, "admin.hebei"));

        var me = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Contains("Admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task GetMe_Anonymous_Is401()
    {
        using var client = host.CreateAnonymousClient();

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetMe_UnknownBearerToken_Is401()
    {
        using var client = host.CreateBearerClient("not-a-token");

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task IssueToken_WrongPassword_Is401InvalidCredentials()
    {
        var user = await CreateUserAsync(host, "wrongpw");
        using var client = host.CreateAnonymousClient();

        var response = await RequestTokenAsync(client, user.UserName, "not the right password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("invalid_credentials", await ProblemCodeAsync(response));
    }

    [Fact]
    public async Task IssueToken_UnknownUser_Is401InvalidCredentials()
    {
        using var client = host.CreateAnonymousClient();

        var response = await RequestTokenAsync(client, UniqueName("nobody"), "whatever password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_credentials", await ProblemCodeAsync(response));
    }

    [Fact]
    public async Task IssueToken_MissingFields_Is400NamingEachField()
    {
        using var client = host.CreateAnonymousClient();

        var response = await RequestTokenAsync(client, null, "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("userName", body, StringComparison.Ordinal);
        Assert.Contains("password", body, StringComparison.Ordinal);
        Assert.Contains("required", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueToken_AfterMaxFailedAttempts_IsLockedOutEvenWithRightPassword()
    {
        var user = await CreateUserAsync(host, "lockout");
        using var client = host.CreateAnonymousClient();
        int maxAttempts;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            maxAttempts = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().Options.Lockout.MaxFailedAccessAttempts;
        }

        for (var i = 0; i < maxAttempts; i++)
        {
            var failed = await RequestTokenAsync(client, user.UserName, "not the right password");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var response = await RequestTokenAsync(client, user.UserName, Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_credentials", await ProblemCodeAsync(response));
    }

    [Fact]
    public async Task IssueToken_AdminWithoutTotp_MustEnrolThenSignsInWithCode()
    {
        var admin = await CreateUserAsync(host, "totpadmin", Roles.Admin);
        using var client = host.CreateAnonymousClient();

        var refused = await RequestTokenAsync(client, admin.UserName, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("totp_enrolment_required", await ProblemCodeAsync(refused));

        var begin = await client.PostAsJsonAsync(new Uri("/api/v1/auth/totp", UriKind.Relative), new { userName = admin.UserName, password = Password });
        Assert.Equal(HttpStatusCode.OK, begin.StatusCode);
        var enrolment = await begin.Content.ReadFromJsonAsync<JsonElement>();
        var key = enrolment.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/", enrolment.GetProperty("authenticatorUri").GetString(), StringComparison.Ordinal);

        var wrongConfirm = await client.PostAsJsonAsync(new Uri("/api/v1/auth/totp/confirm", UriKind.Relative), new { userName = admin.UserName, password = Password, totpCode = WrongTotpCode(key) });
        Assert.Equal(HttpStatusCode.BadRequest, wrongConfirm.StatusCode);

        var confirm = await client.PostAsJsonAsync(new Uri("/api/v1/auth/totp/confirm", UriKind.Relative), new { userName = admin.UserName, password = Password, totpCode = TotpCode(key) });
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);

        var withoutCode = await RequestTokenAsync(client, admin.UserName, Password);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Equal("totp_required", await ProblemCodeAsync(withoutCode));

        var wrongCode = await RequestTokenAsync(client, admin.UserName, Password, WrongTotpCode(key));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Equal("totp_invalid", await ProblemCodeAsync(wrongCode));

        var ok = await RequestTokenAsync(client, admin.UserName, Password, TotpCode(key));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task EnrolTotp_AlreadyEnrolled_AnotherEnrolmentNeedsTheCurrentCode()
    {
        var user = await CreateUserAsync(host, "totptwice");
        using var client = host.CreateAnonymousClient();
        var begin = await client.PostAsJsonAsync(new Uri("/api/v1/auth/totp", UriKind.Relative), new { userName = user.UserName, password = Password });
        var key = (await begin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!;
        await client.PostAsJsonAsync(new Uri("/api/v1/auth/totp/confirm", UriKind.Relative), new { userName = user.UserName, password = Password, totpCode = TotpCode(key) });

        var again = await client.PostAsJsonAsync(new Uri("/api/v1/auth/totp", UriKind.Relative), new { userName = user.UserName, password = Password });

        // Replacing the key would otherwise let a password thief take over the second factor.
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("totp_required", await ProblemCodeAsync(again));
    }

    [Fact]
    public async Task IssueToken_DemoAdminOutsideDemoMode_MustEnrolTotp()
    {
        await using var isolated = await AppHost.StartAsync(host.Database, new Dictionary<string, string> { ["Demo:Enabled"] = "false" });
        using var client = isolated.CreateAnonymousClient();

        var response = await RequestTokenAsync(client, "admin.hebei", AppHost.DemoPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("totp_enrolment_required", await ProblemCodeAsync(response));
    }

    [Fact]
    public async Task IssueToken_OverSignInRateLimit_Is429WithRetryAfter()
    {
        await using var isolated = await AppHost.StartAsync(host.Database, new Dictionary<string, string> { ["RateLimits:SignInPerMinute"] = "3" });
        using var client = isolated.CreateAnonymousClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await RequestTokenAsync(client, "enterprise.demo", "not the right password")).StatusCode);
        }

        var limited = await RequestTokenAsync(client, "enterprise.demo", AppHost.DemoPassword);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IssueTokenTestsOnSqlite(SqliteHostFixture fixture) : IssueTokenTests(fixture.Host);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class IssueTokenTestsOnPostgres(PostgresHostFixture fixture) : IssueTokenTests(fixture.Host);
