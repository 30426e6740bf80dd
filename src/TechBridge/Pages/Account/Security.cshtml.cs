using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.Directory.Access;
using TechBridge.Modules.Directory.IssueToken;
using TechBridge.Platform.Localization;

namespace TechBridge.Pages.Account;

// The signed-in user's own security settings: the authenticator (TOTP) and the password.
[Authorize]
[OwnSessionOnly]
internal sealed class SecurityModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, IStringLocalizer<UiText> T, TotpReplayGuard replay) : PageModel
{
    public bool TotpEnabled { get; private set; }

    public AuthenticatorSetup? Setup { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? TotpCode { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public List<string> PasswordErrors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        TotpEnabled = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostBeginTotpAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        TotpEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (!TotpEnabled)
        {
            Setup = await AuthenticatorSetup.ForAsync(users, user, keepExisting: false);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmTotpAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }

        var code = (TotpCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        TotpCode = null;
        if (await users.GetAuthenticatorKeyAsync(user) is null || code.Length == 0
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            || !await replay.ClaimAsync(user.Id, code, HttpContext.RequestAborted))
        {
            Error = T["The code is wrong or expired. Enter the current code from your authenticator app."];
            Setup = await AuthenticatorSetup.ForAsync(users, user, keepExisting: true);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        Message = T["The authenticator is on: from now on you sign in with a code."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await CurrentUserAsync();
        if (user is null)
        {
            return Challenge();
        }

        TotpEnabled = await users.GetTwoFactorEnabledAsync(user);
        foreach (var (rule, _) in PasswordPolicy.Check(NewPassword ?? "", user.UserName))
        {
            PasswordErrors.Add(rule switch
            {
                "minLength" => T["The password must have at least {0} characters.", PasswordPolicy.MinimumLength],
                "maxLength" => T["The password may have at most {0} characters.", PasswordPolicy.MaximumLength],
                "commonPassword" => T["This password is on the list of commonly used passwords. Choose another one."],
                _ => T["The password must not contain the user name."],
            });
        }

        // The current password is checked as a sign-in is (a wrong one counts toward the lockout), so a session left
        // open cannot be used to guess it.
        if (PasswordErrors.Count == 0)
        {
            var check = await signIn.CheckPasswordSignInAsync(user, CurrentPassword ?? "", lockoutOnFailure: true);
            if (check.IsLockedOut)
            {
                await signIn.SignOutAsync();
                return RedirectToPage("/Account/SignIn");
            }

            if (!check.Succeeded && !check.RequiresTwoFactor)
            {
                PasswordErrors.Add(T["The current password is wrong."]);
            }
        }

        if (PasswordErrors.Count == 0)
        {
            var changed = await users.ChangePasswordAsync(user, CurrentPassword ?? "", NewPassword!);
            if (changed.Succeeded)
            {
                await signIn.RefreshSignInAsync(user);
                Message = T["Your password is changed."];
                return RedirectToPage();
            }

            PasswordErrors.Add(changed.Errors.Any(e => e.Code == "PasswordMismatch")
                ? T["The current password is wrong."]
                : T["The password is not accepted."]);
        }

        CurrentPassword = null;
        NewPassword = null;
        return Page();
    }

    private Task<PlatformUser?> CurrentUserAsync() => users.GetUserAsync(User);
}
