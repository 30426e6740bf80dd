using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Listings.Data;

internal enum DemandVisibility
{
    Public = 1,
    // The enterprise's identity is shown only to brokers, admins of the demand's jurisdiction and the owner, until
    // the owner reveals it.
    Anonymous = 2,
}

// 技术需求 posted by an enterprise; as an open call (揭榜 / 众包) it collects proposals.
internal sealed class TechnologyDemand : Listing
{
    public override ListingKind Kind => ListingKind.Demand;

    public override string JurisdictionRegion => RegionCode;

    public required string Description { get; set; }

    public required string TechnologyFieldCode { get; set; }

    public string? SectorCode { get; set; }

    public string? IndustryCode { get; set; }

    public long? BudgetMinFen { get; set; }

    public long? BudgetMaxFen { get; set; }

    public DateOnly? Deadline { get; set; }

    // County-level region where the need is.
    public required string RegionCode { get; set; }

    public DemandVisibility Visibility { get; set; } = DemandVisibility.Public;

    public DateTimeOffset? IdentityRevealedAt { get; set; }

    public bool IsOpenCall { get; set; }

    // Set once the owner selects a proposal or none; proposals are closed from then on.
    public DateTimeOffset? OpenCallDecidedAt { get; set; }

    public Guid? SelectedProposalId { get; set; }

    public bool IdentityHidden => Visibility == DemandVisibility.Anonymous && IdentityRevealedAt is null;
}

internal sealed class TechnologyDemandConfiguration : IEntityTypeConfiguration<TechnologyDemand>
{
    public void Configure(EntityTypeBuilder<TechnologyDemand> builder)
    {
        builder.ConfigureListing("Listings_Demands");
        builder.Ignore(d => d.IdentityHidden);
        builder.Property(d => d.Description).HasMaxLength(8000);
        builder.Property(d => d.TechnologyFieldCode).HasMaxLength(32);
        builder.Property(d => d.SectorCode).HasMaxLength(32);
        builder.Property(d => d.IndustryCode).HasMaxLength(8);
        builder.Property(d => d.RegionCode).HasMaxLength(6);
        builder.HasIndex(d => d.TechnologyFieldCode);
        builder.HasIndex(d => d.RegionCode);
        builder.ToTable(t => t.HasCheckConstraint("CK_Listings_Demands_Budget",
            "(\"BudgetMinFen\" IS NULL OR \"BudgetMinFen\" >= 0) AND (\"BudgetMaxFen\" IS NULL OR \"BudgetMaxFen\" >= 0) AND (\"BudgetMinFen\" IS NULL OR \"BudgetMaxFen\" IS NULL OR \"BudgetMinFen\" <= \"BudgetMaxFen\")"));
    }
}

internal enum ProposalStatus
{
    Submitted = 1,
    Shortlisted = 2,
    Selected = 3,
    NotSelected = 4,
}

// An institution's answer to an open call. One per organization and call (a unique index).
internal sealed class Proposal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid DemandId { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Approach { get; set; }

    public long PriceFen { get; set; }

    public int DurationDays { get; set; }

    public required string Team { get; set; }

    public ProposalStatus Status { get; set; } = ProposalStatus.Submitted;

    // The owner's reason for the decision on this proposal (required for each when the call is decided).
    public string? DecisionReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public bool IsDemo { get; set; }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("Listings_Proposals", t =>
        {
            t.HasCheckConstraint("CK_Listings_Proposals_Price", "\"PriceFen\" >= 0");
            t.HasCheckConstraint("CK_Listings_Proposals_Duration", "\"DurationDays\" > 0");
        });
        builder.Property(p => p.Approach).HasMaxLength(8000);
        builder.Property(p => p.Team).HasMaxLength(2000);
        builder.Property(p => p.DecisionReason).HasMaxLength(1000);
        builder.Property(p => p.Status).IsConcurrencyToken();
        builder.HasIndex(p => new { p.DemandId, p.OrganizationId }).IsUnique();
        builder.HasOne<TechnologyDemand>().WithMany().HasForeignKey(p => p.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}
