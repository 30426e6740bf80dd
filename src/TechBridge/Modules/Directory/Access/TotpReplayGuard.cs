using Microsoft.AspNetCore.Identity;

namespace TechBridge.Modules.Directory.Access;

// A TOTP code is accepted once only (RFC 6238 §5.2). Identity accepts a code for its 30-second step and the steps
// beside it, so a code seen over someone's shoulder or replayed from a log would work again for about a minute and a
// half. The last accepted code is kept beside the account (Identity's token table, provider "TechBridge") and claimed by
// a compare-and-swap in the database: of two requests with the same code, one wins.
internal sealed class TotpReplayGuard(PlatformDbContext db, TimeProvider clock)
{
    private const string Provider = "TechBridge";
    private const string Name = "LastTotp";

    // Longer than any window in which Identity still accepts the same code.
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(3);

    public async Task<bool> ClaimAsync(Guid userId, string code, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var claim = $"{code}|{now.UtcTicks}";
        var tokens = db.Set<IdentityUserToken<Guid>>();
        var previous = await tokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == Name)
            .Select(t => t.Value).FirstOrDefaultAsync(cancellationToken);
        if (previous is null)
        {
            var row = new IdentityUserToken<Guid> { UserId = userId, LoginProvider = Provider, Name = Name, Value = claim };
            tokens.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another request claimed a first code at the same moment.
                db.Entry(row).State = EntityState.Detached;
                return false;
            }
        }

        var parts = previous.Split('|');
        if (parts[0] == code && parts.Length == 2 && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && now.UtcTicks - ticks < Remembered.Ticks)
        {
            return false;
        }

        return await tokens
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == Name && t.Value == previous)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, claim), cancellationToken) == 1;
    }
}
