namespace TechBridge.Modules.Directory.Contracts;

// What programs that grant public money check about an organization (voucher eligibility, related-party signals):
// its registration, who stands behind it, the recognitions valid on a day, and whether it is an admitted institution.
internal sealed record OrganizationStanding(
    Guid Id,
    string LegalName,
    OrganizationType Type,
    string RegionCode,
    bool IsVerified,
    string? CreditCode,
    string? LegalRepresentative,
    string? ActualController,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<string> ValidRecognitionKinds,
    bool IsAdmittedInstitution);

internal interface IOrganizationStanding
{
    Task<IReadOnlyDictionary<Guid, OrganizationStanding>> FindManyAsync(IReadOnlyCollection<Guid> organizationIds, DateOnly on, CancellationToken cancellationToken = default);

    // Admitted service institutions registered in a region under the given jurisdiction prefix (e.g. "13", "1301").
    Task<IReadOnlyList<Guid>> AdmittedInstitutionsAsync(string regionPrefix, CancellationToken cancellationToken = default);
}
