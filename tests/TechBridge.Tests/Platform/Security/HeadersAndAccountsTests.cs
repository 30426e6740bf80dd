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

    // "In the same time": the time of a sign-in is the password hash check, so each answer must do exactly one — an
    // unknown account, a locked one and a wrong password alike (counted, not timed).
    [Fact]
    public async Task SignIn_UnknownLockedAndWrongPassword_EachCostOnePasswordHashCheck()
    {
        var locked = await CreateUserAsync(host, "lockedtime");
        var known = await CreateUserAsync(host, "knowntime");
        var checks = new List<int>();
        foreach (var (userName, lockIt) in new[] { ("nobody." + Guid.NewGuid().ToString("N")[..8], false), (locked.UserName!, true), (known.UserName!, false) })
        {
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            if (lockIt)
            {
                var stored = (await users.FindByNameAsync(userName))!;
                await users.SetLockoutEnabledAsync(stored, true);
                await users.SetLockoutEndDateAsync(stored, DateTimeOffset.MaxValue);
            }

            var counting = new CountingHasher(users.PasswordHasher);
            users.PasswordHasher = counting;
            var handler = scope.ServiceProvider.GetRequiredService<TechBridge.Modules.Directory.IssueToken.IssueTokenHandler>();
            var refused = await Assert.ThrowsAsync<TechBridge.Modules.Directory.IssueToken.InvalidCredentialsException>(() =>
                handler.VerifyAsync(userName, "not the password at all", totpCode: null, requireEnrolledTotp: true));
            Assert.Equal("invalid_credentials", refused.Code);
            checks.Add(counting.Verifications);
        }

        Assert.Equal([1, 1, 1], checks);
    }

    // Uploads are served with the type their bytes showed, never the type or name the uploader declared.
    [Fact]
    public async Task Upload_DeclaredAsHtml_IsServedAsTheImageItIs_AndHtmlBytesAreRefused()
    {
        var owner = await CreateUserAsync(host, "uploader");
        using var client = host.CreateBearerClient(await TokenAsync(host, owner.UserName!, Password));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Guid.NewGuid().ToByteArray()];
        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string declared, string name)
        {
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(declared);
            content.Add(file, "file", name);
            return await client.PostAsync(new Uri("/api/v1/files", UriKind.Relative), content);
        }

        var disguised = await UploadAsync(png, "text/html", "page.html");
        var sha = (await disguised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString();
        using var served = await client.GetAsync(new Uri($"/api/v1/files/{sha}", UriKind.Relative));
        var html = await UploadAsync("<html><script>alert(1)</script></html>"u8.ToArray(), "image/png", "photo.png");

        Assert.Equal(HttpStatusCode.Created, disguised.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", served.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
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

internal sealed class CountingHasher(IPasswordHasher<PlatformUser> inner) : IPasswordHasher<PlatformUser>
{
    public int Verifications { get; private set; }

    public string HashPassword(PlatformUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(PlatformUser user, string hashedPassword, string providedPassword)
    {
        Verifications++;
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
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
