using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Platform.Security;

internal sealed class PlatformUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    // Seeded demo account: TOTP is waived for it while the platform runs in demo mode, never otherwise.
    public bool IsDemo { get; set; }
}

internal sealed class PlatformRole : IdentityRole<Guid>;

internal sealed class PlatformUserConfiguration : IEntityTypeConfiguration<PlatformUser>
{
    public void Configure(EntityTypeBuilder<PlatformUser> builder) => builder.Property(u => u.DisplayName).HasMaxLength(100);
}
