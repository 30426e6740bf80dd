using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using TechBridge.Modules.Directory.Access;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.IssueToken;

internal sealed record TokenRequest(string? UserName, string? Password, string? TotpCode);

internal sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

// POST /api/v1/auth/token: user name + password (+ TOTP once enrolled) → an opaque bearer token.
internal static class IssueTokenEndpoint
{
    public static RouteGroupBuilder MapIssueToken(this RouteGroupBuilder auth)
    {
        auth.MapPost("/token", HandleAsync)
            .WithName("IssueToken")
            .WithSummary("Exchanges a user name, password and (once enrolled) a TOTP code for a bearer token.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return auth;
    }

    private static async Task<Ok<TokenResponse>> HandleAsync(TokenRequest request, IssueTokenHandler credentials, PlatformDbContext db, TimeProvider clock, IConfiguration configuration, CancellationToken cancellationToken)
    {
        new Validation().Required("userName", request.UserName).Required("password", request.Password)
            .MaxLength("userName", request.UserName, 256).MaxLength("password", request.Password, PasswordPolicy.MaximumLength).ThrowIfInvalid();
        var user = await credentials.VerifyAsync(request.UserName!, request.Password!, request.TotpCode, requireEnrolledTotp: true);

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var lifetime = TimeSpan.FromHours(configuration.GetValue("Authentication:TokenLifetimeHours", 8.0));
        var issued = new ApiToken { UserId = user.Id, TokenHash = ApiTokenAuthentication.Hash(token), CreatedAt = now, ExpiresAt = now + lifetime };
        db.Add(issued);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new TokenResponse(token, issued.ExpiresAt));
    }
}

// Checks a sign-in: password (with lockout), then TOTP where the account has it or its role demands it.
// Used by the token endpoint, TOTP enrolment and the sign-in page, so all three follow one rule.
internal sealed class IssueTokenHandler(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, ActorContext actor, DemoMode demo, TotpReplayGuard replay)
{
    // A hash of a random password with the platform's hasher and its cost, checked against when there is no account.
    private static readonly Lazy<string> TimingHash = new(() =>
        new PasswordHasher<PlatformUser>().HashPassword(new PlatformUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public async Task<PlatformUser> VerifyAsync(string userName, string password, string? totpCode, bool requireEnrolledTotp)
    {
        actor.UserName = userName;
        var user = await users.FindByNameAsync(userName);

        // An unknown account and a locked one answer exactly as a wrong password does, after the same work (one
        // password hash check), so neither the answer nor its time tells whether an account exists or is locked.
        if (user is null || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new PlatformUser(), TimingHash.Value, password);
            throw new InvalidCredentialsException("invalid_credentials", "The user name or password is wrong.");
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new InvalidCredentialsException("invalid_credentials", "The user name or password is wrong.");
        }

        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            throw new InvalidCredentialsException("invalid_credentials", "The user name or password is wrong.");
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrWhiteSpace(totpCode))
            {
                throw new InvalidCredentialsException("totp_required", "This account signs in with a TOTP code: send totpCode.");
            }

            var code = totpCode.Replace(" ", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
                || !await replay.ClaimAsync(user.Id, code))
            {
                await users.AccessFailedAsync(user);
                throw new InvalidCredentialsException("totp_invalid", "The TOTP code is wrong or expired.");
            }
        }
        else if (requireEnrolledTotp && !(demo.IsOn && user.IsDemo))
        {
            var roles = await users.GetRolesAsync(user);
            if (roles.Intersect(Roles.RequireTotp).Any())
            {
                throw new InvalidCredentialsException("totp_enrolment_required", "This role requires TOTP: enrol an authenticator first (POST /api/v1/auth/totp).");
            }
        }

        return user;
    }
}

internal sealed class InvalidCredentialsException(string code, string message) : ProblemException(message)
{
    public override string? Code { get; } = code;

    public override int Status => StatusCodes.Status401Unauthorized;
}

// Demo mode: Development or Testing (DemoShortcuts: never Staging or Production), and demo data seeded here (Database:SeedDemo) or already present in a database
// prepared elsewhere (Demo:Enabled, e.g. a cloned test template). Only then are demo admin accounts spared TOTP.
internal sealed class DemoMode(DatabaseOptions options, IHostEnvironment environment, IConfiguration configuration)
{
    public bool IsOn { get; } = (options.SeedDemo || configuration.GetValue("Demo:Enabled", false)) && DemoShortcuts.Allowed(environment);
}
