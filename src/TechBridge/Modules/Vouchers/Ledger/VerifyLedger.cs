using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Modules.Vouchers.Data;

namespace TechBridge.Modules.Vouchers.Ledger;

internal sealed record NegativeBalance(Guid AccountId, string Kind, long StoredFen, long ComputedFen);

// The contract, member for member.
internal sealed record LedgerVerification(bool Ok, long Transfers, long SumOfEntries, IReadOnlyList<NegativeBalance> NegativeBalances, bool ChainIntact, IReadOnlyList<Guid> PendingResolvedTwice)
{
    // Not part of the API's body: what the verification page adds in words.
    [System.Text.Json.Serialization.JsonIgnore]
    public long MismatchedBalances { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public long UnbalancedTransfers { get; init; }
}

// Recomputes every balance from the entries, every transfer's sum, the hash chain from the first transfer, and the
// resolutions of pending transfers. Reads in sequence order, in batches, without holding the writers' lock.
internal sealed class VerifyLedgerHandler(PlatformDbContext db, IAccess access)
{
    private const int Batch = 2000;

    public async Task RequireReaderAsync(CancellationToken cancellationToken)
    {
        if (access.IsInRole(Roles.Auditor))
        {
            return;
        }

        // Province admins: vouchers reviewers of a whole province (Beijing, Tianjin or Hebei).
        var jurisdictions = await access.JurisdictionsWithAsync(VouchersPermissions.Review, cancellationToken);
        if (!jurisdictions.Any(j => j is Jurisdictions.Beijing or Jurisdictions.Tianjin or Jurisdictions.Hebei))
        {
            throw new ForbiddenException("The auditor and province admins verify the voucher ledger.");
        }
    }

    public async Task<LedgerVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await RequireReaderAsync(cancellationToken);
        return await ComputeAsync(cancellationToken);
    }

    public async Task<LedgerVerification> ComputeAsync(CancellationToken cancellationToken)
    {
        var computed = new Dictionary<Guid, long>();
        long transfers = 0, sum = 0, unbalanced = 0, expectedSequence = 1;
        var previous = LedgerHashing.Genesis;
        var chainIntact = true;
        var resolutions = new Dictionary<Guid, int>();
        long after = 0;
        while (true)
        {
            var batch = await db.Set<LedgerTransfer>().AsNoTracking().Include(t => t.Entries)
                .Where(t => t.Sequence > after).OrderBy(t => t.Sequence).Take(Batch).ToListAsync(cancellationToken);
            foreach (var t in batch)
            {
                transfers++;
                var own = 0L;
                foreach (var e in t.Entries)
                {
                    own += e.AmountFen;
                    computed[e.AccountId] = computed.GetValueOrDefault(e.AccountId) + e.AmountFen;
                }

                sum += own;
                if (own != 0)
                {
                    unbalanced++;
                }

                if (t.Sequence != expectedSequence || t.PreviousHash != previous || LedgerHashing.Hash(previous, t) != t.Hash)
                {
                    chainIntact = false;
                }

                if (t.ResolvesPendingId is { } pending)
                {
                    resolutions[pending] = resolutions.GetValueOrDefault(pending) + 1;
                }

                previous = t.Hash;
                expectedSequence = t.Sequence + 1;
                after = t.Sequence;
            }

            if (batch.Count < Batch)
            {
                break;
            }
        }

        var head = await db.Set<LedgerChainHead>().AsNoTracking().SingleAsync(cancellationToken);
        if (head.Hash != previous || head.Sequence != transfers)
        {
            chainIntact = false;
        }

        var accounts = await db.Set<LedgerAccount>().AsNoTracking().Select(a => new { a.Id, a.Kind, a.BalanceFen }).ToListAsync(cancellationToken);
        var negative = new List<NegativeBalance>();
        long mismatched = 0;
        foreach (var a in accounts)
        {
            var c = computed.GetValueOrDefault(a.Id);
            if (c != a.BalanceFen)
            {
                mismatched++;
            }

            if (a.Kind != AccountKind.Appropriation && (a.BalanceFen < 0 || c < 0))
            {
                negative.Add(new NegativeBalance(a.Id, a.Kind.ToString(), a.BalanceFen, c));
            }
        }

        var twice = resolutions.Where(r => r.Value > 1).Select(r => r.Key).ToList();
        var ok = sum == 0 && unbalanced == 0 && mismatched == 0 && negative.Count == 0 && chainIntact && twice.Count == 0;
        return new LedgerVerification(ok, transfers, sum, negative, chainIntact, twice) { MismatchedBalances = mismatched, UnbalancedTransfers = unbalanced };
    }
}
