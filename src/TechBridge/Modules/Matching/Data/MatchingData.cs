using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Modules.Matching.Data;

internal enum VocabularyKind
{
    Term = 1,
    Synonyms = 2,
}

// A domain term kept whole by the segmenter, or a synonym group (words separated by single spaces), maintained by
// admins; every node loads the table into its SearchVocabulary at start and whenever it changes.
internal sealed class VocabularyEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public VocabularyKind Kind { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class VocabularyEntryConfiguration : IEntityTypeConfiguration<VocabularyEntry>
{
    public void Configure(EntityTypeBuilder<VocabularyEntry> builder)
    {
        builder.ToTable("Matching_Vocabulary");
        builder.Property(v => v.Value).HasMaxLength(1000);
        builder.HasIndex(v => new { v.Kind, v.Value }).IsUnique();
    }
}
