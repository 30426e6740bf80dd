using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Platform.Errors;
using Xunit.Abstractions;

namespace TechBridge.Tests.Modules.Vouchers;

// Model-based: thousands of random ledger operations (fund, issue, reserve, post, void, expire, reverse, settle, and
// attempts that must be refused: overdrawing, resolving a reservation twice, reversing twice) through the module's
// ledger, each in its own scope and transaction as the handlers run them, against a dictionary of balances. After
// every step the touched accounts match the model and none is negative; every 250 steps and at the end all accounts
// match, every transfer of the run has two entries summing to zero, the run's entries sum to zero and the full
// verification holds. The seed is printed; TECHBRIDGE_LEDGER_MODEL_SEED replays it, TECHBRIDGE_LEDGER_MODEL_STEPS
// runs longer.
public abstract class LedgerModelTests(AppHost host, ITestOutputHelper output)
{
    private enum Op
    {
        Issue,
        Reserve,
        Post,
        Void,
        Expire,
        Reverse,
        Settle,
        Overdraw,
        ResolveTwice,
        ReverseTwice,
        ExpireQuota,
    }

    private sealed record Pending(Guid TransferId, Guid Voucher, long Amount);

    private sealed record Posting(Guid TransferId, Guid Voucher, Guid Payable, long Amount);

    [Fact]
    public async Task RandomOperations_AgreeWithTheModel_AndKeepEveryInvariant()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TECHBRIDGE_LEDGER_MODEL_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        var steps = int.TryParse(Environment.GetEnvironmentVariable("TECHBRIDGE_LEDGER_MODEL_STEPS"), CultureInfo.InvariantCulture, out var n) ? n : 1500;
        output.WriteLine($"ledger model: seed {seed}, {steps} steps (replay: TECHBRIDGE_LEDGER_MODEL_SEED={seed})");
        var random = new Random(seed);
        var programId = Guid.CreateVersion7();
        var model = new Dictionary<Guid, long>();
        var kinds = new Dictionary<Guid, AccountKind>();

        async Task<Guid> OpenAsync(AccountKind kind)
        {
            var id = await OpenInScopeAsync(ledger => ledger.OpenAccountAsync(kind, programId, null, CancellationToken.None));
            (model[id], kinds[id]) = (0, kind);
            return id;
        }

        var appropriation = await OpenAsync(AccountKind.Appropriation);
        var budget = await OpenAsync(AccountKind.Budget);
        var reserved = await OpenAsync(AccountKind.Reserved);
        var paid = await OpenAsync(AccountKind.Paid);
        var expired = await OpenAsync(AccountKind.Expired);
        var vouchers = new List<Guid>();
        var payables = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            vouchers.Add(await OpenAsync(AccountKind.Voucher));
        }

        for (var i = 0; i < 3; i++)
        {
            payables.Add(await OpenAsync(AccountKind.Payable));
        }

        var pending = new List<Pending>();
        var resolved = new List<Pending>();
        var postings = new List<Posting>();
        var reversedPostings = new List<Posting>();
        var transfers = new List<Guid>();
        var refused = 0;

        await MoveAsync(TransferKind.Fund, appropriation, budget, 5_000_000);
        for (var step = 1; step <= steps; step++)
        {
            var op = (Op)random.Next(Enum.GetValues<Op>().Length);
            var what = $"step {step} ({op}), seed {seed}";
            switch (op)
            {
                case Op.Issue:
                {
                    var amount = Amount(random, model[budget]);
                    if (amount > 0)
                    {
                        await MoveAsync(TransferKind.Issue, budget, vouchers[random.Next(vouchers.Count)], amount);
                    }

                    break;
                }

                case Op.Reserve:
                {
                    var voucher = vouchers[random.Next(vouchers.Count)];
                    var amount = Amount(random, model[voucher]);
                    if (amount > 0)
                    {
                        pending.Add(new Pending(await MoveAsync(TransferKind.Reserve, voucher, reserved, amount, isPending: true), voucher, amount));
                    }

                    break;
                }

                case Op.Post or Op.Void or Op.Expire when pending.Count > 0:
                {
                    var p = pending[random.Next(pending.Count)];
                    pending.Remove(p);
                    resolved.Add(p);
                    if (op == Op.Post)
                    {
                        var payable = payables[random.Next(payables.Count)];
                        postings.Add(new Posting(await MoveAsync(TransferKind.Post, reserved, payable, p.Amount, resolves: p.TransferId), p.Voucher, payable, p.Amount));
                    }
                    else
                    {
                        await MoveAsync(op == Op.Void ? TransferKind.Void : TransferKind.ExpireReservation, reserved, op == Op.Void ? p.Voucher : expired, p.Amount, resolves: p.TransferId);
                    }

                    break;
                }

                case Op.Reverse when postings.Count > 0:
                {
                    var p = postings[random.Next(postings.Count)];
                    if (model[p.Payable] >= p.Amount)
                    {
                        postings.Remove(p);
                        reversedPostings.Add(p);
                        await MoveAsync(TransferKind.Reverse, p.Payable, p.Voucher, p.Amount, reverses: p.TransferId, reason: "模型测试冲正");
                    }

                    break;
                }

                case Op.Settle:
                {
                    var payable = payables[random.Next(payables.Count)];
                    var amount = Amount(random, model[payable]);
                    if (amount > 0)
                    {
                        await MoveAsync(TransferKind.Settle, payable, paid, amount);
                    }

                    break;
                }

                case Op.ExpireQuota:
                {
                    var voucher = vouchers[random.Next(vouchers.Count)];
                    if (model[voucher] > 0 && random.Next(4) == 0)
                    {
                        await MoveAsync(TransferKind.ReturnToBudget, voucher, budget, model[voucher]);
                    }

                    break;
                }

                case Op.Overdraw:
                {
                    // More than the source holds: the database's CHECK refuses it and nothing changes.
                    var from = random.Next(2) == 0 ? vouchers[random.Next(vouchers.Count)] : payables[random.Next(payables.Count)];
                    var code = await RefusedAsync(() => MoveAsync(TransferKind.Reserve, from, reserved, model[from] + 1 + random.Next(1000), isPending: true));
                    Assert.True(code == "insufficient_balance", $"{what}: overdrawing answered {code}");
                    refused++;
                    break;
                }

                case Op.ResolveTwice when resolved.Count > 0:
                {
                    // A resolved reservation named again (with money to move): the unique index refuses it.
                    var p = resolved[random.Next(resolved.Count)];
                    var from = model[reserved] >= p.Amount ? reserved : budget;
                    if (model[from] >= p.Amount)
                    {
                        var code = await RefusedAsync(() => MoveAsync(TransferKind.Void, from, p.Voucher, p.Amount, resolves: p.TransferId));
                        Assert.True(code == "already_resolved", $"{what}: a second resolution answered {code}");
                        refused++;
                    }

                    break;
                }

                case Op.ReverseTwice when reversedPostings.Count > 0:
                {
                    var p = reversedPostings[random.Next(reversedPostings.Count)];
                    var from = payables.FirstOrDefault(a => model[a] >= p.Amount);
                    if (from != Guid.Empty)
                    {
                        var code = await RefusedAsync(() => MoveAsync(TransferKind.Reverse, from, p.Voucher, p.Amount, reverses: p.TransferId, reason: "再次冲正"));
                        Assert.True(code == "already_resolved", $"{what}: a second reversal answered {code}");
                        refused++;
                    }

                    break;
                }
            }

            if (step % 250 == 0 || step == steps)
            {
                await AssertAllAsync(what);
            }
        }

        output.WriteLine($"ledger model: {transfers.Count} transfers, {refused} refusals, {pending.Count} reservations still pending");
        Assert.True(transfers.Count > steps / 5, $"seed {seed}: only {transfers.Count} transfers in {steps} steps");
        Assert.True(refused > 0, $"seed {seed}: no refusal was tried");

        async Task<Guid> MoveAsync(TransferKind kind, Guid from, Guid to, long amount, bool isPending = false, Guid? resolves = null, Guid? reverses = null, string? reason = null)
        {
            var id = await InScopeAsync(async ledger =>
            {
                await ledger.LockAsync(CancellationToken.None);
                return (await ledger.TransferAsync(kind, programId, from, to, amount, CancellationToken.None, isPending, resolves, reverses, reason)).Id;
            });
            (model[from], model[to]) = (model[from] - amount, model[to] + amount);
            transfers.Add(id);
            var stored = await host.WithDbAsync(db => db.Set<LedgerAccount>().AsNoTracking().Where(a => a.Id == from || a.Id == to).ToDictionaryAsync(a => a.Id, a => a.BalanceFen));
            Assert.True(stored[from] == model[from] && stored[to] == model[to], $"seed {seed}, transfer {transfers.Count} ({kind}): stored {stored[from]}/{stored[to]}, model {model[from]}/{model[to]}");
            Assert.True(kinds[from] == AccountKind.Appropriation || stored[from] >= 0, $"seed {seed}: negative balance");
            return id;
        }

        async Task AssertAllAsync(string what)
        {
            var stored = await host.WithDbAsync(db => db.Set<LedgerAccount>().AsNoTracking().Where(a => a.ProgramId == programId).ToDictionaryAsync(a => a.Id, a => a.BalanceFen));
            Assert.True(model.All(m => stored[m.Key] == m.Value), $"{what}: balances differ from the model");
            Assert.True(stored.Where(a => kinds[a.Key] != AccountKind.Appropriation).All(a => a.Value >= 0), $"{what}: a negative balance");
            var pairs = await host.WithDbAsync(db => db.Set<LedgerEntry>().AsNoTracking()
                .Join(db.Set<LedgerTransfer>().Where(t => t.ProgramId == programId), e => e.TransferId, t => t.Id, (e, t) => e)
                .GroupBy(e => e.TransferId).Select(g => new { Count = g.Count(), Sum = g.Sum(e => e.AmountFen) }).ToListAsync());
            Assert.Equal(transfers.Count, pairs.Count);
            Assert.True(pairs.All(p => p.Count == 2 && p.Sum == 0), $"{what}: a transfer whose entries do not pair");
            Assert.Equal(0, stored.Values.Sum());
            await using var scope = host.Services.CreateAsyncScope();
            var verified = await scope.ServiceProvider.GetRequiredService<VerifyLedgerHandler>().ComputeAsync(CancellationToken.None);
            Assert.True(verified.Ok && verified.ChainIntact && verified.SumOfEntries == 0 && verified.NegativeBalances.Count == 0 && verified.PendingResolvedTwice.Count == 0,
                $"{what}: ledger verification failed");
        }
    }

    private static long Amount(Random random, long available) => available <= 0 ? 0 : 1 + (long)(random.NextDouble() * Math.Min(available, 400_000));

    private static async Task<string?> RefusedAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (ConflictException conflict)
        {
            return conflict.Code;
        }
    }

    private async Task<T> InScopeAsync<T>(Func<VoucherLedger, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<VoucherLedger>();
        return await ledger.InTransactionAsync(() => work(ledger), CancellationToken.None);
    }

    private Task<Guid> OpenInScopeAsync(Func<VoucherLedger, Task<LedgerAccount>> open) =>
        InScopeAsync<Guid>(async ledger => (await open(ledger)).Id);
}

[Collection(SqliteCollection.Name)]
public sealed class LedgerModelTestsOnSqlite(SqliteHostFixture fixture, ITestOutputHelper output) : LedgerModelTests(fixture.Host, output);

[Collection(PostgresCollection.Name)]
[Trait("Database", "Postgres")]
public sealed class LedgerModelTestsOnPostgres(PostgresHostFixture fixture, ITestOutputHelper output) : LedgerModelTests(fixture.Host, output);
