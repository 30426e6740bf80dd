using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Engagements.Data;

// Open → InDiscussion → (one side proposes, the other confirms) Agreed / Declined (with a reason code) → Closed; the
// interested organization may withdraw its interest while nothing is agreed.
internal enum EngagementStatus
{
    Open = 1,
    InDiscussion = 2,
    Agreed = 3,
    Declined = 4,
    Closed = 5,
    Withdrawn = 6,
}

// An organization's interest in someone else's published listing, and the conversation that follows. For an
// anonymous demand a broker mediates and the enterprise stays unnamed to the interested party until revealed.
internal sealed class Engagement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    // "offering", "demand" or "achievement" (the Listings contract's names).
    public required string ListingKind { get; set; }

    public Guid ListingId { get; set; }

    // A copy taken when interest was expressed, so lists need no call into Listings.
    public required string ListingTitle { get; set; }

    public Guid ListingOrganizationId { get; set; }

    public Guid InterestedOrganizationId { get; set; }

    // The listing's jurisdiction: its admins may read the thread.
    public required string JurisdictionRegion { get; set; }

    // The listing was an anonymous demand with its enterprise hidden when interest was expressed.
    public bool Anonymous { get; set; }

    // Set when the enterprise names itself to this counterpart.
    public DateTimeOffset? IdentityRevealedAt { get; set; }

    // The broker (a user in the Broker role) who took on the mediation.
    public Guid? BrokerUserId { get; set; }

    // The concurrency token: each transition is UPDATE … WHERE Status = <the status it was read in>; the loser of a
    // race updates no row and gets 409.
    public EngagementStatus Status { get; set; } = EngagementStatus.Open;

    // "listing" or "interested": the side that proposed 达成合作 and now waits for the other side to confirm. A
    // concurrency token, so that two proposals at once leave one proposer.
    public string? AgreementProposedBy { get; set; }

    public DateTimeOffset? AgreementProposedAt { get; set; }

    public string? DeclineReason { get; set; }

    public string? DeclineNote { get; set; }

    public Guid CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IdentityHidden => Anonymous && IdentityRevealedAt is null;

    // Who buys and who serves: a demand's owner is the client; an offering's or achievement's owner is the provider.
    public Guid ClientOrganizationId => ListingKind == "demand" ? ListingOrganizationId : InterestedOrganizationId;

    public Guid ProviderOrganizationId => ListingKind == "demand" ? InterestedOrganizationId : ListingOrganizationId;
}

internal sealed class EngagementMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid EngagementId { get; set; }

    public Guid AuthorUserId { get; set; }

    // "listing", "interested" or "broker": decides how the author is named to each reader.
    public required string AuthorSide { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> builder)
    {
        builder.ToTable("Engagements_Engagements");
        builder.Ignore(e => e.IdentityHidden);
        builder.Ignore(e => e.ClientOrganizationId);
        builder.Ignore(e => e.ProviderOrganizationId);
        builder.Property(e => e.ListingKind).HasMaxLength(16);
        builder.Property(e => e.ListingTitle).HasMaxLength(200);
        builder.Property(e => e.JurisdictionRegion).HasMaxLength(6);
        builder.Property(e => e.DeclineReason).HasMaxLength(32);
        builder.Property(e => e.DeclineNote).HasMaxLength(1000);
        builder.Property(e => e.Status).IsConcurrencyToken();
        builder.Property(e => e.BrokerUserId).IsConcurrencyToken();
        builder.Property(e => e.AgreementProposedBy).HasMaxLength(16).IsConcurrencyToken();
        // One engagement per listing and interested organization: expressing interest twice is a 409.
        builder.HasIndex(e => new { e.ListingId, e.InterestedOrganizationId }).IsUnique();
        builder.HasIndex(e => e.ListingOrganizationId);
        builder.HasIndex(e => e.InterestedOrganizationId);
        builder.HasIndex(e => e.BrokerUserId);
    }
}

internal sealed class EngagementMessageConfiguration : IEntityTypeConfiguration<EngagementMessage>
{
    public void Configure(EntityTypeBuilder<EngagementMessage> builder)
    {
        builder.ToTable("Engagements_Messages");
        builder.Property(m => m.AuthorSide).HasMaxLength(16);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.HasIndex(m => new { m.EngagementId, m.CreatedAt });
        builder.HasOne<Engagement>().WithMany().HasForeignKey(m => m.EngagementId).OnDelete(DeleteBehavior.Cascade);
    }
}

// A broker's verdict on a suggested pair of listings (query → candidate); exported as graded judgements for
// tuning the ranking.
internal sealed class MatchJudgement
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid QueryListingId { get; set; }

    public Guid CandidateListingId { get; set; }

    // "recommend" or "dismiss".
    public required string Decision { get; set; }

    // 2 for a recommendation, 0 for a dismissal (the qrels grades of the evaluation harness).
    public int Grade { get; set; }

    public required string ReasonCode { get; set; }

    public Guid BrokerUserId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class MatchJudgementConfiguration : IEntityTypeConfiguration<MatchJudgement>
{
    public void Configure(EntityTypeBuilder<MatchJudgement> builder)
    {
        builder.ToTable("Engagements_MatchJudgements", t => t.HasCheckConstraint("CK_Engagements_MatchJudgements_Grade", "\"Grade\" IN (0, 2)"));
        builder.Property(j => j.Decision).HasMaxLength(16);
        builder.Property(j => j.ReasonCode).HasMaxLength(32);
        // One verdict per broker and pair.
        builder.HasIndex(j => new { j.QueryListingId, j.CandidateListingId, j.BrokerUserId }).IsUnique();
        builder.HasIndex(j => j.At);
    }
}
