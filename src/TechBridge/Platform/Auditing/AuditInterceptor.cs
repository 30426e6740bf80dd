using System.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TechBridge.Platform.Auditing;

// Every state change is audited by construction: before SaveChanges, one record per added, modified or deleted
// entity joins the same transaction, so a change and its audit record commit or fail together.
internal sealed class AuditInterceptor(ActorContext actor, TimeProvider clock) : SaveAddingInterceptor
{
    private const int MaxSummary = 4000;

    // Secrets and derived values never reach the audit trail; the record says only that they changed.
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TotpSecret", "TokenHash", "AuthenticatorKey", "Value",
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AppendRecords(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AppendRecords(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AppendRecords(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var records = new List<AuditRecord>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditRecord or IUnaudited || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            if (entry.Metadata.IsOwned() || entry.Metadata.HasSharedClrType)
            {
                continue;
            }

            var summary = Describe(entry);
            if (summary is null)
            {
                continue;
            }

            records.Add(new AuditRecord
            {
                OccurredAt = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                OrganizationId = actor.OrganizationId,
                ClientAddress = actor.ClientAddress,
                Action = actor.Action,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Summary = summary.Length > MaxSummary ? summary[..MaxSummary] : summary,
            });
        }

        context.Set<AuditRecord>().AddRange(records);
        Added(records);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string? Describe(EntityEntry entry)
    {
        var text = new StringBuilder();
        switch (entry.State)
        {
            case EntityState.Added:
                text.Append("created");
                foreach (var property in entry.Properties.Where(p => p.CurrentValue is not null && !p.Metadata.IsPrimaryKey()))
                {
                    text.Append("; ").Append(property.Metadata.Name).Append('=').Append(Show(property.Metadata.Name, property.CurrentValue));
                }

                break;
            case EntityState.Deleted:
                text.Append("deleted");
                break;
            default:
                var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (changed.Count == 0)
                {
                    return null;
                }

                text.Append("changed");
                foreach (var property in changed)
                {
                    text.Append("; ").Append(property.Metadata.Name).Append(": ")
                        .Append(Show(property.Metadata.Name, property.OriginalValue)).Append(" → ").Append(Show(property.Metadata.Name, property.CurrentValue));
                }

                break;
        }

        return text.ToString();
    }

    private static string Show(string name, object? value) => Redacted.Contains(name)
        ? "(redacted)"
        : value switch
        {
            null => "∅",
            DateTimeOffset instant => instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            string s when s.Length > 200 => s[..200] + "…",
            _ => value.ToString() ?? "",
        };
}

// Bookkeeping rows that are part of an audited operation and say nothing of their own (an idempotency key's answer).
internal interface IUnaudited;
