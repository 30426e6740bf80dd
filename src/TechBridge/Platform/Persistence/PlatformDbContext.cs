using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace TechBridge.Platform.Persistence;

// One DbContext for the whole product; each module contributes IEntityTypeConfiguration classes in its Data folder.
// Two derived types exist only so that each provider has its own migrations (EF "migrations with multiple providers").
internal abstract class PlatformDbContext(DbContextOptions options)
    : IdentityDbContext<PlatformUser, PlatformRole, Guid>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PlatformUser>().ToTable("Directory_Users");
        builder.Entity<PlatformRole>().ToTable("Directory_Roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("Directory_UserRoles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("Directory_UserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("Directory_UserLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("Directory_UserTokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("Directory_RoleClaims");
        builder.ApplyConfigurationsFromAssembly(typeof(PlatformDbContext).Assembly);
    }
}

internal sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : PlatformDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset in SQL; store instants as UTC ticks.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

internal sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options) : PlatformDbContext(options);
