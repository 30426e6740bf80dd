using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.Directory.Access;
using TechBridge.Platform.Localization;

namespace TechBridge.Pages.Account;

// Self-service registration of a person. Organizations are registered afterwards (onboarding); platform roles are
// only ever given by the system admin.
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
internal sealed class SignUpModel(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, TimeProvider clock, IStringLocalizer<UiText> T) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    // The user agreement and privacy notice (Pages/Help), accepted at sign-up; the account records which version.
    [BindProperty]
    public bool AcceptTerms { get; set; }

    public const string TermsClaim = "terms_accepted";

    public async Task<IActionResult> OnPostAsync()
    {
        UserName = UserName?.Trim();
        DisplayName = DisplayName?.Trim();
        Email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        ModelState.Clear();
        Validate();
        if (!ModelState.IsValid)
        {
            Password = null;
            return Page();
        }

        var user = new PlatformUser
        {
            UserName = UserName,
            DisplayName = DisplayName!,
            Email = Email,
            PhoneNumber = Phone,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserName) : nameof(Password), MessageFor(error));
            }

            Password = null;
            return Page();
        }

        // Version and instant of acceptance, kept with the account (an audited write, like every change of a user).
        await users.AddClaimAsync(user, new System.Security.Claims.Claim(TermsClaim,
            $"{Help.AgreementModel.Version}@{clock.GetUtcNow():O}"));
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/");
    }

    private void Validate()
    {
        if (!AcceptTerms)
        {
            ModelState.AddModelError(nameof(AcceptTerms), T["Please read and accept the user agreement and the privacy notice."]);
        }

        if (string.IsNullOrEmpty(UserName) || UserName.Length < 3 || UserName.Length > 64 || !UserName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            ModelState.AddModelError(nameof(UserName), T["The user name has 3 to 64 characters: letters, digits, dot, underscore or hyphen."]);
        }

        if (string.IsNullOrEmpty(DisplayName) || DisplayName.Length > 100)
        {
            ModelState.AddModelError(nameof(DisplayName), T["Enter the name to show (at most 100 characters)."]);
        }

        foreach (var (rule, _) in PasswordPolicy.Check(Password ?? "", UserName))
        {
            ModelState.AddModelError(nameof(Password), PolicyMessage(rule));
        }

        if (Email is not null && (Email.Length > 256 || !new EmailAddressAttribute().IsValid(Email)))
        {
            ModelState.AddModelError(nameof(Email), T["Enter a valid e-mail address, or leave it empty."]);
        }

        if (Phone is not null && (Phone.Length > 32 || !Phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ')))
        {
            ModelState.AddModelError(nameof(Phone), T["Enter a phone number with digits (+, - and spaces allowed), or leave it empty."]);
        }
    }

    private string PolicyMessage(string rule) => rule switch
    {
        "minLength" => T["The password must have at least {0} characters.", PasswordPolicy.MinimumLength],
        "maxLength" => T["The password may have at most {0} characters.", PasswordPolicy.MaximumLength],
        "commonPassword" => T["This password is on the list of commonly used passwords. Choose another one."],
        "containsUserName" => T["The password must not contain the user name."],
        _ => T["The password is not accepted."],
    };

    private string MessageFor(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" => T["This user name is taken."],
        "InvalidUserName" => T["The user name has 3 to 64 characters: letters, digits, dot, underscore or hyphen."],
        _ => PolicyMessage(error.Code),
    };
}
