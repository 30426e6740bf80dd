using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using TechBridge.Modules.Directory.Access;

namespace TechBridge.Modules.Directory.IssueToken;

internal sealed record TotpEnrolRequest(string? UserName, string? Password);

internal sealed record TotpEnrolResponse(string SharedKey, string AuthenticatorUri);

internal sealed record TotpConfirmRequest(string? UserName, string? Password, string? TotpCode);

// TOTP enrolment by credentials, so that an admin without TOTP (who cannot get a token yet) can enrol:
// POST /totp returns a fresh shared key; POST /totp/confirm with a code from the authenticator switches TOTP on.
internal static class EnrolTotpEndpoints
{
    public static RouteGroupBuilder MapEnrolTotp(this RouteGroupBuilder auth)
    {
        auth.MapPost("/totp", BeginAsync)
            .WithName("BeginTotpEnrolment")
            .WithSummary("Creates a new authenticator key for the account (TOTP, RFC 6238, 30 s, 6 digits).")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/totp/confirm", ConfirmAsync)
            .WithName("ConfirmTotpEnrolment")
            .WithSummary("Switches TOTP on after checking a code from the authenticator.")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return auth;
    }

    private static async Task<Ok<TotpEnrolResponse>> BeginAsync(TotpEnrolRequest request, IssueTokenHandler credentials, UserManager<PlatformUser> users)
    {
        new Validation().Required("userName", request.UserName).Required("password", request.Password).ThrowIfInvalid();
        var user = await credentials.VerifyAsync(request.UserName!, request.Password!, totpCode: null, requireEnrolledTotp: false);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            throw new ConflictException("totp_already_enrolled", "TOTP is already on for this account.");
        }

        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        return TypedResults.Ok(new TotpEnrolResponse(key, AuthenticatorSetup.UriFor(user.UserName!, key)));
    }

    private static async Task<NoContent> ConfirmAsync(TotpConfirmRequest request, IssueTokenHandler credentials, UserManager<PlatformUser> users, TotpReplayGuard replay)
    {
        new Validation().Required("userName", request.UserName).Required("password", request.Password).Required("totpCode", request.TotpCode).ThrowIfInvalid();
        var user = await credentials.VerifyAsync(request.UserName!, request.Password!, totpCode: null, requireEnrolledTotp: false);
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            throw new ConflictException("totp_already_enrolled", "TOTP is already on for this account.");
        }

        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            throw new ConflictException("totp_not_started", "Start the enrolment first (POST /api/v1/auth/totp).");
        }

        // The code that switches TOTP on is used up like a sign-in code: replayed at sign-in it is refused.
        var code = request.TotpCode!.Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            || !await replay.ClaimAsync(user.Id, code))
        {
            throw InvalidRequestException.For("totpCode", "totp", "The code does not match the authenticator key.");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return TypedResults.NoContent();
    }
}
