using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Modules.Vouchers.UseVouchers;
using TechBridge.Platform.Jobs;

namespace TechBridge.Modules.Vouchers.ExpireVouchers;

// At the end of its validity a voucher expires: reservations still waiting for a redemption request expire (their
// pending transfers resolve once, back to the voucher), and the unused quota goes voucher → expired → budget.
// A redemption already requested continues: it was asked for within the validity. Each voucher is one transaction,
// and the voucher's status is the concurrency token, so a round cut short or run on two nodes does nothing twice.
internal sealed class VoucherExpiryJob(PlatformDbContext db, VoucherLedger ledger, UsesHandler uses, TimeProvider clock) : IJob
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Voucher>().AsNoTracking().Where(v => v.Status == VoucherStatus.Active && v.ExpiresAt <= now)
            .OrderBy(v => v.ExpiresAt).Select(v => v.Id).Take(500).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            try
            {
                await ExpireAsync(id, now, cancellationToken);
                count++;
            }
            catch (ConflictException)
            {
                // Another node or a racing request got there first; nothing to do.
            }
        }

        return count;
    }

    private async Task ExpireAsync(Guid voucherId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            var voucher = await db.Set<Voucher>().FirstAsync(v => v.Id == voucherId, cancellationToken);
            if (voucher.Status != VoucherStatus.Active)
            {
                return false;
            }

            foreach (var use in await db.Set<VoucherUse>().Where(u => u.VoucherId == voucherId && u.Status == UseStatus.Reserved).ToListAsync(cancellationToken))
            {
                use.Status = UseStatus.Expired;
                use.ResolvedAt = now;
                await db.SaveChangesAsync(cancellationToken);
                await uses.ReleaseAsync(use, TransferKind.ExpireReservation, cancellationToken);
            }

            var remaining = await ledger.BalanceAsync(voucher.AccountId, cancellationToken);
            if (remaining > 0)
            {
                var expired = await ledger.ProgramAccountAsync(voucher.ProgramId, AccountKind.Expired, cancellationToken);
                var budget = await ledger.ProgramAccountAsync(voucher.ProgramId, AccountKind.Budget, cancellationToken);
                await ledger.TransferAsync(TransferKind.ExpireQuota, voucher.ProgramId, voucher.AccountId, expired.Id, remaining, cancellationToken);
                await ledger.TransferAsync(TransferKind.ReturnToBudget, voucher.ProgramId, expired.Id, budget.Id, remaining, cancellationToken);
            }

            voucher.Status = VoucherStatus.Expired;
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }
}
