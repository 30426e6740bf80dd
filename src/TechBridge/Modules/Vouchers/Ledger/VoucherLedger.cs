using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using TechBridge.Modules.Vouchers.Data;

namespace TechBridge.Modules.Vouchers.Ledger;

internal static class LedgerHashing
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string previous, LedgerTransfer t)
    {
        var text = new StringBuilder()
            .Append(previous).Append('|').Append(t.Sequence.ToString(CultureInfo.InvariantCulture)).Append('|').Append(t.Id.ToString("N"))
            .Append('|').Append((int)t.Kind).Append('|').Append(t.ProgramId.ToString("N")).Append('|').Append(t.AmountFen.ToString(CultureInfo.InvariantCulture))
            .Append('|').Append(t.IsPending ? '1' : '0').Append('|').Append(t.ResolvesPendingId?.ToString("N")).Append('|').Append(t.ReversesTransferId?.ToString("N"))
            .Append('|').Append(t.At.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('|').Append(t.Reason);
        foreach (var e in t.Entries.OrderBy(e => e.Line))
        {
            text.Append('|').Append(e.AccountId.ToString("N")).Append(':').Append(e.AmountFen.ToString(CultureInfo.InvariantCulture));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

// The voucher ledger (after TigerBeetle's semantics): immutable transfers between accounts, balances kept by the
// database. Every method runs inside the caller's transaction (InTransactionAsync), so a transfer and the domain
// change it belongs to commit together or not at all.
internal sealed class VoucherLedger(PlatformDbContext db, TimeProvider clock)
{
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        // On SQLite the provider begins IMMEDIATE: writers queue on the busy timeout instead of failing on upgrade.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    // Takes the chain head first: from here to commit this transaction is the only ledger writer, so whatever it reads
    // now (balances, caps) is current, and its transfers get the next sequence numbers in commit order.
    public async Task LockAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Vouchers_ChainHead\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = 1", cancellationToken);

    public async Task<LedgerAccount> OpenAccountAsync(AccountKind kind, Guid programId, Guid? owner, CancellationToken cancellationToken)
    {
        var account = new LedgerAccount { Kind = kind, ProgramId = programId, OwnerOrganizationId = owner };
        db.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    public async Task<LedgerAccount> ProgramAccountAsync(Guid programId, AccountKind kind, CancellationToken cancellationToken) =>
        await db.Set<LedgerAccount>().AsNoTracking().FirstAsync(a => a.ProgramId == programId && a.Kind == kind && a.OwnerOrganizationId == null, cancellationToken);

    public async Task<LedgerAccount> PayableAsync(Guid programId, Guid payee, CancellationToken cancellationToken) =>
        await db.Set<LedgerAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.ProgramId == programId && a.Kind == AccountKind.Payable && a.OwnerOrganizationId == payee, cancellationToken)
        ?? await OpenAccountAsync(AccountKind.Payable, programId, payee, cancellationToken);

    public async Task<long> BalanceAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.Id == accountId).Select(a => a.BalanceFen).FirstAsync(cancellationToken);

    // Moves amount from one account to another as one immutable transfer. The balance updates are single SQL
    // statements: the CHECK constraint refuses a negative balance (409 insufficient_balance), and the unique
    // indexes refuse a second resolution of the same pending transfer or a second reversal (409 already_resolved).
    public async Task<LedgerTransfer> TransferAsync(TransferKind kind, Guid programId, Guid from, Guid to, long amountFen, CancellationToken cancellationToken,
        bool pending = false, Guid? resolvesPendingId = null, Guid? reversesTransferId = null, string? reason = null, Guid? byUserId = null)
    {
        if (amountFen <= 0)
        {
            throw new InvalidOperationException("A transfer moves a positive amount.");
        }

        await db.Database.ExecuteSqlRawAsync("UPDATE \"Vouchers_ChainHead\" SET \"Sequence\" = \"Sequence\" + 1 WHERE \"Id\" = 1", cancellationToken);
        var head = await db.Set<LedgerChainHead>().AsNoTracking().SingleAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Vouchers_Accounts\" SET \"BalanceFen\" = \"BalanceFen\" - {amountFen} WHERE \"Id\" = {from}", cancellationToken);
            await db.Database.ExecuteSqlAsync($"UPDATE \"Vouchers_Accounts\" SET \"BalanceFen\" = \"BalanceFen\" + {amountFen} WHERE \"Id\" = {to}", cancellationToken);
        }
        catch (DbException exception) when (IsCheckViolation(exception))
        {
            throw new ConflictException("insufficient_balance", "The balance or budget is not enough for this amount.");
        }

        // PostgreSQL keeps microseconds: the instant is cut to them so that the hash recomputes the same from either database.
        var now = clock.GetUtcNow();
        var transfer = new LedgerTransfer
        {
            Sequence = head.Sequence,
            Kind = kind,
            ProgramId = programId,
            AmountFen = amountFen,
            IsPending = pending,
            ResolvesPendingId = resolvesPendingId,
            ReversesTransferId = reversesTransferId,
            Reason = reason,
            ByUserId = byUserId,
            At = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero),
            PreviousHash = head.Hash,
            Hash = "",
            Entries = [new LedgerEntry { Line = 1, AccountId = from, AmountFen = -amountFen }, new LedgerEntry { Line = 2, AccountId = to, AmountFen = amountFen }],
        };
        transfer.Hash = LedgerHashing.Hash(head.Hash, transfer);
        db.Add(transfer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is DbException inner && IsUniqueViolation(inner))
        {
            throw new ConflictException("already_resolved", "This reservation or posting was already resolved.");
        }

        await db.Database.ExecuteSqlAsync($"UPDATE \"Vouchers_ChainHead\" SET \"Hash\" = {transfer.Hash} WHERE \"Id\" = 1", cancellationToken);
        return transfer;
    }

    private static bool IsCheckViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 } sqlite && sqlite.Message.Contains("CHECK", StringComparison.Ordinal)
        || exception is PostgresException { SqlState: "23514" };

    private static bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 } || exception is PostgresException { SqlState: "23505" };
}
