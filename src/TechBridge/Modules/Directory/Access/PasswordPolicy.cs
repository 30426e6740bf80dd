using Microsoft.AspNetCore.Identity;

namespace TechBridge.Modules.Directory.Access;

// OWASP ASVS 5: at least 12 characters, at least 64 accepted, no composition rules, and not a commonly used
// password (the deny list shipped in Data/passwords).
internal sealed class PasswordPolicy : IPasswordValidator<PlatformUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> DenyList = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "passwords", "common-passwords.txt");
        return File.Exists(path)
            ? new HashSet<string>(File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#'), StringComparer.OrdinalIgnoreCase)
            : [];
    });

    public static IEnumerable<(string Rule, string Message)> Check(string password, string? userName)
    {
        if (password.Length < MinimumLength)
        {
            yield return ("minLength", $"The password must have at least {MinimumLength} characters.");
        }

        if (password.Length > MaximumLength)
        {
            yield return ("maxLength", $"The password may have at most {MaximumLength} characters.");
        }

        if (DenyList.Value.Contains(password))
        {
            yield return ("commonPassword", "This password is on the list of commonly used passwords.");
        }

        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            yield return ("containsUserName", "The password must not contain the user name.");
        }
    }

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password)
    {
        var errors = Check(password ?? "", user.UserName).Select(e => new IdentityError { Code = e.Rule, Description = e.Message }).ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }
}
