using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TechBridge.Modules.Directory.Access;

// Puts the display name into the sign-in cookie, so the layout can greet the user without a database read.
internal sealed class PlatformClaimsFactory(UserManager<PlatformUser> users, RoleManager<PlatformRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PlatformUser, PlatformRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PlatformUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }
}
