using System.Text.RegularExpressions;

namespace TechBridge.Platform.Security;

// PIPL: personal data (phone, e-mail) is masked in lists and exports unless the viewer needs it.
internal static partial class PersonalDataMask
{
    // 13812345678 → 138****5678; anything shorter than 7 characters keeps only its last character.
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return phone;
        }

        return phone.Length >= 7
            ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4))
            : string.Concat(new string('*', phone.Length - 1), phone.AsSpan(phone.Length - 1));
    }

    // alice@example.cn → a***@example.cn
    public static string? Email(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return email;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    // Free text that may quote personal data (an audit summary lists the values a change wrote): mobile and landline
    // numbers, e-mail addresses and resident ID numbers are masked wherever they stand.
    public static string InText(string text)
    {
        text = IdNumber().Replace(text, m => string.Concat(m.Groups[1].Value, "********", m.Groups[2].Value));
        text = MobileNumber().Replace(text, m => string.Concat(m.Groups[1].Value, "****", m.Groups[2].Value));
        text = LandlineNumber().Replace(text, m => string.Concat(m.Groups[1].Value, "****", m.Groups[2].Value));
        return EmailAddress().Replace(text, m => string.Concat(m.Groups[1].Value, "***@"));
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{6})(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(\d{3}[0-9Xx])(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])")]
    private static partial Regex MobileNumber();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(0\d{2,3}-?)\d{3,4}(\d{4})(?![0-9A-Za-z])")]
    private static partial Regex LandlineNumber();

    [GeneratedRegex(@"([A-Za-z0-9])[A-Za-z0-9._%+-]*@(?=[A-Za-z0-9.-]+\.[A-Za-z]{2,})")]
    private static partial Regex EmailAddress();
}
