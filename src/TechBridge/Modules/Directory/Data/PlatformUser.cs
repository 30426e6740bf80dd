using Microsoft.AspNetCore.Identity;

namespace TechBridge.Modules.Directory.Data;

internal sealed class PlatformUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class PlatformRole : IdentityRole<Guid>;
