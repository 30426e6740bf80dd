using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Auditing;
using TechBridge.Platform.Files;
using TechBridge.Platform.Localization;

namespace TechBridge.Modules.Directory.ManageUsers;

internal sealed record UserSummary(Guid Id, string UserName, string DisplayName, string? Email, string? Phone, IReadOnlyList<string> Roles, bool LockedOut, bool TotpEnabled);

internal sealed record GrantView(string Permission, string Jurisdiction);

internal sealed record UserDetail(
    Guid Id, string UserName, string DisplayName, string? Email, string? Phone, IReadOnlyList<string> Roles,
    IReadOnlyList<GrantView> Grants, DateTimeOffset? LockedUntil, bool TotpEnabled, bool IsDemo, DateTimeOffset CreatedAt);

// What the system admin (role SystemAdmin) does to accounts: list, inspect, roles, admin grants, lock, TOTP reset,
// export. The API and the /Admin/Users page both call this, so both follow one set of rules. The system admin
// manages accounts but approves nothing: grants give others permissions, IAccess never counts them for a system admin.
internal sealed class ManageUsersHandler(UserManager<PlatformUser> users, PlatformDbContext db, AuditTrail audit, TimeProvider clock, PermissionRegistry permissions, IStringLocalizer<UiText> t)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<UserSummary>> ListAsync(string? name, string? role, CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(name))
        {
            var pattern = $"%{name.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = query.Where(u => EF.Functions.Like(u.UserName!, pattern) || EF.Functions.Like(u.DisplayName, pattern));
        }

        if (!string.IsNullOrWhiteSpace(role))
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        var page = await query.OrderBy(u => u.UserName).Take(PageSize)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Email, u.PhoneNumber, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await RolesOfAsync(ids, cancellationToken);
        var now = clock.GetUtcNow();
        return page.Select(u => new UserSummary(
            u.Id, u.UserName ?? "", u.DisplayName, PersonalDataMask.Email(u.Email), PersonalDataMask.Phone(u.PhoneNumber),
            roles.TryGetValue(u.Id, out var r) ? r : [], u.LockoutEnd > now, u.TwoFactorEnabled)).ToList();
    }

    // One user's detail, unmasked: the system admin needs the contact data to reach the person.
    public async Task<UserDetail> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("The user");
        var roles = await RolesOfAsync([id], cancellationToken);
        var grants = await db.Set<AdminGrant>().AsNoTracking().Where(g => g.UserId == id)
            .OrderBy(g => g.Permission).ThenBy(g => g.JurisdictionCode)
            .Select(g => new GrantView(g.Permission, g.JurisdictionCode)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new UserDetail(
            user.Id, user.UserName ?? "", user.DisplayName, user.Email, user.PhoneNumber, roles.TryGetValue(id, out var r) ? r : [],
            grants, user.LockoutEnd > now ? user.LockoutEnd : null, user.TwoFactorEnabled, user.IsDemo, user.CreatedAt);
    }

    public async Task AddRoleAsync(Guid id, string? role)
    {
        var user = await FindAsync(id);
        RequireKnownRole(role);
        if (!await users.IsInRoleAsync(user, role!))
        {
            Check(await users.AddToRoleAsync(user, role!));
            Check(await users.UpdateSecurityStampAsync(user));
        }
        else
        {
            await NoteUnchangedAsync(id, $"role {role} already held; nothing changed");
        }
    }

    public async Task RemoveRoleAsync(Guid id, string? role, Guid actingUserId)
    {
        var user = await FindAsync(id);
        RequireKnownRole(role);
        if (id == actingUserId && role == Roles.SystemAdmin)
        {
            // Otherwise the last system admin could leave the platform without anyone to manage accounts.
            throw new ConflictException("cannot_demote_self", "You cannot take the system admin role from yourself.");
        }

        if (await users.IsInRoleAsync(user, role!))
        {
            Check(await users.RemoveFromRoleAsync(user, role!));
            Check(await users.UpdateSecurityStampAsync(user));
        }
        else
        {
            await NoteUnchangedAsync(id, $"role {role} not held; nothing changed");
        }
    }

    public async Task GrantAsync(Guid id, string? permission, string? jurisdiction, CancellationToken cancellationToken)
    {
        await FindAsync(id);
        ValidateGrant(permission, jurisdiction);
        if (!await db.Set<AdminGrant>().AnyAsync(g => g.UserId == id && g.Permission == permission && g.JurisdictionCode == jurisdiction, cancellationToken))
        {
            db.Add(new AdminGrant { UserId = id, Permission = permission!, JurisdictionCode = jurisdiction! });
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            await NoteUnchangedAsync(id, $"grant {permission} for {jurisdiction} already held; nothing changed", cancellationToken);
        }
    }

    // A repeated role or grant change alters no row, yet someone asked for a change of privileges: that request is a
    // security event and stays on the audit trail.
    private async Task NoteUnchangedAsync(Guid id, string summary, CancellationToken cancellationToken = default)
    {
        audit.Note(nameof(PlatformUser), id.ToString(), summary);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RevokeAsync(Guid id, string? permission, string? jurisdiction, CancellationToken cancellationToken)
    {
        await FindAsync(id);
        var grant = await db.Set<AdminGrant>().FirstOrDefaultAsync(g => g.UserId == id && g.Permission == permission && g.JurisdictionCode == jurisdiction, cancellationToken)
            ?? throw new NotFoundException("The grant");
        db.Remove(grant);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Locks until unlocked; bearer tokens of a locked account stop working at once (ApiTokenAuthentication), its
    // sign-in cookies at the next security-stamp check. Changes of roles and TOTP also renew the stamp: the person
    // signs in again and gets a cookie with the new roles.
    public async Task LockAsync(Guid id, Guid actingUserId)
    {
        if (id == actingUserId)
        {
            throw new ConflictException("cannot_lock_self", "You cannot lock your own account.");
        }

        var user = await FindAsync(id);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task UnlockAsync(Guid id)
    {
        var user = await FindAsync(id);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    // For a lost authenticator: TOTP off and the key replaced; an admin role makes the user enrol again at sign-in.
    public async Task ResetTotpAsync(Guid id)
    {
        var user = await FindAsync(id);
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    // CSV of the filtered list, masked like the list; the export itself is an audited event.
    public async Task<string> ExportCsvAsync(string? name, string? role, CancellationToken cancellationToken)
    {
        var list = await ListAsync(name, role, cancellationToken);
        var csv = new StringBuilder(Csv.Line("userName", "displayName", "email", "phone", "roles", "lockedOut", "totpEnabled"));
        foreach (var u in list)
        {
            csv.Append(Csv.Line(u.UserName, u.DisplayName, u.Email, u.Phone, string.Join(';', u.Roles), u.LockedOut ? "true" : "false", u.TotpEnabled ? "true" : "false"));
        }

        audit.Note("UserList", "export", $"Exported {list.Count} users (name filter '{name}', role filter '{role}').");
        await db.SaveChangesAsync(cancellationToken);
        return csv.ToString();
    }

    // The same list for people (xlsx): headers in the reader's language, roles and states as words, contact data
    // masked as on the page; noted in the audit trail like the CSV.
    public async Task<ExportTable> ExportTableAsync(string? name, string? role, CancellationToken cancellationToken)
    {
        var list = await ListAsync(name, role, cancellationToken);
        var headers = new[] { t["User name"].Value, t["Name to show"].Value, t["E-mail"].Value, t["Mobile phone"].Value, t["Platform roles"].Value, t["Locked"].Value, t["Authenticator app (TOTP)"].Value };
        var rows = list.Select(u => new[]
        {
            u.UserName, u.DisplayName, u.Email, u.Phone, string.Join("、", u.Roles.Select(r => t[DisplayNames.Of(r)].Value)),
            u.LockedOut ? t["Yes"].Value : t["No"].Value, u.TotpEnabled ? t["On"].Value : t["Off"].Value,
        }).ToList<string?[]>();
        audit.Note("UserList", "export", $"Exported {list.Count} users as xlsx (name filter '{name}', role filter '{role}').");
        await db.SaveChangesAsync(cancellationToken);
        return new ExportTable(headers, rows);
    }

    private async Task<Dictionary<Guid, IReadOnlyList<string>>> RolesOfAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Name!).Order(StringComparer.Ordinal).ToList());
    }

    private async Task<PlatformUser> FindAsync(Guid id) => await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException("The user");

    private static void RequireKnownRole(string? role)
    {
        if (!Roles.All.Contains(role))
        {
            throw InvalidRequestException.For("role", "oneOf", $"role must be one of: {string.Join(", ", Roles.All)}.");
        }
    }

    private void ValidateGrant(string? permission, string? jurisdiction)
    {
        var validation = new Validation();
        if (!permissions.Contains(permission))
        {
            validation.Add("permission", "oneOf", $"permission must be one of: {string.Join(", ", permissions.All)}.");
        }

        if (!IsJurisdiction(jurisdiction))
        {
            validation.Add("jurisdiction", "jurisdiction", "jurisdiction must be a jurisdiction code (11, 12, 13, a Hebei city such as 1301, XIONGAN, 130181, 130682).");
        }

        validation.ThrowIfInvalid();
    }

    // A jurisdiction code is one that Jurisdictions.Of gives for itself: a province, a Hebei city, 雄安 or 辛集/定州.
    // What a grant form offers: the jurisdiction tree (Beijing, Tianjin, Hebei, its cities, 雄安新区, 辛集, 定州) by name.
    public async Task<IReadOnlyList<(string Code, string Name)>> JurisdictionChoicesAsync(CancellationToken cancellationToken) =>
        (await Reference.ReferenceEndpoints.JurisdictionTreeAsync(db, cancellationToken)).Select(j => (j.Code, j.Name)).ToList();

    private static bool IsJurisdiction(string? code) =>
        code == Jurisdictions.Xiongan
        || (code is { Length: 2 or 4 or 6 } && code.All(char.IsAsciiDigit) && code is not "1300"
            && code[..2] is Jurisdictions.Beijing or Jurisdictions.Tianjin or Jurisdictions.Hebei
            && Jurisdictions.Of(code) == code
            && (code.Length != 4 || string.CompareOrdinal(code, "1311") <= 0));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new ConflictException("identity", string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
