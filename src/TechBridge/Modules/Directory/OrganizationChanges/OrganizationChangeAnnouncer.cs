using Microsoft.EntityFrameworkCore.ChangeTracking;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Outbox;

namespace TechBridge.Modules.Directory.OrganizationChanges;

// Announces OrganizationChanged for every organization whose profile, sectors, branches, recognitions, verification
// or admission a unit of work is about to save. Looking at the tracked changes (rather than at each slice) means
// no slice, seeder or future transition can change an organization without announcing it.
internal sealed class OrganizationChangeAnnouncer : IOutboxSource
{
    // Bookkeeping that nobody outside sees: a reminder having been sent.
    private static readonly HashSet<string> Silent = [nameof(Recognition.ExpiryRemindedAt)];

    public void BeforeSave(DbContext db, IReadOnlyList<EntityEntry> changes, DateTimeOffset now)
    {
        var byOrganization = new Dictionary<Guid, SortedSet<OrganizationChange>>();
        foreach (var entry in changes)
        {
            var (organizationId, change) = entry.Entity switch
            {
                Organization o => (o.Id, OfOrganization(entry)),
                OrganizationSector s => (s.OrganizationId, OrganizationChange.Profile),
                Branch b => (b.OrganizationId, OrganizationChange.Branches),
                Recognition r => (r.OrganizationId, IsSilent(entry) ? (OrganizationChange?)null : OrganizationChange.Recognitions),
                InstitutionApplication a => (a.OrganizationId, OfApplication(entry, a)),
                _ => (Guid.Empty, (OrganizationChange?)null),
            };
            if (change is { } c)
            {
                if (!byOrganization.TryGetValue(organizationId, out var set))
                {
                    byOrganization[organizationId] = set = [];
                }

                set.Add(c);
            }
        }

        foreach (var (organizationId, set) in byOrganization)
        {
            db.Announce(new OrganizationChanged(organizationId, [.. set]), now);
        }
    }

    private static OrganizationChange? OfOrganization(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => OrganizationChange.Registered,
        EntityState.Modified when entry.Property(nameof(Organization.Verification)).IsModified => OrganizationChange.Verification,
        _ => IsSilent(entry) ? null : OrganizationChange.Profile,
    };

    private static OrganizationChange? OfApplication(EntityEntry entry, InstitutionApplication application)
    {
        if (entry.State != EntityState.Modified)
        {
            return OrganizationChange.Onboarding;
        }

        var state = entry.Property(nameof(InstitutionApplication.State));
        if (!state.IsModified)
        {
            return null;
        }

        return application.State == InstitutionState.Suspended || (InstitutionState?)state.OriginalValue == InstitutionState.Suspended
            ? OrganizationChange.Suspension
            : OrganizationChange.Onboarding;
    }

    // Modified, but only in properties nobody outside the module sees.
    private static bool IsSilent(EntityEntry entry) =>
        entry.State == EntityState.Modified && entry.Properties.Where(p => p.IsModified).All(p => Silent.Contains(p.Metadata.Name));
}
