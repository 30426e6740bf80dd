namespace TechBridge.Modules.Engagements.Contracts;

// The Engagements' admin permissions (registered with the platform in AddEngagements).
internal static class EngagementsPermissions
{
    public const string ResolveComplaints = "engagements.resolve-complaints";

    public static readonly string[] All = [ResolveComplaints];
}
