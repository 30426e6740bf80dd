namespace TechBridge.Modules.Directory.Contracts;

// Government agencies (省科技厅, 省发展改革委 …) are organizations of kind GovernmentAgency: the plan's responsible
// units. Supervision registers the ones the plan names and notifies the admins who oversee a region.
internal interface IGovernmentAgencies
{
    // Finds each agency by legal name, registering (as verified: the plan names them) those not there yet.
    Task<IReadOnlyDictionary<string, Guid>> EnsureAsync(IReadOnlyList<AgencySpec> agencies, CancellationToken cancellationToken = default);

    // Users holding the permission for a jurisdiction covering the region.
    Task<IReadOnlyList<Guid>> AdminsWithAsync(string permission, string regionCode, CancellationToken cancellationToken = default);

    // Demo only: a demo user (created if missing, demo password) as a member of the agency.
    Task EnsureDemoMemberAsync(string userName, string displayName, Guid agencyId, string password, CancellationToken cancellationToken = default);
}

// RegionCode: 130000 for a provincial agency (administered by the Hebei jurisdiction), a city code for a city's.
internal sealed record AgencySpec(string LegalName, string RegionCode);
