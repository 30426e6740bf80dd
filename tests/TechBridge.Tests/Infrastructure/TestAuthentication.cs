using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TechBridge.Tests.Infrastructure;

// A stand-in signed-in user until the accounts work issues real tokens: tests that only need "someone with these
// roles" send the X-Test-User header. Registered by AppHost for the test host only; never part of the app.
public sealed record TestUser(Guid Id, string Name, params string[] Roles)
{
    public static TestUser Auditor() => New("auditor", "Auditor");

    public static TestUser Member() => New("member");

    public static TestUser New(string name, params string[] roles) => new(Guid.CreateVersion7(), $"{name}-{Guid.NewGuid():N}"[..20], roles);

    internal string HeaderValue => $"{Id};{Name};{string.Join(',', Roles)}";
}

internal sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var value = Request.Headers[Header].ToString();
        if (value.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = value.Split(';');
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, parts[0]), new(ClaimTypes.Name, parts[1]) };
        claims.AddRange(parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
