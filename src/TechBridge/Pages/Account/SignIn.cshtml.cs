using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.Directory.Access;
using TechBridge.Modules.Directory.IssueToken;
using TechBridge.Platform.Localization;

namespace TechBridge.Pages.Account;

// Cookie sign-in for people: the same IssueTokenHandler as the token endpoint (password with lockout, TOTP where
// enrolled, enrolment where the role demands it), in steps: password → TOTP code, or password → set up TOTP.
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
internal sealed class SignInModel(
    IssueTokenHandler credentials,
    SignInManager<PlatformUser> signIn,
    UserManager<PlatformUser> users,
    SignInTicket tickets,
    TotpReplayGuard replay,
    IStringLocalizer<UiText> T) : PageModel
{
    public const string TotpStep = "totp";
    public const string EnrolStep = "enrol";

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? TotpCode { get; set; }

    [BindProperty]
    public string? Ticket { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string Step { get; private set; } = "password";

    public string? Error { get; private set; }

    public AuthenticatorSetup? Setup { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password) || Password.Length > PasswordPolicy.MaximumLength)
        {
            Error = T["Enter your user name and password."];
            return Page();
        }

        try
        {
            var user = await credentials.VerifyAsync(UserName.Trim(), Password, totpCode: null, requireEnrolledTotp: true);
            return await CompleteAsync(user);
        }
        catch (InvalidCredentialsException e) when (e.Code == "totp_required")
        {
            var user = (await users.FindByNameAsync(UserName.Trim()))!;
            Ticket = tickets.Issue(TotpStep, user.Id);
            Step = TotpStep;
        }
        catch (InvalidCredentialsException e) when (e.Code == "totp_enrolment_required")
        {
            var user = (await users.FindByNameAsync(UserName.Trim()))!;
            Setup = await AuthenticatorSetup.ForAsync(users, user, keepExisting: false);
            Ticket = tickets.Issue(EnrolStep, user.Id);
            Step = EnrolStep;
        }
        catch (InvalidCredentialsException e)
        {
            Error = MessageFor(e.Code);
        }

        Password = null;
        return Page();
    }

    public async Task<IActionResult> OnPostTotpAsync()
    {
        var user = await UserFromTicketAsync(TotpStep);
        if (user is null)
        {
            return Page();
        }

        Step = TotpStep;
        if (!await VerifyCodeAsync(user))
        {
            return Page();
        }

        return await CompleteAsync(user);
    }

    public async Task<IActionResult> OnPostEnrolAsync()
    {
        var user = await UserFromTicketAsync(EnrolStep);
        if (user is null)
        {
            return Page();
        }

        Step = EnrolStep;
        Setup = await AuthenticatorSetup.ForAsync(users, user, keepExisting: true);
        if (!await VerifyCodeAsync(user))
        {
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return await CompleteAsync(user);
    }

    private async Task<PlatformUser?> UserFromTicketAsync(string step)
    {
        var userId = tickets.Read(step, Ticket);
        var user = userId is null ? null : await users.FindByIdAsync(userId.Value.ToString());
        if (user is null)
        {
            Ticket = null;
            Error = T["The sign-in took too long. Please start again."];
            return null;
        }

        if (await users.IsLockedOutAsync(user))
        {
            Ticket = null;
            Error = MessageFor("locked_out");
            return null;
        }

        return user;
    }

    // A wrong code counts as a failed attempt, so guessing codes ends in the lockout like guessing passwords.
    private async Task<bool> VerifyCodeAsync(PlatformUser user)
    {
        var code = (TotpCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        TotpCode = null;
        if (code.Length > 0 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            && await replay.ClaimAsync(user.Id, code, HttpContext.RequestAborted))
        {
            return true;
        }

        await users.AccessFailedAsync(user);
        Error = await users.IsLockedOutAsync(user) ? MessageFor("locked_out") : T["The code is wrong or expired. Enter the current code from your authenticator app."];
        if (await users.IsLockedOutAsync(user))
        {
            Ticket = null;
            Step = "password";
        }

        return false;
    }

    private async Task<IActionResult> CompleteAsync(PlatformUser user)
    {
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private string MessageFor(string? code) => code switch
    {
        "locked_out" => T["Too many failed attempts: the account is locked for a while. Try again later or ask the system administrator."],
        _ => T["The user name or password is wrong."],
    };
}
