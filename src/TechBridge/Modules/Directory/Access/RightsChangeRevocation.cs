using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Outbox;

namespace TechBridge.Modules.Directory.Access;

// Credentials die with the rights they carried. Whatever a unit of work is about to save — a role added or removed, an
// admin grant given or taken, a new password, TOTP switched on or off, a new authenticator key, or anything else that
// moves the account's security stamp — the account's API tokens are deleted in the same transaction and its security
// stamp moves (Identity moves it itself for passwords and TOTP; roles and grants are ours), so the sign-in cookie is
// refused at its next validation too. Looking at the tracked changes rather than at each slice means no slice, page,
// seeder or future module can change a user's rights and leave an old token working. (It hooks the platform's
// before-save extension point, which the outbox also uses.)
internal sealed class RightsChangeRevocation : IOutboxSource
{
    // Identity's own store keeps the authenticator key under this provider; our single-use TOTP record is not a right.
    private const string IdentityStore = "[AspNetUserStore]";

    public void BeforeSave(DbContext db, IReadOnlyList<EntityEntry> changes, DateTimeOffset now)
    {
        var users = new HashSet<Guid>();
        foreach (var entry in changes)
        {
            switch (entry.Entity)
            {
                case IdentityUserRole<Guid> role when entry.State is EntityState.Added or EntityState.Deleted:
                    users.Add(role.UserId);
                    break;
                case AdminGrant grant:
                    users.Add(grant.UserId);
                    break;
                case IdentityUserToken<Guid> token when token.LoginProvider == IdentityStore:
                    users.Add(token.UserId);
                    break;
                case PlatformUser user when entry.State == EntityState.Modified
                    && (Changed(entry, nameof(PlatformUser.SecurityStamp)) || Changed(entry, nameof(PlatformUser.PasswordHash))
                        || Changed(entry, nameof(PlatformUser.TwoFactorEnabled))):
                    users.Add(user.Id);
                    break;
            }
        }

        foreach (var userId in users)
        {
            var account = db.ChangeTracker.Entries<PlatformUser>().FirstOrDefault(e => e.Entity.Id == userId);
            if (account?.State is EntityState.Added or EntityState.Deleted)
            {
                continue;
            }

            var user = account?.Entity ?? db.Find<PlatformUser>(userId);
            if (user is null)
            {
                continue;
            }

            if (!Changed(db.Entry(user), nameof(PlatformUser.SecurityStamp)))
            {
                user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
            }

            db.Set<ApiToken>().RemoveRange(db.Set<ApiToken>().Where(t => t.UserId == userId).ToList());
        }
    }

    // By value: Identity's store saves a user with Update(), which marks every property modified.
    private static bool Changed(EntityEntry entry, string property)
    {
        var value = entry.Property(property);
        return entry.State == EntityState.Modified && value.IsModified && !Equals(value.OriginalValue, value.CurrentValue);
    }
}
