using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Groups;

internal sealed record GroupSummary(Guid Id, string Kind, string Name, string? NameEn, string RegionCode, Guid? LeadOrganizationId, string? ReferenceCode, string? SectorCode, int MemberCount);

internal sealed record GroupMemberResponse(Guid OrganizationId, string LegalName, string RegionCode, DateTimeOffset JoinedAt);

internal sealed record GroupDetail(GroupSummary Group, string? LeadOrganizationName, IReadOnlyList<GroupMemberResponse> Members);

internal static class GroupMapping
{
    public static string Name(GroupKind kind) => kind switch
    {
        GroupKind.Alliance => "alliance",
        GroupKind.Cluster => "cluster",
        GroupKind.HighTechZone => "high-tech-zone",
        _ => "county-cluster",
    };

    public static GroupKind? ParseKind(string? kind) => kind switch
    {
        "alliance" => GroupKind.Alliance,
        "cluster" => GroupKind.Cluster,
        "high-tech-zone" => GroupKind.HighTechZone,
        "county-cluster" => GroupKind.CountyCluster,
        _ => null,
    };
}
