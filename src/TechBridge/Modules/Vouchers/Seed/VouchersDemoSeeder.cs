using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.ExpireVouchers;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Modules.Vouchers.UseVouchers;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Vouchers.Seed;

// Demo data only (the issue's seed): Hebei (通用), Beijing and Tianjin (通兑) programs of this year under a
// Beijing–Tianjin–Hebei recognition agreement; enterprise.demo holds a Hebei voucher with more than 50 uses with
// provider.demo and 20 with provider.beijing (a recognised Beijing lab) waiting for a redemption request with their
// evidence, and a few uses in every other state; a voucher of last year's program has expired. Everything goes
// through the ledger as the handlers do, so verification holds from the start. Idempotent: keyed by program name.
internal sealed class VouchersDemoSeeder(PlatformDbContext db, VoucherLedger ledger, IOrganizationFacts facts, IOrganizationStanding standing, IEnumerable<IPayableItemSource> sources,
    VoucherExpiryJob expiry, FileStore files, TimeProvider clock) : IDemoSeeder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private DateTimeOffset now;
    private Guid enterpriseUser;
    private int evidenceSerial;

    public int Order => 50;

    public async Task SeedAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        now = clock.GetUtcNow();
        var year = now.Year;
        var hebeiName = $"河北省{year}年度科技创新券";
        if (await db.Set<VoucherProgram>().AnyAsync(p => p.Name == hebeiName, cancellationToken))
        {
            return;
        }

        var enterprise = await facts.MembershipsOfUserNameAsync("enterprise.demo", cancellationToken) is [var enterpriseFirst, ..] ? enterpriseFirst : null;
        var provider = await facts.MembershipsOfUserNameAsync("provider.demo", cancellationToken) is [var providerFirst, ..] ? providerFirst : null;
        var lab = await facts.MembershipsOfUserNameAsync("provider.beijing", cancellationToken) is [var labFirst, ..] ? labFirst : null;
        var admins = await db.Users.Where(u => u.UserName == "admin.hebei" || u.UserName == "admin.shijiazhuang").ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        if (enterprise is null || provider is null || lab is null || admins.Count < 2)
        {
            return;
        }

        enterpriseUser = await db.Users.Where(u => u.UserName == "enterprise.demo").Select(u => u.Id).FirstAsync(cancellationToken);
        var (reviewer, poster) = (admins["admin.shijiazhuang"], admins["admin.hebei"]);
        var tianjinLab = (await facts.DemoOrganizationsAsync(OrganizationType.ServiceInstitution, cancellationToken)).FirstOrDefault(o => o.RegionCode.StartsWith("12", StringComparison.Ordinal));

        var hebei = await ProgramAsync(hebeiName, Jurisdictions.Hebei, year, 50_000_000_00L, RedemptionMode.General, 5000, 2_000_000, 60_000_000, 100_000_000, 500_000, 12, false, reviewer, cancellationToken);
        hebei.ExcludeFundedLastYear = false;
        await ProgramAsync($"北京市{year}年度首都科技创新券", Jurisdictions.Beijing, year, 30_000_000_00L, RedemptionMode.Direct, 5000, 5_000_000, 20_000_000, 40_000_000, 0, 12, false, reviewer, cancellationToken);
        await ProgramAsync($"天津市{year}年度科技创新券", Jurisdictions.Tianjin, year, 20_000_000_00L, RedemptionMode.Direct, 6000, 3_000_000, 10_000_000, 20_000_000, 1_000_000, 6, true, reviewer, cancellationToken);
        var lastYear = await ProgramAsync($"河北省{year - 1}年度科技创新券", Jurisdictions.Hebei, year - 1, 10_000_000_00L, RedemptionMode.General, 4000, 2_000_000, 10_000_000, 20_000_000, 1_000_000, 12, false, reviewer, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var agreement = new RecognitionAgreement
        {
            Name = "京津冀科技创新券互认互通合作协议（演示）",
            Parties = [Jurisdictions.Beijing, Jurisdictions.Tianjin, Jurisdictions.Hebei],
            EffectiveFrom = new DateOnly(2018, 5, 1),
            CreatedAt = now,
        };
        foreach (var o in new[] { lab, provider, tianjinLab }.OfType<OrganizationFacts>())
        {
            agreement.Providers.Add(new RecognisedProvider { OrganizationId = o.Id, JurisdictionCode = o.RegionCode[..2] });
        }

        db.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);

        var items = await sources.First(s => s.Kind == "service-order").ForClientAsync(enterprise.Id, cancellationToken);
        var standingOf = await standing.FindManyAsync([enterprise.Id], DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        var voucher = await IssueAsync(hebei, enterprise, standingOf[enterprise.Id].ActualController, 60_000_000, "用于检验检测、研发设计等科技服务", reviewer, now.AddDays(-40), cancellationToken);
        var oldVoucher = await IssueAsync(lastYear, enterprise, null, 3_000_000, "上年度检验检测服务", reviewer, now.AddMonths(-13), cancellationToken);

        var uses = 0;
        foreach (var (providerId, redeemable) in new[] { (provider.Id, 52), (lab.Id, 22) })
        {
            var delivered = items.Where(i => i.ProviderOrganizationId == providerId && i.Delivered).OrderBy(i => i.Title, StringComparer.Ordinal).ToList();
            for (var i = 0; i < delivered.Count; i++)
            {
                var use = await ReserveAsync(hebei, voucher, delivered[i], cancellationToken);
                uses++;
                var state = i < redeemable ? "redeemable" : States[(i - redeemable) % States.Length];
                if (state == "voided")
                {
                    await ResolveAsync(use, UseStatus.Voided, TransferKind.Void, voucher.AccountId, cancellationToken);
                    continue;
                }

                AddEvidence(use, state == "no-evidence" ? 1 : 3);
                if (state is "redeemable" or "no-evidence")
                {
                    continue;
                }

                var redemption = new Redemption
                {
                    UseId = use.Id, ProgramId = hebei.Id, RequestedByOrganizationId = enterprise.Id, PayeeOrganizationId = enterprise.Id, AmountFen = use.ReservedFen,
                    RequestedByUserId = enterpriseUser, RequestedAt = now.AddDays(-5),
                };
                db.Add(redemption);
                use.Status = UseStatus.RedemptionRequested;
                if (state != "requested")
                {
                    (redemption.Status, redemption.ReviewedByUserId, redemption.ReviewedAt, redemption.ReviewNote) = (RedemptionStatus.Reviewed, reviewer, now.AddDays(-3), "材料齐全，金额与合同一致");
                    use.Status = UseStatus.Reviewed;
                }

                await db.SaveChangesAsync(cancellationToken);
                if (state is "posted" or "reversed")
                {
                    var payable = await ledger.InTransactionAsync(() => ledger.PayableAsync(hebei.Id, enterprise.Id, cancellationToken), cancellationToken);
                    var posting = await ResolveAsync(use, UseStatus.Posted, TransferKind.Post, payable.Id, cancellationToken, poster);
                    (redemption.Status, redemption.PostedByUserId, redemption.PostedAt, redemption.PostingTransferId) = (RedemptionStatus.Posted, poster, now.AddDays(-2), posting.Id);
                    await db.SaveChangesAsync(cancellationToken);
                    if (state == "reversed")
                    {
                        await ledger.InTransactionAsync(async () =>
                        {
                            await ledger.LockAsync(cancellationToken);
                            (redemption.Status, redemption.ReversalReason, redemption.ReversedByUserId, redemption.ReversedAt) = (RedemptionStatus.Reversed, "发票金额录入有误，冲正后重新申请", poster, now.AddDays(-1));
                            use.Status = UseStatus.Reversed;
                            await db.SaveChangesAsync(cancellationToken);
                            return await ledger.TransferAsync(TransferKind.Reverse, hebei.Id, payable.Id, voucher.AccountId, redemption.AmountFen, cancellationToken,
                                reversesTransferId: posting.Id, reason: redemption.ReversalReason, byUserId: poster);
                        }, cancellationToken);
                    }
                }
            }
        }

        // One order still in progress, reserved (its redemption waits for the delivery).
        if (items.FirstOrDefault(i => i.ProviderOrganizationId == provider.Id && !i.Delivered) is { } open)
        {
            await ReserveAsync(hebei, voucher, open, cancellationToken);
            uses++;
        }

        // Last year's voucher had a reservation on an order that never got delivered: the expiry job returns both.
        if (items.Where(i => i.ProviderOrganizationId == lab.Id && !i.Delivered).Skip(1).FirstOrDefault() is { } stale)
        {
            await ReserveAsync(lastYear, oldVoucher, stale, cancellationToken);
            uses++;
        }

        await ApplicationsAsync(hebei, enterprise.Id, reviewer, cancellationToken);
        // Last year's program no longer takes applications.
        lastYear.Status = ProgramStatus.Closed;
        await db.SaveChangesAsync(cancellationToken);
        var expired = await expiry.RunOnceAsync(cancellationToken);
        progress?.Report($"demo vouchers: 4 programs, {uses} uses, {expired} expired voucher(s)");
    }

    // After the redeemable ones, the rest cycle through every other state.
    private static readonly string[] States = ["requested", "reviewed", "posted", "reversed", "voided", "no-evidence", "requested", "reviewed", "posted"];

    private async Task<VoucherProgram> ProgramAsync(string name, string jurisdiction, int year, long budget, RedemptionMode mode, int rate, long cap, long annual, long controller,
        long fullCoverage, int months, bool agreedOrder, Guid by, CancellationToken cancellationToken)
    {
        var program = new VoucherProgram
        {
            Name = name, JurisdictionCode = jurisdiction, Year = year, BudgetFen = budget, Mode = mode, RateBasisPoints = rate, CapPerApplicationFen = cap,
            AnnualCapPerEnterpriseFen = annual, AnnualCapPerControllerFen = controller, FullCoverageAtOrBelowFen = fullCoverage, ValidityMonths = months,
            RequiresAgreedOrder = agreedOrder, CoversTesting = true, CoversInstrumentUse = true, PaymentCycle = "monthly", Status = ProgramStatus.Open,
            CreatedByUserId = by, CreatedAt = now.AddDays(-90), UpdatedAt = now.AddDays(-90),
        };
        db.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            var accounts = new Dictionary<AccountKind, Guid>();
            foreach (var kind in (AccountKind[])[AccountKind.Appropriation, AccountKind.Budget, AccountKind.Reserved, AccountKind.Paid, AccountKind.Expired, AccountKind.Returned])
            {
                accounts[kind] = (await ledger.OpenAccountAsync(kind, program.Id, null, cancellationToken)).Id;
            }

            return await ledger.TransferAsync(TransferKind.Fund, program.Id, accounts[AccountKind.Appropriation], accounts[AccountKind.Budget], budget, cancellationToken, byUserId: by);
        }, cancellationToken);
        return program;
    }

    private async Task<Voucher> IssueAsync(VoucherProgram program, OrganizationFacts enterprise, string? controller, long quota, string purpose, Guid reviewer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var application = new VoucherApplication
        {
            ProgramId = program.Id, EnterpriseOrganizationId = enterprise.Id, EnterpriseRegionCode = enterprise.RegionCode, RequestedFen = quota, Purpose = purpose,
            EligibilityJson = "[]", Status = ApplicationStatus.Approved, SubmittedAt = at.AddDays(-3), ReviewedAt = at, ReviewedByUserId = reviewer, ReviewNote = "符合申领条件",
        };
        db.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            var account = await ledger.OpenAccountAsync(AccountKind.Voucher, program.Id, enterprise.Id, cancellationToken);
            var budget = await ledger.ProgramAccountAsync(program.Id, AccountKind.Budget, cancellationToken);
            var voucher = new Voucher
            {
                ProgramId = program.Id, ApplicationId = application.Id, EnterpriseOrganizationId = enterprise.Id, EnterpriseRegionCode = enterprise.RegionCode,
                ActualController = controller, QuotaFen = quota, AccountId = account.Id, IssuedAt = at, ExpiresAt = at.AddMonths(program.ValidityMonths),
            };
            db.Add(voucher);
            await ledger.TransferAsync(TransferKind.Issue, program.Id, budget.Id, account.Id, quota, cancellationToken, byUserId: reviewer);
            return voucher;
        }, cancellationToken);
    }

    private async Task<VoucherUse> ReserveAsync(VoucherProgram program, Voucher voucher, PayableItem item, CancellationToken cancellationToken) =>
        await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            var remaining = await ledger.BalanceAsync(voucher.AccountId, cancellationToken);
            var result = ReservationFormula.Compute(new ReservationInputs(item.AmountFen, ReservationFormula.RateFor(program, voucher.EnterpriseRegionCode), program.FullCoverageAtOrBelowFen,
                remaining, program.CapPerApplicationFen, long.MaxValue / 4, long.MaxValue / 4, long.MaxValue / 4));
            var reserved = await ledger.ProgramAccountAsync(program.Id, AccountKind.Reserved, cancellationToken);
            var transfer = await ledger.TransferAsync(TransferKind.Reserve, program.Id, voucher.AccountId, reserved.Id, result.AmountFen, cancellationToken, pending: true);
            var provider = (await facts.FindAsync(item.ProviderOrganizationId, cancellationToken))!;
            var use = new VoucherUse
            {
                VoucherId = voucher.Id, ProgramId = program.Id, ItemKind = item.Kind, ItemId = item.Id, ItemTitle = item.Title, EnterpriseOrganizationId = voucher.EnterpriseOrganizationId,
                ProviderOrganizationId = item.ProviderOrganizationId, ProviderRegionCode = provider.RegionCode, SectorCode = item.SectorCode, OrderAmountFen = item.AmountFen,
                ReservedFen = result.AmountFen, FormulaJson = JsonSerializer.Serialize(new { result }, Json), ReservationTransferId = transfer.Id, CreatedAt = now.AddDays(-20), CreatedByUserId = enterpriseUser,
            };
            db.Add(use);
            await db.SaveChangesAsync(cancellationToken);
            return use;
        }, cancellationToken);

    private async Task<LedgerTransfer> ResolveAsync(VoucherUse use, UseStatus status, TransferKind kind, Guid to, CancellationToken cancellationToken, Guid? by = null) =>
        await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            use.Status = status;
            use.ResolvedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            var reserved = await ledger.ProgramAccountAsync(use.ProgramId, AccountKind.Reserved, cancellationToken);
            return await ledger.TransferAsync(kind, use.ProgramId, reserved.Id, to, use.ReservedFen, cancellationToken, resolvesPendingId: use.ReservationTransferId, byUserId: by);
        }, cancellationToken);

    // Small distinct PDF files in the file store, one per document, so that each use's evidence is its own.
    private void AddEvidence(VoucherUse use, int count)
    {
        foreach (var kind in UsesHandler.EvidenceKinds.Take(count))
        {
            var bytes = Encoding.ASCII.GetBytes($"%PDF-1.4\n% TechBridge demo evidence {kind} {++evidenceSerial}\n%%EOF\n");
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var path = files.PathOf(sha);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            db.Add(new FileUpload { Sha256 = sha, UserId = use.CreatedByUserId, ContentType = "application/pdf", Size = bytes.Length, FileName = $"{kind}-{evidenceSerial}.pdf", CreatedAt = now });
            db.Add(new UseEvidence { UseId = use.Id, Kind = kind, Sha256 = sha, UploadedByUserId = use.CreatedByUserId, At = now.AddDays(-6) });
        }
    }

    // Applications from other Hebei demo enterprises: waiting for review, and one rejected.
    private async Task ApplicationsAsync(VoucherProgram program, Guid demoEnterprise, Guid reviewer, CancellationToken cancellationToken)
    {
        var others = (await facts.DemoOrganizationsAsync(OrganizationType.Enterprise, cancellationToken)).Where(o => o.Id != demoEnterprise && o.RegionCode.StartsWith("13", StringComparison.Ordinal))
            .OrderBy(o => o.RegionCode.StartsWith("1301", StringComparison.Ordinal) ? 0 : 1).ThenBy(o => o.RegionCode, StringComparer.Ordinal).Take(5).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            db.Add(new VoucherApplication
            {
                ProgramId = program.Id, EnterpriseOrganizationId = others[i].Id, EnterpriseRegionCode = others[i].RegionCode, RequestedFen = (5 + i) * 1_000_000L,
                Purpose = i % 2 == 0 ? "委托第三方检验检测新产品性能" : "购买工业设计与研发服务", EligibilityJson = "[]",
                Status = i == 4 ? ApplicationStatus.Rejected : ApplicationStatus.Submitted, SubmittedAt = now.AddDays(-i - 1),
                ReviewedByUserId = i == 4 ? reviewer : null, ReviewedAt = i == 4 ? now.AddDays(-1) : null, ReviewNote = i == 4 ? "申请材料不完整：缺少营业执照副本" : null,
            });
        }
    }
}
