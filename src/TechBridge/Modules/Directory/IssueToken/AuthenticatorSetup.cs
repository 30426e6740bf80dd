using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace TechBridge.Modules.Directory.IssueToken;

// What a person needs to add the account to an authenticator app: the key (to type), the otpauth URI and a QR
// code of it as a PNG data URI (rendered on the server: the page needs no script).
internal sealed record AuthenticatorSetup(string SharedKey, string Uri, string QrCodeDataUri)
{
    public string GroupedKey => string.Join(' ', SharedKey.Chunk(4).Select(c => new string(c)));

    public static string UriFor(string userName, string sharedKey) =>
        $"otpauth://totp/TechBridge:{System.Uri.EscapeDataString(userName)}?secret={sharedKey}&issuer=TechBridge&digits=6&period=30";

    // Starts over with a fresh key unless `keepExisting` and the account already has one (a retry of the same setup).
    public static async Task<AuthenticatorSetup> ForAsync(UserManager<PlatformUser> users, PlatformUser user, bool keepExisting)
    {
        if (!keepExisting || await users.GetAuthenticatorKeyAsync(user) is null)
        {
            await users.ResetAuthenticatorKeyAsync(user);
        }

        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var uri = UriFor(user.UserName!, key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        return new AuthenticatorSetup(key, uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }
}

// A short-lived, tamper-proof note carried between the steps of a page sign-in ("password checked for user X at T"),
// so the TOTP step neither asks for the password again nor keeps it.
internal sealed class SignInTicket(IDataProtectionProvider protection, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly IDataProtector protector = protection.CreateProtector("TechBridge.SignInTicket");

    public string Issue(string step, Guid userId) => protector.Protect($"{step}|{userId}|{clock.GetUtcNow().UtcTicks}");

    public Guid? Read(string step, string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(ticket).Split('|');
            return parts.Length == 3 && parts[0] == step && Guid.TryParse(parts[1], out var userId)
                && long.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                && clock.GetUtcNow().UtcTicks - ticks <= Lifetime.Ticks
                ? userId
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
