using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Directory.Data;

internal enum GroupKind
{
    // 产业技术创新联盟: led by one organization.
    Alliance = 1,

    // 科技服务业集聚区.
    Cluster = 2,

    // 高新技术产业开发区.
    HighTechZone = 3,

    // 县域特色产业集群 (Data/reference/county-clusters.csv).
    CountyCluster = 4,
}

// An alliance, cluster or zone: organizations grouped for the plan's counts and for dashboards.
internal sealed class OrganizationGroup
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public GroupKind Kind { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    // Where the group is (city 4 or county 6 digits); for an alliance, its lead organization's region.
    public required string RegionCode { get; set; }

    public Guid? LeadOrganizationId { get; set; }

    // For a county cluster: its code in county-clusters.csv.
    public string? ReferenceCode { get; set; }

    public string? SectorCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDemo { get; set; }

    public List<GroupMember> Members { get; set; } = [];
}

internal sealed class GroupMember
{
    public Guid GroupId { get; set; }

    public Guid OrganizationId { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}

internal sealed class OrganizationGroupConfiguration : IEntityTypeConfiguration<OrganizationGroup>
{
    public void Configure(EntityTypeBuilder<OrganizationGroup> builder)
    {
        builder.ToTable("Directory_Groups");
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.NameEn).HasMaxLength(200);
        builder.Property(g => g.RegionCode).HasMaxLength(6);
        builder.Property(g => g.ReferenceCode).HasMaxLength(64);
        builder.Property(g => g.SectorCode).HasMaxLength(32);
        builder.HasIndex(g => new { g.Kind, g.Name }).IsUnique();
        builder.HasIndex(g => g.RegionCode);
        builder.HasOne<Organization>().WithMany().HasForeignKey(g => g.LeadOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("Directory_GroupMembers");
        builder.HasKey(m => new { m.GroupId, m.OrganizationId });
        builder.HasIndex(m => m.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
