namespace TechBridge.Modules.Directory.Contracts;

// What search and matching may read of organizations: verified organizations' public profile, where they (and their
// branches) are, and their confirmed, unexpired recognitions.
internal interface IOrganizationSearchSource
{
    // Verified organizations in id order, a page at a time.
    Task<IReadOnlyList<SearchableOrganization>> VerifiedPageAsync(int skip, int take, CancellationToken cancellationToken = default);

    // Any of the given organizations (verified or not: IsVerified says).
    Task<IReadOnlyDictionary<Guid, SearchableOrganization>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);
}

internal sealed record SearchableOrganization(
    Guid Id,
    string LegalName,
    OrganizationType Type,
    string RegionCode,
    string? IndustryCode,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> BranchRegionCodes,
    IReadOnlyList<string> RecognitionKinds,
    bool IsVerified,
    DateTimeOffset CreatedAt);
