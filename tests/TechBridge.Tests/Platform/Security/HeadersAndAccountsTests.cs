using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Platform.Security;
using TechBridge.Tests.Modules.Directory;
using static TechBridge.Tests.Modules.Directory.AccountTestKit;

namespace TechBridge.Tests.Platform.Security;

// Issue 8: every answer (page, API, static file, uploaded file, error page) carries the security headers and a CSP
// without inline script; sign-in answers alike for an unknown and a locked account; the current-password check of the
// change-password form counts toward the lockout.
public abstract class HeadersAndAccountsTests(AppHost host)
{
    [Fact]
    public async Task EveryKindOfAnswer_CarriesNosniffReferrerFramingAndAScriptOnlyFromSelfPolicy()
    {
        using var client = await host.CreateClientForAsync("enterprise.demo");
        var evidence = await DirectoryTestKit.UploadPdfAsync(client);
        string[] urls = ["/", "/Search", "/js/pickers.js", "/api/v1/reference/sectors", "/no-such-page", $"/api/v1/files/{evidence}", "/Account/SignIn"];
        var findings = new List<string>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var headers = response.Headers;
            string? Header(string name) => headers.TryGetValues(name, out var v) ? string.Join(",", v)
                : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;
            if (Header("X-Content-Type-Options") != "nosniff")
            {
                findings.Add($"{url}: no nosniff");
            }

            if (Header("Referrer-Policy") is null || Header("X-Frame-Options") != "DENY")
            {
                findings.Add($"{url}: no Referrer-Policy or frame protection");
            }

            var policy = Header("Content-Security-Policy") ?? "";
            if (!policy.Contains("script-src 'self';", StringComparison.Ordinal) || !policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
            {
                findings.Add($"{url}: CSP '{policy}'");
            }

            if (Header("Server") is not null)
            {
                findings.Add($"{url}: Server header");
            }
        }

        using var file = await client.GetAsync(new Uri($"/api/v1/files/{evidence}", UriKind.Relative));
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        using var client = await host.CreateClientForAsync("enterprise.demo");
        foreach (var url in new[] { "/", "/Search", "/Workspace", "/Listings/Edit?kind=demand", "/Organizations/Register", "/Account/Security" })
        {
            var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
            var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>");
            Assert.True(scripts.Count == 0, $"{url}: {string.Join(" ", scripts.Select(s => s.Value))}");
            Assert.DoesNotMatch(" on(click|change|submit|load|input)=\"", html);
        }
    }

    [Fact]
    public async Task SignIn_UnknownAndLockedAccounts_AnswerTheSame()
    {
        var locked = await CreateUserAsync(host, "locked");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var stored = (await users.FindByIdAsync(locked.Id.ToString()))!;
            await users.SetLockoutEnabledAsync(stored, true);
            await users.SetLockoutEndDateAsync(stored, DateTimeOffset.MaxValue);
        }

        using var client = host.CreateAnonymousClient();
        var unknown = await RequestTokenAsync(client, "nobody." + Guid.NewGuid().ToString("N")[..8], Password);
        var lockedRightPassword = await RequestTokenAsync(client, locked.UserName, Password);
        var lockedWrongPassword = await RequestTokenAsync(client, locked.UserName, "not the password at all");

        var answers = new[] { unknown, lockedRightPassword, lockedWrongPassword };
        var bodies = await Task.WhenAll(answers.Select(async a => await a.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        Assert.All(bodies, b => Assert.Equal("invalid_credentials", b.GetProperty("code").GetString()));
        Assert.Single(bodies.Select(b => b.GetProperty("detail").GetString()).Distinct());
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPasswords_CountTowardTheLockout()
    {
        var user = await CreateUserAsync(host, "guesser");
        using var client = host.CreateBearerClient(await TokenAsync(host, user.UserName!, Password));
        int maxAttempts;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            maxAttempts = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().Options.Lockout.MaxFailedAccessAttempts;
        }

        for (var i = 0; i < maxAttempts; i++)
        {
            await PageForms.PostAsync(client, "/Account/Security", "/Account/Security?handler=ChangePassword",
                new Dictionary<string, string> { ["CurrentPassword"] = $"wrong guess number {i}", ["NewPassword"] = "a completely new passphrase" });
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id.ToString()))!));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HeadersAndAccountsTestsOnSqlite(SqliteHostFixture fixture) : HeadersAndAccountsTests(fixture.Host);

// HTTPS behind a proxy: with Platform:ForwardedHeaders the forwarded scheme counts, so HSTS is sent and cookies are Secure.
public sealed class ForwardedHttpsTests
{
    [Fact]
    public async Task BehindAProxy_ForwardedHttps_GetsHstsAndSecureCookies()
    {
        await using var host = await AppHost.StartAsync(TestDatabase.Sqlite, new Dictionary<string, string> { ["Platform:ForwardedHeaders"] = "true" });
        using var client = host.CreateAnonymousClient();
        client.BaseAddress = new Uri("http://techbridge.example/");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Account/SignIn", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), string.Join("\n", response.Headers.Select(h => h.Key)));
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
