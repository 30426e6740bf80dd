namespace TechBridge.Modules.Directory.Contracts;

// The plan's counted recognitions and groups (发展目标), read from the Directory's own register so that no other
// module keeps a second one. Monitoring turns them into live indicators.
internal interface IPlanCounts
{
    // For each date: how many items of the kind were in force in Hebei on that day, by region code (county 6 digits,
    // or the city/province code a group or organization is registered under).
    Task<IReadOnlyList<PlanCountAt>> CountAsync(PlanCountKind kind, IReadOnlyList<DateOnly> dates, CancellationToken cancellationToken = default);
}

internal enum PlanCountKind
{
    // 科技服务龙头企业和机构: confirmed 领军/龙头企业 recognitions.
    LeadingEnterprises = 1,

    // 新型研发机构: confirmed recognitions.
    NewRdInstitutions = 2,

    // 科技服务业领域高新技术企业: confirmed 高新技术企业 recognitions of organizations working in one of the ten sectors.
    HighTechServiceEnterprises = 3,

    // 科技服务集聚区: groups of kind cluster.
    ServiceClusters = 4,

    // 省级以上产业技术创新联盟: groups of kind alliance (the register does not record an alliance's level).
    InnovationAlliances = 5,

    // 省级以上国际科技合作基地: confirmed recognitions at national or provincial level.
    InternationalCooperationBases = 6,

    // 国家级研发平台: confirmed national-level key labs, engineering and technology innovation centres.
    NationalRdPlatforms = 7,
}

internal sealed record PlanCountAt(DateOnly Date, int Total, IReadOnlyDictionary<string, int> ByRegion);
