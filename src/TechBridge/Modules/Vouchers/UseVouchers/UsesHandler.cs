using System.Text.Json;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Modules.Vouchers.ManagePrograms;
using TechBridge.Platform.Files;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Vouchers.UseVouchers;

internal sealed record UseRequest(string? ItemKind, Guid? ItemId);

internal sealed record EvidenceItem(string? Kind, string? Sha256);

internal sealed record EvidenceResponse(string Kind, string Sha256, DateTimeOffset At);

internal sealed record UseResponse(
    Guid Id, Guid VoucherId, Guid ProgramId, string ProgramName, string Mode, string ItemKind, Guid ItemId, string ItemTitle,
    Guid EnterpriseOrganizationId, string EnterpriseName, Guid ProviderOrganizationId, string ProviderName,
    long OrderAmountFen, long ReservedFen, string OrderAmountDisplay, string ReservedDisplay, string LimitedBy,
    string Status, bool Redeemable, string RequestingParty, IReadOnlyList<EvidenceResponse> Evidence, DateTimeOffset CreatedAt);

// Using a voucher on an order: the reservation (a pending transfer voucher → reserved, computed by the formula
// inside the ledger's lock so that concurrent uses never overdraw), cancellation (void), evidence, and lists.
internal sealed class UsesHandler(PlatformDbContext db, VoucherParties parties, IOrganizationStanding standing, IOrganizationFacts facts, ProgramsHandler programs, VoucherLedger ledger, TimeProvider clock)
{
    public static readonly string[] EvidenceKinds = ["contract", "invoice", "payment-proof"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<UseResponse> ReserveAsync(Guid voucherId, UseRequest request, CancellationToken cancellationToken)
    {
        var item = await parties.ItemAsync(request.ItemKind ?? "service-order", request.ItemId, cancellationToken);
        var source = parties.Source(item.Kind);
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var voucher = await db.Set<Voucher>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == voucherId && v.EnterpriseOrganizationId == organizationId, cancellationToken)
            ?? throw new NotFoundException("The voucher");
        var program = await db.Set<VoucherProgram>().AsNoTracking().FirstAsync(p => p.Id == voucher.ProgramId, cancellationToken);
        var today = parties.Today;
        var provider = (await standing.FindManyAsync([item.ProviderOrganizationId], today, cancellationToken)).GetValueOrDefault(item.ProviderOrganizationId) ?? throw new NotFoundException("The provider");
        var v = new Validation();
        if (item.ClientOrganizationId != organizationId)
        {
            v.Add("itemId", "ownOrder", "A voucher pays for an order of its own enterprise.");
        }

        if (!await programs.AcceptsProviderAsync(program, provider.Id, provider.RegionCode, provider.IsAdmittedInstitution, today, cancellationToken))
        {
            v.Add("itemId", "acceptedProvider", "The provider is not accepted by the program (an admitted institution of its jurisdiction or a recognised provider of a partner).");
        }

        if (program.EligibleSectors.Count > 0 && (item.SectorCode is null || !program.EligibleSectors.Contains(item.SectorCode)))
        {
            v.Add("itemId", "eligibleSector", "The program does not cover the order's sector.");
        }

        if ((source.Category == PayableCategory.InstrumentUse && !program.CoversInstrumentUse) || (source.Category == PayableCategory.Testing && !program.CoversTesting))
        {
            v.Add("itemKind", "coveredKind", "The program does not cover this kind of service.");
        }

        v.ThrowIfInvalid();
        if (voucher.Status != VoucherStatus.Active || voucher.ExpiresAt <= clock.GetUtcNow())
        {
            throw new ConflictException("voucher_expired", "The voucher has expired.");
        }

        if (program.Status != ProgramStatus.Open)
        {
            throw new ConflictException("program_closed", "The program is closed.");
        }

        var use = await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            if (await db.Set<VoucherUse>().AnyAsync(u => u.ItemKind == item.Kind && u.ItemId == item.Id && (int)u.Status <= (int)UseStatus.Posted, cancellationToken))
            {
                throw new ConflictException("order_already_paid", "A voucher already pays for this order.");
            }

            var inputs = await InputsAsync(program, voucher, item, cancellationToken);
            var result = ReservationFormula.Compute(inputs);
            if (result.AmountFen <= 0)
            {
                throw new ConflictException("nothing_left", $"Nothing can be reserved: {result.LimitedBy} is exhausted.", new Dictionary<string, object?> { ["limitedBy"] = result.LimitedBy });
            }

            var reserved = await ledger.ProgramAccountAsync(program.Id, AccountKind.Reserved, cancellationToken);
            var transfer = await ledger.TransferAsync(TransferKind.Reserve, program.Id, voucher.AccountId, reserved.Id, result.AmountFen, cancellationToken, pending: true, byUserId: parties.Access.UserId);
            var created = new VoucherUse
            {
                VoucherId = voucher.Id,
                ProgramId = program.Id,
                ItemKind = item.Kind,
                ItemId = item.Id,
                ItemTitle = item.Title.Length > 200 ? item.Title[..200] : item.Title,
                EnterpriseOrganizationId = organizationId,
                ProviderOrganizationId = provider.Id,
                ProviderRegionCode = provider.RegionCode,
                SectorCode = item.SectorCode,
                OrderAmountFen = item.AmountFen,
                ReservedFen = result.AmountFen,
                FormulaJson = JsonSerializer.Serialize(new { inputs, result }, Json),
                ReservationTransferId = transfer.Id,
                CreatedAt = clock.GetUtcNow(),
                CreatedByUserId = parties.Access.UserId,
            };
            db.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }, cancellationToken);
        return (await ToResponsesAsync([use], organizationId, cancellationToken))[0];
    }

    // Every term of the formula, read inside the ledger's lock.
    private async Task<ReservationInputs> InputsAsync(VoucherProgram program, Voucher voucher, PayableItem item, CancellationToken cancellationToken)
    {
        var live = new[] { UseStatus.Reserved, UseStatus.RedemptionRequested, UseStatus.Reviewed, UseStatus.Posted };
        var enterpriseSpent = await db.Set<VoucherUse>().Where(u => u.ProgramId == program.Id && u.EnterpriseOrganizationId == voucher.EnterpriseOrganizationId && live.Contains(u.Status))
            .SumAsync(u => (long?)u.ReservedFen, cancellationToken) ?? 0;
        var controllerSpent = enterpriseSpent;
        if (voucher.ActualController is { } controller)
        {
            controllerSpent = await db.Set<VoucherUse>().Where(u => u.ProgramId == program.Id && live.Contains(u.Status))
                .Join(db.Set<Voucher>().Where(v => v.ActualController == controller), u => u.VoucherId, v => v.Id, (u, v) => u.ReservedFen)
                .SumAsync(x => (long?)x, cancellationToken) ?? 0;
        }

        var committed = await db.Set<LedgerAccount>().Where(a => a.ProgramId == program.Id && (a.Kind == AccountKind.Reserved || a.Kind == AccountKind.Payable || a.Kind == AccountKind.Paid))
            .SumAsync(a => (long?)a.BalanceFen, cancellationToken) ?? 0;
        return new ReservationInputs(
            item.AmountFen,
            ReservationFormula.RateFor(program, voucher.EnterpriseRegionCode),
            program.FullCoverageAtOrBelowFen,
            await ledger.BalanceAsync(voucher.AccountId, cancellationToken),
            program.CapPerApplicationFen,
            program.AnnualCapPerEnterpriseFen - enterpriseSpent,
            program.AnnualCapPerControllerFen - controllerSpent,
            program.BudgetFen - committed);
    }

    // Cancel → the reservation is voided (reserved → voucher), exactly once.
    public async Task<UseResponse> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var use = await db.Set<VoucherUse>().FirstOrDefaultAsync(u => u.Id == id && u.EnterpriseOrganizationId == organizationId, cancellationToken) ?? throw new NotFoundException("The voucher use");
        if (use.Status != UseStatus.Reserved)
        {
            throw new ConflictException("transition_not_allowed", "Only a reservation without a redemption is cancelled.");
        }

        await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            use.Status = UseStatus.Voided;
            use.ResolvedAt = clock.GetUtcNow();
            await SaveStatusAsync(cancellationToken);
            await ReleaseAsync(use, TransferKind.Void, cancellationToken);
            return true;
        }, cancellationToken);
        return (await ToResponsesAsync([use], organizationId, cancellationToken))[0];
    }

    // The reservation goes back to the voucher, or to the budget when the voucher has expired meanwhile.
    public async Task ReleaseAsync(VoucherUse use, TransferKind kind, CancellationToken cancellationToken)
    {
        var voucher = await db.Set<Voucher>().AsNoTracking().FirstAsync(v => v.Id == use.VoucherId, cancellationToken);
        var reserved = await ledger.ProgramAccountAsync(use.ProgramId, AccountKind.Reserved, cancellationToken);
        var to = voucher.Status == VoucherStatus.Active ? voucher.AccountId : (await ledger.ProgramAccountAsync(use.ProgramId, AccountKind.Budget, cancellationToken)).Id;
        await ledger.TransferAsync(kind, use.ProgramId, reserved.Id, to, use.ReservedFen, cancellationToken, resolvesPendingId: use.ReservationTransferId, byUserId: parties.UserId);
    }

    private async Task SaveStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("transition_not_allowed", "The voucher use was changed meanwhile; reload.");
        }
    }

    public async Task<UseResponse> AddEvidenceAsync(Guid id, EvidenceItem request, CancellationToken cancellationToken)
    {
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var use = await db.Set<VoucherUse>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && (u.EnterpriseOrganizationId == organizationId || u.ProviderOrganizationId == organizationId), cancellationToken)
            ?? throw new NotFoundException("The voucher use");
        await ValidateEvidenceAsync([request], inRequest: false, cancellationToken);
        if (use.Status != UseStatus.Reserved)
        {
            throw new ConflictException("transition_not_allowed", "Evidence is added while the use waits for its redemption request.");
        }

        var existing = await db.Set<UseEvidence>().FirstOrDefaultAsync(e => e.UseId == id && e.Kind == request.Kind, cancellationToken);
        if (existing is null)
        {
            db.Add(new UseEvidence { UseId = id, Kind = request.Kind!, Sha256 = request.Sha256!.Trim().ToLowerInvariant(), UploadedByUserId = parties.Access.UserId, At = clock.GetUtcNow() });
        }
        else
        {
            existing.Sha256 = request.Sha256!.Trim().ToLowerInvariant();
            existing.UploadedByUserId = parties.Access.UserId;
            existing.At = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponsesAsync([use], organizationId, cancellationToken))[0];
    }

    public async Task ValidateEvidenceAsync(IReadOnlyList<EvidenceItem> items, bool inRequest, CancellationToken cancellationToken)
    {
        var v = new Validation();
        for (var i = 0; i < items.Count; i++)
        {
            var kindValid = items[i].Kind is { } kind && EvidenceKinds.Contains(kind);
            var sha = items[i].Sha256?.Trim().ToLowerInvariant();
            var shaValid = FileStore.IsSha256(sha) && await db.Set<FileUpload>().AnyAsync(f => f.Sha256 == sha, cancellationToken);
            if (!kindValid && inRequest)
            {
                v.Add($"evidence[{i}].kind", "evidenceKind", "Evidence is a contract, an invoice or a payment proof.");
            }
            else if (!kindValid)
            {
                v.Add("kind", "evidenceKind", "Evidence is a contract, an invoice or a payment proof.");
            }

            if (!shaValid && inRequest)
            {
                v.Add($"evidence[{i}].sha256", "unknown", "Upload the file with POST /api/v1/files first and give its sha256.");
            }
            else if (!shaValid)
            {
                v.Add("sha256", "unknown", "Upload the file with POST /api/v1/files first and give its sha256.");
            }
        }

        v.ThrowIfInvalid();
    }

    // The acting organization's uses, as enterprise or as provider; state=redeemable: those whose redemption the
    // acting organization may request now (the party the mode names, the order delivered, evidence complete).
    public async Task<IReadOnlyList<UseResponse>> ListAsync(string? state, CancellationToken cancellationToken)
    {
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var query = db.Set<VoucherUse>().AsNoTracking().Where(u => u.EnterpriseOrganizationId == organizationId || u.ProviderOrganizationId == organizationId);
        if (state is "redeemable")
        {
            query = query.Where(u => u.Status == UseStatus.Reserved);
        }
        else if (state is not null and not "all")
        {
            var parsed = Enum.GetValues<UseStatus>().FirstOrDefault(s => StatusName(s) == state);
            if (parsed == 0)
            {
                throw InvalidRequestException.For("state", "state", "The state is redeemable, all or one of the use states.");
            }

            query = query.Where(u => u.Status == parsed);
        }

        var uses = await query.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id).Take(500).ToListAsync(cancellationToken);
        var result = await ToResponsesAsync(uses, organizationId, cancellationToken);
        return state is "redeemable" ? result.Where(u => u.Redeemable).ToList() : result;
    }

    // The enterprise's orders a voucher could pay for now: its own, not yet paid by a live use.
    public async Task<IReadOnlyList<PayableItem>> CandidatesAsync(Guid voucherId, CancellationToken cancellationToken)
    {
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        if (!await db.Set<Voucher>().AnyAsync(v => v.Id == voucherId && v.EnterpriseOrganizationId == organizationId, cancellationToken))
        {
            throw new NotFoundException("The voucher");
        }

        var paid = (await db.Set<VoucherUse>().AsNoTracking().Where(u => u.EnterpriseOrganizationId == organizationId && (int)u.Status <= (int)UseStatus.Posted)
            .Select(u => u.ItemId).ToListAsync(cancellationToken)).ToHashSet();
        var items = new List<PayableItem>();
        foreach (var source in parties.Sources)
        {
            items.AddRange((await source.ForClientAsync(organizationId, cancellationToken)).Where(i => !paid.Contains(i.Id)));
        }

        return items;
    }

    public async Task<UseResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var use = await db.Set<VoucherUse>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) ?? throw new NotFoundException("The voucher use");
        var acting = await parties.ActingOrNullAsync(cancellationToken);
        if (acting != use.EnterpriseOrganizationId && acting != use.ProviderOrganizationId)
        {
            var enterprise = await facts.FindAsync(use.EnterpriseOrganizationId, cancellationToken);
            if (enterprise is null || !await parties.Access.HasPermissionAsync(VouchersPermissions.Review, enterprise.RegionCode, cancellationToken))
            {
                throw new NotFoundException("The voucher use");
            }
        }

        return (await ToResponsesAsync([use], acting ?? Guid.Empty, cancellationToken))[0];
    }

    public static string StatusName(UseStatus s) => s switch
    {
        UseStatus.Reserved => "reserved",
        UseStatus.RedemptionRequested => "redemption-requested",
        UseStatus.Reviewed => "reviewed",
        UseStatus.Posted => "posted",
        UseStatus.Voided => "voided",
        UseStatus.Expired => "expired",
        _ => "reversed",
    };

    public async Task<IReadOnlyList<UseResponse>> ToResponsesAsync(IReadOnlyList<VoucherUse> uses, Guid viewer, CancellationToken cancellationToken)
    {
        var ids = uses.Select(u => u.Id).ToList();
        var evidence = (await db.Set<UseEvidence>().AsNoTracking().Where(e => ids.Contains(e.UseId)).ToListAsync(cancellationToken)).ToLookup(e => e.UseId);
        var names = await facts.FindManyAsync(uses.SelectMany(u => new[] { u.EnterpriseOrganizationId, u.ProviderOrganizationId }).Distinct().ToList(), cancellationToken);
        var programIds = uses.Select(u => u.ProgramId).Distinct().ToList();
        var programsById = await db.Set<VoucherProgram>().AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var delivered = new Dictionary<Guid, bool>();
        foreach (var group in uses.Where(u => u.Status == UseStatus.Reserved).GroupBy(u => u.ItemKind))
        {
            var source = parties.Sources.FirstOrDefault(s => s.Kind == group.Key);
            if (source is null)
            {
                continue;
            }

            foreach (var (itemId, item) in await source.FindManyAsync(group.Select(u => u.ItemId).ToList(), cancellationToken))
            {
                delivered[itemId] = item.Delivered;
            }
        }

        return uses.Select(u =>
        {
            var p = programsById[u.ProgramId];
            var requester = p.Mode == RedemptionMode.General ? u.EnterpriseOrganizationId : u.ProviderOrganizationId;
            var kinds = evidence[u.Id].Select(e => e.Kind).ToHashSet();
            var redeemable = u.Status == UseStatus.Reserved && requester == viewer && delivered.GetValueOrDefault(u.ItemId) && EvidenceKinds.All(kinds.Contains);
            var limitedBy = JsonDocument.Parse(u.FormulaJson).RootElement.TryGetProperty("result", out var r) && r.TryGetProperty("limitedBy", out var l) ? l.GetString() ?? "" : "";
            return new UseResponse(u.Id, u.VoucherId, u.ProgramId, p.Name, p.Mode == RedemptionMode.General ? "general" : "direct", u.ItemKind, u.ItemId, u.ItemTitle,
                u.EnterpriseOrganizationId, names.GetValueOrDefault(u.EnterpriseOrganizationId)?.LegalName ?? "", u.ProviderOrganizationId, names.GetValueOrDefault(u.ProviderOrganizationId)?.LegalName ?? "",
                u.OrderAmountFen, u.ReservedFen, new Money(u.OrderAmountFen).ToDisplay(), new Money(u.ReservedFen).ToDisplay(), limitedBy, StatusName(u.Status), redeemable,
                p.Mode == RedemptionMode.General ? "enterprise" : "provider",
                evidence[u.Id].OrderBy(e => e.Kind).Select(e => new EvidenceResponse(e.Kind, e.Sha256, e.At)).ToList(), u.CreatedAt);
        }).ToList();
    }
}
