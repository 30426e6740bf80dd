using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Modules.Vouchers.UseVouchers;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Vouchers.RedeemVouchers;

internal sealed record RedemptionRequest(IReadOnlyList<EvidenceItem>? Evidence);

internal sealed record ReviewRequest(bool? Approve, string? Note);

internal sealed record ReversalRequest(string? Reason);

internal sealed record RedemptionResponse(
    Guid Id, Guid UseId, Guid ProgramId, string ProgramName, string Mode, string ItemTitle, Guid EnterpriseOrganizationId, string EnterpriseName,
    Guid ProviderOrganizationId, string ProviderName, Guid PayeeOrganizationId, string PayeeName, long AmountFen, string AmountDisplay, long OrderAmountFen,
    string Status, DateTimeOffset RequestedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? ReviewNote, string? PostedBy, DateTimeOffset? PostedAt,
    string? ReversalReason, IReadOnlyList<EvidenceResponse> Evidence, bool YouReviewed);

// Redemption: requested by the party the mode names, reviewed by one admin, posted by a second, different admin
// (reserved → payable, resolving the reservation), and corrected after posting only by a reversing transfer.
internal sealed class RedemptionsHandler(PlatformDbContext db, VoucherParties parties, IOrganizationFacts facts, UsesHandler uses, VoucherLedger ledger, Notifier notifier, TimeProvider clock)
{
    public async Task<RedemptionResponse> RequestAsync(Guid useId, RedemptionRequest request, CancellationToken cancellationToken)
    {
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var use = await db.Set<VoucherUse>().FirstOrDefaultAsync(u => u.Id == useId && (u.EnterpriseOrganizationId == organizationId || u.ProviderOrganizationId == organizationId), cancellationToken)
            ?? throw new NotFoundException("The voucher use");
        var evidence = request.Evidence ?? [];
        await uses.ValidateEvidenceAsync(evidence, inRequest: true, cancellationToken);
        if (await db.Set<Redemption>().AsNoTracking().FirstOrDefaultAsync(r => r.UseId == useId && r.Status != RedemptionStatus.Rejected, cancellationToken) is { } existing)
        {
            throw Exists(existing);
        }

        var program = await db.Set<VoucherProgram>().AsNoTracking().FirstAsync(p => p.Id == use.ProgramId, cancellationToken);
        var requester = program.Mode == RedemptionMode.General ? use.EnterpriseOrganizationId : use.ProviderOrganizationId;
        var item = await parties.Source(use.ItemKind).FindAsync(use.ItemId, cancellationToken);
        var stored = await db.Set<UseEvidence>().AsNoTracking().Where(e => e.UseId == useId).Select(e => e.Kind).ToListAsync(cancellationToken);
        var v = new Validation();
        if (requester != organizationId)
        {
            v.Add("useId", program.Mode == RedemptionMode.General ? "enterpriseRedeems" : "providerRedeems",
                program.Mode == RedemptionMode.General ? "In a general (通用) program the enterprise asks for redemption." : "In a direct (通兑) program the provider asks for redemption.");
        }

        if (item is not { Delivered: true })
        {
            v.Add("useId", "delivered", "Redemption is asked for after the service was delivered.");
        }

        var missing = UsesHandler.EvidenceKinds.Except(stored.Concat(evidence.Select(e => e.Kind ?? ""))).ToList();
        if (missing.Count > 0)
        {
            v.Add("evidence", "evidenceComplete", $"The contract, the invoice and the payment proof are attached (missing: {string.Join(", ", missing)}).",
                new Dictionary<string, object> { ["missing"] = string.Join(", ", missing) });
        }

        v.ThrowIfInvalid();
        if (use.Status != UseStatus.Reserved)
        {
            throw new ConflictException("transition_not_allowed", $"A use that is {UsesHandler.StatusName(use.Status)} cannot be redeemed.");
        }

        var redemption = new Redemption
        {
            UseId = use.Id,
            ProgramId = use.ProgramId,
            RequestedByOrganizationId = organizationId,
            RequestedByUserId = parties.Access.UserId,
            PayeeOrganizationId = requester,
            AmountFen = use.ReservedFen,
            RequestedAt = clock.GetUtcNow(),
        };
        await ledger.InTransactionAsync(async () =>
        {
            // The use's status is the concurrency token: of concurrent requests one UPDATE finds it reserved, the
            // others find it changed (0 rows) and answer 409 with the redemption that exists.
            use.Status = UseStatus.RedemptionRequested;
            foreach (var e in evidence)
            {
                var sha = e.Sha256!.Trim().ToLowerInvariant();
                var found = await db.Set<UseEvidence>().FirstOrDefaultAsync(x => x.UseId == use.Id && x.Kind == e.Kind, cancellationToken);
                if (found is null)
                {
                    db.Add(new UseEvidence { UseId = use.Id, Kind = e.Kind!, Sha256 = sha, UploadedByUserId = parties.Access.UserId, At = redemption.RequestedAt });
                }
                else
                {
                    found.Sha256 = sha;
                }
            }

            db.Add(redemption);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || Problem.From(exception)?.Code == "constraint")
            {
                throw new ConflictException("redemption_exists", "A redemption of this use exists already.");
            }

            return true;
        }, cancellationToken);
        return (await ToResponsesAsync([redemption], cancellationToken))[0];
    }

    private static ConflictException Exists(Redemption existing) =>
        new("redemption_exists", "A redemption of this use exists already.", new Dictionary<string, object?> { ["redemptionId"] = existing.Id, ["status"] = existing.Status.ToString().ToLowerInvariant() });

    // The first admin's decision: approve for posting (a second admin posts) or reject (the use is reserved again).
    public async Task<RedemptionResponse> ReviewAsync(Guid id, ReviewRequest request, CancellationToken cancellationToken)
    {
        var v = new Validation().MaxLength("note", request.Note, 2000);
        if (request.Approve is null)
        {
            v.Add("approve", "required", "Say whether the redemption is approved.");
        }
        else if (request.Approve == false && string.IsNullOrWhiteSpace(request.Note))
        {
            v.Add("note", "reasonForRejection", "A rejection gives the reason.");
        }

        v.ThrowIfInvalid();
        var (redemption, use) = await LoadForAdminAsync(id, cancellationToken);
        if (redemption.Status != RedemptionStatus.Requested)
        {
            throw new ConflictException("transition_not_allowed", "Only a requested redemption is reviewed.");
        }

        redemption.ReviewedByUserId = parties.Access.UserId;
        redemption.ReviewedAt = clock.GetUtcNow();
        redemption.ReviewNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        redemption.Status = request.Approve == true ? RedemptionStatus.Reviewed : RedemptionStatus.Rejected;
        use.Status = request.Approve == true ? UseStatus.Reviewed : UseStatus.Reserved;
        await SaveAsync(cancellationToken);
        return (await ToResponsesAsync([redemption], cancellationToken))[0];
    }

    // Four eyes: the posting admin is not the reviewer (403 here, and a CHECK constraint in the database).
    public async Task<RedemptionResponse> PostAsync(Guid id, CancellationToken cancellationToken)
    {
        var (redemption, use) = await LoadForAdminAsync(id, cancellationToken);
        if (redemption.ReviewedByUserId == parties.Access.UserId)
        {
            throw new ForbiddenException("A second, different admin approves the posting (four eyes).");
        }

        if (redemption.Status != RedemptionStatus.Reviewed)
        {
            throw new ConflictException("transition_not_allowed", "Only a reviewed redemption is posted.");
        }

        await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            var reserved = await ledger.ProgramAccountAsync(redemption.ProgramId, AccountKind.Reserved, cancellationToken);
            var payable = await ledger.PayableAsync(redemption.ProgramId, redemption.PayeeOrganizationId, cancellationToken);
            redemption.Status = RedemptionStatus.Posted;
            redemption.PostedByUserId = parties.Access.UserId;
            redemption.PostedAt = clock.GetUtcNow();
            use.Status = UseStatus.Posted;
            use.ResolvedAt = redemption.PostedAt;
            await SaveAsync(cancellationToken);
            var transfer = await ledger.TransferAsync(TransferKind.Post, redemption.ProgramId, reserved.Id, payable.Id, redemption.AmountFen, cancellationToken,
                resolvesPendingId: use.ReservationTransferId, byUserId: parties.Access.UserId);
            redemption.PostingTransferId = transfer.Id;
            await SaveAsync(cancellationToken);
            return true;
        }, cancellationToken);
        foreach (var userId in await facts.MemberUserIdsAsync(redemption.PayeeOrganizationId, cancellationToken))
        {
            notifier.Notify(userId, "voucher.redemption-posted", $"Voucher redemption posted: {new Money(redemption.AmountFen).ToDisplay()}", use.ItemTitle, "/Vouchers/Uses");
        }

        await db.SaveChangesAsync(cancellationToken);
        return (await ToResponsesAsync([redemption], cancellationToken))[0];
    }

    // A mistake after posting: a reversing transfer (payable → voucher, or the budget once the voucher expired), with
    // its reason; nothing posted is ever edited. A unique index allows one reversal per posting.
    public async Task<RedemptionResponse> ReverseAsync(Guid id, ReversalRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 2000).ThrowIfInvalid();
        var (redemption, use) = await LoadForAdminAsync(id, cancellationToken);
        if (redemption.Status != RedemptionStatus.Posted || redemption.PostingTransferId is null)
        {
            throw new ConflictException("transition_not_allowed", "Only a posted redemption is reversed.");
        }

        await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            var voucher = await db.Set<Voucher>().AsNoTracking().FirstAsync(v => v.Id == use.VoucherId, cancellationToken);
            var payable = await ledger.PayableAsync(redemption.ProgramId, redemption.PayeeOrganizationId, cancellationToken);
            var to = voucher.Status == VoucherStatus.Active ? voucher.AccountId : (await ledger.ProgramAccountAsync(redemption.ProgramId, AccountKind.Budget, cancellationToken)).Id;
            redemption.Status = RedemptionStatus.Reversed;
            redemption.ReversalReason = request.Reason!.Trim();
            redemption.ReversedByUserId = parties.Access.UserId;
            redemption.ReversedAt = clock.GetUtcNow();
            use.Status = UseStatus.Reversed;
            await SaveAsync(cancellationToken);
            await ledger.TransferAsync(TransferKind.Reverse, redemption.ProgramId, payable.Id, to, redemption.AmountFen, cancellationToken,
                reversesTransferId: redemption.PostingTransferId, reason: redemption.ReversalReason, byUserId: parties.Access.UserId);
            return true;
        }, cancellationToken);
        return (await ToResponsesAsync([redemption], cancellationToken))[0];
    }

    // Admin queues: requested (first review) and reviewed (the four-eyes posting queue, with the first decision).
    public async Task<IReadOnlyList<RedemptionResponse>> QueueAsync(string? status, CancellationToken cancellationToken)
    {
        var jurisdictions = await parties.Access.JurisdictionsWithAsync(VouchersPermissions.Review, cancellationToken);
        if (jurisdictions.Count == 0)
        {
            throw new ForbiddenException("Admins holding the voucher review permission see the queue.");
        }

        var wanted = status switch
        {
            null or "requested" => RedemptionStatus.Requested,
            "reviewed" => RedemptionStatus.Reviewed,
            "posted" => RedemptionStatus.Posted,
            "rejected" => RedemptionStatus.Rejected,
            "reversed" => RedemptionStatus.Reversed,
            _ => throw InvalidRequestException.For("status", "status", "The status is requested, reviewed, posted, rejected or reversed."),
        };
        var rows = await db.Set<Redemption>().AsNoTracking().Where(r => r.Status == wanted)
            .Join(db.Set<VoucherUse>(), r => r.UseId, u => u.Id, (r, u) => new { r, u.EnterpriseOrganizationId })
            .OrderBy(x => x.r.RequestedAt).Take(1000).ToListAsync(cancellationToken);
        var regions = await facts.FindManyAsync(rows.Select(x => x.EnterpriseOrganizationId).Distinct().ToList(), cancellationToken);
        var visible = rows.Where(x => regions.TryGetValue(x.EnterpriseOrganizationId, out var o) && jurisdictions.Any(j => Jurisdictions.Covers(j, o.RegionCode)))
            .Select(x => x.r).Take(200).ToList();
        return await ToResponsesAsync(visible, cancellationToken);
    }

    public async Task<RedemptionResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var redemption = await db.Set<Redemption>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("The redemption");
        var use = await db.Set<VoucherUse>().AsNoTracking().FirstAsync(u => u.Id == redemption.UseId, cancellationToken);
        var acting = await parties.ActingOrNullAsync(cancellationToken);
        if (acting != use.EnterpriseOrganizationId && acting != use.ProviderOrganizationId)
        {
            await RequireReviewerAsync(use, cancellationToken);
        }

        return (await ToResponsesAsync([redemption], cancellationToken))[0];
    }

    private async Task<(Redemption, VoucherUse)> LoadForAdminAsync(Guid id, CancellationToken cancellationToken)
    {
        var redemption = await db.Set<Redemption>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("The redemption");
        var use = await db.Set<VoucherUse>().FirstAsync(u => u.Id == redemption.UseId, cancellationToken);
        await RequireReviewerAsync(use, cancellationToken);
        return (redemption, use);
    }

    // Reviewers are admins of the enterprise's jurisdiction (a city reviews, the province posts, or two of either).
    private async Task RequireReviewerAsync(VoucherUse use, CancellationToken cancellationToken)
    {
        var enterprise = await facts.FindAsync(use.EnterpriseOrganizationId, cancellationToken) ?? throw new NotFoundException("The redemption");
        await parties.Access.RequirePermissionAsync(VouchersPermissions.Review, enterprise.RegionCode, cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("transition_not_allowed", "The redemption was decided meanwhile; reload.");
        }
    }

    public async Task<IReadOnlyList<RedemptionResponse>> ToResponsesAsync(IReadOnlyList<Redemption> list, CancellationToken cancellationToken)
    {
        var useIds = list.Select(r => r.UseId).ToList();
        var usesById = await db.Set<VoucherUse>().AsNoTracking().Where(u => useIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var evidence = (await db.Set<UseEvidence>().AsNoTracking().Where(e => useIds.Contains(e.UseId)).ToListAsync(cancellationToken)).ToLookup(e => e.UseId);
        var orgs = await facts.FindManyAsync(usesById.Values.SelectMany(u => new[] { u.EnterpriseOrganizationId, u.ProviderOrganizationId }).Distinct().ToList(), cancellationToken);
        var programIds = list.Select(r => r.ProgramId).Distinct().ToList();
        var programsById = await db.Set<VoucherProgram>().AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var userIds = list.SelectMany(r => new[] { r.ReviewedByUserId, r.PostedByUserId }).OfType<Guid>().Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? "", cancellationToken);
        var me = parties.UserId;
        return list.Select(r =>
        {
            var u = usesById[r.UseId];
            var p = programsById[r.ProgramId];
            string Name(Guid id) => orgs.GetValueOrDefault(id)?.LegalName ?? "";
            return new RedemptionResponse(r.Id, r.UseId, r.ProgramId, p.Name, p.Mode == RedemptionMode.General ? "general" : "direct", u.ItemTitle,
                u.EnterpriseOrganizationId, Name(u.EnterpriseOrganizationId), u.ProviderOrganizationId, Name(u.ProviderOrganizationId), r.PayeeOrganizationId, Name(r.PayeeOrganizationId),
                r.AmountFen, new Money(r.AmountFen).ToDisplay(), u.OrderAmountFen, r.Status.ToString().ToLowerInvariant(), r.RequestedAt,
                r.ReviewedByUserId is { } rv ? userNames.GetValueOrDefault(rv) : null, r.ReviewedAt, r.ReviewNote,
                r.PostedByUserId is { } pb ? userNames.GetValueOrDefault(pb) : null, r.PostedAt, r.ReversalReason,
                evidence[r.UseId].OrderBy(e => e.Kind).Select(e => new EvidenceResponse(e.Kind, e.Sha256, e.At)).ToList(), me is not null && r.ReviewedByUserId == me);
        }).ToList();
    }
}
