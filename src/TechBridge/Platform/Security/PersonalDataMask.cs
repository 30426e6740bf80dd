namespace TechBridge.Platform.Security;

// PIPL: personal data (phone, e-mail) is masked in lists and exports unless the viewer needs it.
internal static class PersonalDataMask
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
}
