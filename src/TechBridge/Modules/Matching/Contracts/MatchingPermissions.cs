namespace TechBridge.Modules.Matching.Contracts;

// The Matching's admin permissions (registered with the platform in AddMatching).
internal static class MatchingPermissions
{
    public const string ManageSearchVocabulary = "matching.manage-search-vocabulary";

    public static readonly string[] All = [ManageSearchVocabulary];
}
