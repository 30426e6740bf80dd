using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Contracts;

// English UI keys for enum values (the Chinese lives in UiText.zh-CN.resx under these keys).
internal static class DisplayNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [nameof(OrganizationKind.Enterprise)] = "Enterprise",
        [nameof(OrganizationKind.ServiceInstitution)] = "Service institution",
        [nameof(OrganizationKind.UniversityOrInstitute)] = "University or research institute",
        [nameof(OrganizationKind.FinancialInstitution)] = "Financial institution",
        [nameof(OrganizationKind.GovernmentAgency)] = "Government agency",
        [nameof(OrganizationKind.Other)] = "Other",
        [nameof(InstitutionState.UnderReview)] = "Under review",
        [nameof(InstitutionState.PublicNotice)] = "Under public notice",
        // Platform roles whose code is not already a readable word.
        ["SystemAdmin"] = "System administrator",
        ["ExpertReviewer"] = "Expert reviewer",
    };

    // The kinds a registration form offers, in the order of the enumeration.
    public static IReadOnlyList<string> OrganizationKinds { get; } = Enum.GetNames<OrganizationKind>();

    public static string Of(string value) => Names.GetValueOrDefault(value, value);
}
