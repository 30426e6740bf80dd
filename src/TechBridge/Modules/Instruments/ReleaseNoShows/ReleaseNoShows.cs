using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Instruments.Data;
using TechBridge.Modules.Instruments.ManageCatalog;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Instruments.ReleaseNoShows;

// Releases the slots of approved bookings nobody checked in to within the grace time after their start
// (Instruments:NoShowGraceMinutes, default 15): the booking becomes a no-show with the release time recorded (the
// owner's list shows them), and the booker and the owner's members are told. Requests still awaiting approval when
// their start has passed are cancelled the same way. A platform job ("instruments.no-show-release"), one node at a
// time; idempotent, and each row moves by a conditional update on Status, so a check-in at the same moment wins or
// loses cleanly.
internal sealed class NoShowRelease(PlatformDbContext db, IOrganizationFacts facts, Notifier notifier, InstrumentsOptions options, TimeProvider clock, ActorContext actor) : IJob
{
    public const string JobName = "instruments.no-show-release";
    private const int Batch = 200;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        actor.Action = "release no-shows";
        var now = clock.GetUtcNow();
        var graceEnd = now.AddMinutes(-options.NoShowGraceMinutes);
        var released = 0;
        while (true)
        {
            var due = await db.Set<Booking>()
                .Where(b => b.Kind == BookingKind.Booking
                    && ((b.Status == BookingStatus.Approved && b.StartsAt <= graceEnd) || (b.Status == BookingStatus.Requested && b.StartsAt <= now)))
                .OrderBy(b => b.StartsAt).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return released;
            }

            var instruments = await db.Set<Instrument>().AsNoTracking().Where(i => due.Select(b => b.InstrumentId).Contains(i.Id))
                .ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var b in due)
            {
                var instrument = instruments[b.InstrumentId];
                var slot = AdjustableClock.ToChina(b.StartsAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                if (b.Status == BookingStatus.Approved)
                {
                    b.Status = BookingStatus.NoShow;
                    b.ReleasedAt = now;
                    b.Reason = $"开始后 {options.NoShowGraceMinutes} 分钟内未签到，时段已释放";
                    notifier.Notify(b.UserId, "instrument.no-show", $"预约未签到，已释放：{instrument.Name}", $"{slot} 开始的预约在 {options.NoShowGraceMinutes} 分钟内未签到，时段已释放并记为爽约。", "/Instruments/Mine");
                    foreach (var member in await facts.MemberUserIdsAsync(instrument.OwnerOrganizationId, cancellationToken))
                    {
                        notifier.Notify(member, "instrument.no-show", $"爽约释放：{instrument.Name}", $"{slot} 开始的预约未签到，时段已释放。", "/Instruments/Owner");
                    }
                }
                else
                {
                    b.Status = BookingStatus.Cancelled;
                    b.CancelledAt = now;
                    b.CancellationFeeFen = 0;
                    b.Reason = "开始前未获审批，已自动取消";
                    notifier.Notify(b.UserId, "instrument.request-expired", $"预约未获审批，已取消：{instrument.Name}", $"{slot} 开始的预约在开始前未获审批，已自动取消。", "/Instruments/Mine");
                }
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                released += due.Count;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone checked in or cancelled meanwhile; the next round reads the rows afresh.
            }

            db.ChangeTracker.Clear();
            if (due.Count < Batch)
            {
                return released;
            }
        }
    }
}
