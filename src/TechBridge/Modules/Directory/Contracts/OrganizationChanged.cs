using TechBridge.Platform.Outbox;

namespace TechBridge.Modules.Directory.Contracts;

// What changed about an organization, as far as other modules care (search, later rollups and notifications).
internal enum OrganizationChange
{
    Registered = 1,
    Verification = 2,
    Profile = 3,
    Branches = 4,
    Recognitions = 5,
    Onboarding = 6,
    Suspension = 7,
}

// Announced through the platform outbox in the transaction that changed the organization; read the current state
// through IOrganizationSearchSource / IOrganizationFacts (the event says what changed, not the new values).
internal sealed record OrganizationChanged(Guid OrganizationId, IReadOnlyList<OrganizationChange> Changes) : IOutboxEvent
{
    public static string EventType => "directory.organization-changed";
}
