namespace TechBridge.Modules.Directory.Contracts;

// Read-only facts about organizations that other modules need to decide who may post what (Listings: only verified
// service institutions offer services, only enterprises post demands) and whose jurisdiction reviews it.
internal interface IOrganizationFacts
{
    Task<OrganizationFacts?> FindAsync(Guid organizationId, CancellationToken cancellationToken = default);

    Task<IReadOnlyDictionary<Guid, OrganizationFacts>> FindManyAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken = default);

    // Verified organizations by exact legal name (demo data links real institution names to their records).
    Task<IReadOnlyDictionary<string, Guid>> FindVerifiedByNamesAsync(IReadOnlyCollection<string> legalNames, CancellationToken cancellationToken = default);

    // The organizations the user is a member of, for pages that act for one of them.
    Task<IReadOnlyList<OrganizationFacts>> MembershipsOfAsync(Guid userId, CancellationToken cancellationToken = default);

    // The organizations a user (by user name) belongs to; demo seeders of other modules find the demo owners' ones.
    Task<IReadOnlyList<OrganizationFacts>> MembershipsOfUserNameAsync(string userName, CancellationToken cancellationToken = default);

    // The members' user ids: notifications addressed to an organization go to each of them.
    Task<IReadOnlyList<Guid>> MemberUserIdsAsync(Guid organizationId, CancellationToken cancellationToken = default);

    // Admins holding the permission for a jurisdiction that covers the region: queue notifications go to them.
    Task<IReadOnlyList<Guid>> AdminUserIdsAsync(string permission, string regionCode, CancellationToken cancellationToken = default);

    // Service institutions whose admission is suspended: they neither publish nor take orders, and their published
    // listings stay out of search until reinstated. A small set, read whole.
    Task<IReadOnlyList<Guid>> SuspendedOrganizationIdsAsync(CancellationToken cancellationToken = default);

    // Demo organizations of a kind, for seeders of other modules.
    Task<IReadOnlyList<OrganizationFacts>> DemoOrganizationsAsync(OrganizationType type, CancellationToken cancellationToken = default);
}

internal enum OrganizationType
{
    Enterprise = 1,
    ServiceInstitution = 2,
    UniversityOrInstitute = 3,
    FinancialInstitution = 4,
    GovernmentAgency = 5,
    Other = 6,
}

internal sealed record BranchFacts(Guid Id, string Name, string RegionCode);

internal sealed record OrganizationFacts(
    Guid Id,
    string LegalName,
    OrganizationType Type,
    string RegionCode,
    bool IsVerified,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<BranchFacts> Branches,
    bool IsSuspended = false);
