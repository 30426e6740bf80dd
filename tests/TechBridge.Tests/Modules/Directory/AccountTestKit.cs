using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using TechBridge.Platform.Security;

namespace TechBridge.Tests.Modules.Directory;

// Accounts for tests: real (non-demo) users created through UserManager, tokens, TOTP codes.
internal static class AccountTestKit
{
    public const string Password = "correct horse battery staple";

    public static string UniqueName(string prefix) => $"{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static async Task<PlatformUser> CreateUserAsync(AppHost host, string prefix, params string[] roles)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser { UserName = UniqueName(prefix), DisplayName = $"Test {prefix}" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return user;
    }

    public static Task<HttpResponseMessage> RequestTokenAsync(HttpClient client, string? userName, string? password, string? totpCode = null) =>
        client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName, password, totpCode });

    public static async Task<string> TokenAsync(AppHost host, string userName, string password = AppHost.DemoPassword, string? totpCode = null)
    {
        using var client = host.CreateAnonymousClient();
        var response = await RequestTokenAsync(client, userName, password, totpCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    // A code accepted once only (the platform refuses a replay), so a test that needs a second code after the first
    // gets the next step's code, as a user would wait for the authenticator's next one (the server accepts the steps
    // beside the current one). Tests that mean to replay keep the code in a variable.
    public static string TotpCode(string sharedKey)
    {
        var totp = new Totp(Base32Encoding.ToBytes(sharedKey));
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        lock (Handed)
        {
            var step = 0;
            var code = totp.ComputeTotp(now);
            while (Handed.TryGetValue(sharedKey, out var last) && last.Contains(code) && step < 2)
            {
                step++;
                code = totp.ComputeTotp(now.AddSeconds(30 * step));
            }

            if (!Handed.TryGetValue(sharedKey, out var handed))
            {
                Handed[sharedKey] = handed = [];
            }

            handed.Add(code);
            return code;
        }
    }

    private static readonly Dictionary<string, HashSet<string>> Handed = new(StringComparer.Ordinal);

    // A six-digit code other than the current one (and, for all practical purposes, its neighbours).
    public static string WrongTotpCode(string sharedKey) => ((int.Parse(new Totp(Base32Encoding.ToBytes(sharedKey)).ComputeTotp(), System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
