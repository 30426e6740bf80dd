
namespace TechBridge.Platform.Auditing;

// For audited events that change no entity (an export, a failed sign-in): adds a record to the unit of work.
internal sealed class AuditTrail(PlatformDbContext db, ActorContext actor, TimeProvider clock)
{
    public void Note(string entityType, string entityId, string summary) =>
        db.Set<AuditRecord>().Add(new AuditRecord
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = actor.UserId,
            UserName = actor.UserName,
            OrganizationId = actor.OrganizationId,
            ClientAddress = actor.ClientAddress,
            Action = actor.Action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
        });
}
