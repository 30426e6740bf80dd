using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace TechBridge.Platform.Navigation;

// The navigation entries this user may see, by group and order (Pages/Shared/_Navigation.cshtml renders them).
internal sealed class SiteNavigation(IEnumerable<NavigationEntry> entries, IAuthorizationService authorization, IEnumerable<IPermissionHolder> holders)
{
    public async Task<ILookup<NavigationGroup, NavigationEntry>> VisibleAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var visible = new List<NavigationEntry>();
        foreach (var entry in entries.OrderBy(e => e.Group).ThenBy(e => e.Order))
        {
            if (await SeesAsync(user, entry, cancellationToken))
            {
                visible.Add(entry);
            }
        }

        return visible.ToLookup(e => e.Group);
    }

    private async Task<bool> SeesAsync(ClaimsPrincipal user, NavigationEntry entry, CancellationToken cancellationToken)
    {
        var signedIn = user.Identity?.IsAuthenticated == true;
        switch (entry.Audience)
        {
            case NavigationAudience.Everyone:
                return true;
            case NavigationAudience.SignedIn:
                return signedIn;
            case NavigationAudience.Role:
                return signedIn && user.IsInRole(entry.Requirement!);
            case NavigationAudience.Policy:
                return signedIn && (await authorization.AuthorizeAsync(user, entry.Requirement!)).Succeeded;
            case NavigationAudience.Permission:
                // Queue links only for the permissions the admin actually holds somewhere; the auditor reads every queue.
                if (AuditorReadOnly.IsOnlyAuditor(user))
                {
                    return true;
                }

                if (!user.IsInRole(Roles.Admin))
                {
                    return false;
                }

                foreach (var holder in holders)
                {
                    if (await holder.HoldsAnywhereAsync(entry.Requirement!, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
