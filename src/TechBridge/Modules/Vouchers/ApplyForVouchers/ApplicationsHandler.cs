using System.Text.Json;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Modules.Vouchers.ManagePrograms;
using TechBridge.Platform.Notifications;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Vouchers.ApplyForVouchers;

// One eligibility rule's result, explained: Text is an English UI key with placeholders filled by Args.
internal sealed record RuleResult(string Rule, bool Passed, string Text, IReadOnlyList<string> Args);

internal sealed record EligibilityResponse(Guid ProgramId, Guid OrganizationId, bool Eligible, IReadOnlyList<RuleResult> Rules);

internal sealed record ApplicationRequest(long? RequestedFen, string? Purpose, string? ItemKind, Guid? ItemId);

internal sealed record DecisionRequest(bool? Approve, string? Note, long? QuotaFen);

internal sealed record ApplicationResponse(
    Guid Id, Guid ProgramId, string ProgramName, Guid EnterpriseOrganizationId, string EnterpriseName, long RequestedFen, string RequestedDisplay,
    string Purpose, string Status, IReadOnlyList<RuleResult> Eligibility, DateTimeOffset SubmittedAt, DateTimeOffset? ReviewedAt, string? ReviewNote, Guid? VoucherId);

internal sealed record VoucherResponse(
    Guid Id, Guid ProgramId, string ProgramName, string Mode, Guid EnterpriseOrganizationId, long QuotaFen, long AvailableFen, long ReservedFen, long UsedFen,
    string QuotaDisplay, string AvailableDisplay, string ReservedDisplay, string UsedDisplay, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, bool ExpiringSoon, string Status);

// Applications: eligibility per rule, applying, review by an admin of the enterprise's jurisdiction, and issuance of
// the voucher (budget → voucher account in the same transaction as the decision).
internal sealed class ApplicationsHandler(PlatformDbContext db, VoucherParties parties, IOrganizationStanding standing, IOrganizationFacts facts, ProgramsHandler programs, VoucherLedger ledger, Notifier notifier, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<EligibilityResponse> EligibilityAsync(Guid programId, ApplicationRequest? request, CancellationToken cancellationToken)
    {
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var program = await db.Set<VoucherProgram>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, cancellationToken) ?? throw new NotFoundException("The program");
        var rules = await EvaluateAsync(program, organizationId, request, cancellationToken);
        return new EligibilityResponse(programId, organizationId, rules.All(r => r.Passed), rules);
    }

    private async Task<List<RuleResult>> EvaluateAsync(VoucherProgram program, Guid organizationId, ApplicationRequest? request, CancellationToken cancellationToken)
    {
        var today = parties.Today;
        var org = (await standing.FindManyAsync([organizationId], today, cancellationToken)).GetValueOrDefault(organizationId) ?? throw new NotFoundException("The organization");
        var rules = new List<RuleResult>
        {
            new("programOpen", program.Status == ProgramStatus.Open, program.Status == ProgramStatus.Open ? "The program is open for applications." : "The program is not open for applications.", []),
            new("verified", org.IsVerified, org.IsVerified ? "Your organization is verified." : "Your organization is not verified yet.", []),
        };
        var types = program.EligibleOrganizationTypes.Count == 0 ? [nameof(OrganizationType.Enterprise)] : program.EligibleOrganizationTypes;
        rules.Add(new("organizationType", types.Contains(org.Type.ToString()), types.Contains(org.Type.ToString()) ? "Your kind of organization may apply." : "Your kind of organization may not apply.", []));
        var inRegion = Jurisdictions.Covers(program.JurisdictionCode, org.RegionCode)
            && (program.EligibleRegions.Count == 0 || program.EligibleRegions.Any(r => org.RegionCode.StartsWith(r, StringComparison.Ordinal)));
        rules.Add(new("region", inRegion, inRegion ? "Your registered region is covered." : "Your registered region is not covered.", []));
        if (program.RequiredRecognitions.Count > 0)
        {
            var held = program.RequiredRecognitions.Intersect(org.ValidRecognitionKinds).ToList();
            rules.Add(new("recognitions", held.Count > 0, held.Count > 0 ? "You hold a required recognition: {0}." : "You hold none of the required recognitions: {0}.",
                [string.Join(", ", held.Count > 0 ? held : program.RequiredRecognitions)]));
        }

        if (program.ExcludeFundedLastYear)
        {
            var funded = await db.Set<Voucher>().AsNoTracking()
                .Where(v => v.EnterpriseOrganizationId == organizationId && v.ProgramId != program.Id)
                .Join(db.Set<VoucherProgram>().Where(p => p.JurisdictionCode == program.JurisdictionCode && (p.Year == program.Year || p.Year == program.Year - 1)), v => v.ProgramId, p => p.Id, (v, p) => v.Id)
                .AnyAsync(cancellationToken);
            rules.Add(new("notFundedLastYear", !funded, funded ? "You were funded by this jurisdiction's vouchers this year or last year." : "You were not funded by this jurisdiction's vouchers this year or last year.", []));
        }

        var again = await db.Set<VoucherApplication>().AsNoTracking()
            .AnyAsync(a => a.ProgramId == program.Id && a.EnterpriseOrganizationId == organizationId && a.Status != ApplicationStatus.Rejected, cancellationToken);
        rules.Add(new("oneApplication", !again, again ? "You have applied to this program already." : "You have not applied to this program yet.", []));
        if (program.RequiresAgreedOrder)
        {
            var ok = false;
            if (request?.ItemId is { } itemId && parties.Sources.FirstOrDefault(s => s.Kind == (request.ItemKind ?? "service-order")) is { } source
                && await source.FindAsync(itemId, cancellationToken) is { } item && item.ClientOrganizationId == organizationId && item.Agreed)
            {
                var provider = (await standing.FindManyAsync([item.ProviderOrganizationId], today, cancellationToken)).GetValueOrDefault(item.ProviderOrganizationId);
                ok = provider is not null && await programs.AcceptsProviderAsync(program, provider.Id, provider.RegionCode, provider.IsAdmittedInstitution, today, cancellationToken);
            }

            rules.Add(new("agreedOrder", ok, ok ? "Your agreed order is with an accepted provider." : "Apply with an order agreed with an accepted provider.", []));
        }

        return rules;
    }

    public async Task<ApplicationResponse> ApplyAsync(Guid programId, ApplicationRequest request, CancellationToken cancellationToken)
    {
        var program = await db.Set<VoucherProgram>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, cancellationToken) ?? throw new NotFoundException("The program");
        var validation = new Validation().Required("purpose", request.Purpose).MaxLength("purpose", request.Purpose, 2000);
        if (request.RequestedFen is not > 0)
        {
            validation.Add("requestedFen", "positiveAmount", "The requested quota is a positive amount.");
        }
        else if (request.RequestedFen > program.AnnualCapPerEnterpriseFen)
        {
            validation.Add("requestedFen", "notAboveAnnualCap", "The requested quota is not above the program's annual cap per enterprise.");
        }

        validation.ThrowIfInvalid();
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var rules = await EvaluateAsync(program, organizationId, request, cancellationToken);
        var failed = rules.Where(r => !r.Passed).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidRequestException(failed.Select(r => new Violation("eligibility", r.Rule, string.Format(System.Globalization.CultureInfo.InvariantCulture, r.Text, [.. r.Args]))).ToList());
        }

        var org = await facts.FindAsync(organizationId, cancellationToken) ?? throw new NotFoundException("The organization");
        var application = new VoucherApplication
        {
            ProgramId = program.Id,
            EnterpriseOrganizationId = organizationId,
            EnterpriseRegionCode = org.RegionCode,
            RequestedFen = request.RequestedFen!.Value,
            Purpose = request.Purpose!.Trim(),
            ItemKind = request.ItemId is null ? null : request.ItemKind ?? "service-order",
            ItemId = request.ItemId,
            EligibilityJson = JsonSerializer.Serialize(rules, Json),
            SubmittedByUserId = parties.Access.UserId,
            SubmittedAt = clock.GetUtcNow(),
        };
        db.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(application, cancellationToken);
    }

    public async Task<ApplicationResponse> DecideAsync(Guid id, DecisionRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().MaxLength("note", request.Note, 2000);
        if (request.Approve is null)
        {
            validation.Add("approve", "required", "Say whether the application is approved.");
        }
        else if (request.Approve == false && string.IsNullOrWhiteSpace(request.Note))
        {
            validation.Add("note", "reasonForRejection", "A rejection gives the reason.");
        }

        if (request.QuotaFen is <= 0)
        {
            validation.Add("quotaFen", "positiveAmount", "The quota is a positive amount.");
        }

        validation.ThrowIfInvalid();
        var application = await db.Set<VoucherApplication>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("The application");
        await parties.Access.RequirePermissionAsync(VouchersPermissions.Review, application.EnterpriseRegionCode, cancellationToken);
        if (application.Status != ApplicationStatus.Submitted)
        {
            throw new ConflictException("already_decided", "The application has been decided already.");
        }

        var program = await db.Set<VoucherProgram>().AsNoTracking().FirstAsync(p => p.Id == application.ProgramId, cancellationToken);
        if (request.QuotaFen > application.RequestedFen)
        {
            throw InvalidRequestException.For("quotaFen", "notAboveRequested", "The quota is not above what was requested.");
        }

        application.Status = request.Approve == true ? ApplicationStatus.Approved : ApplicationStatus.Rejected;
        application.ReviewedByUserId = parties.Access.UserId;
        application.ReviewedAt = clock.GetUtcNow();
        application.ReviewNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        await ledger.InTransactionAsync(async () =>
        {
            if (application.Status == ApplicationStatus.Approved)
            {
                await IssueAsync(program, application, request.QuotaFen ?? application.RequestedFen, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
        foreach (var userId in await facts.MemberUserIdsAsync(application.EnterpriseOrganizationId, cancellationToken))
        {
            notifier.Notify(userId, "voucher.application-decided", application.Status == ApplicationStatus.Approved ? $"Voucher issued: {program.Name}" : $"Voucher application rejected: {program.Name}",
                application.ReviewNote ?? "", "/Vouchers");
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(application, cancellationToken);
    }

    // Issuance: the quota leaves the budget for the voucher's own account (a budget too small → 409 from the database).
    public async Task<Voucher> IssueAsync(VoucherProgram program, VoucherApplication application, long quotaFen, CancellationToken cancellationToken)
    {
        await ledger.LockAsync(cancellationToken);
        var org = (await standing.FindManyAsync([application.EnterpriseOrganizationId], parties.Today, cancellationToken)).GetValueOrDefault(application.EnterpriseOrganizationId);
        var account = await ledger.OpenAccountAsync(AccountKind.Voucher, program.Id, application.EnterpriseOrganizationId, cancellationToken);
        var budget = await ledger.ProgramAccountAsync(program.Id, AccountKind.Budget, cancellationToken);
        var now = clock.GetUtcNow();
        var voucher = new Voucher
        {
            ProgramId = program.Id,
            ApplicationId = application.Id,
            EnterpriseOrganizationId = application.EnterpriseOrganizationId,
            EnterpriseRegionCode = application.EnterpriseRegionCode,
            ActualController = string.IsNullOrWhiteSpace(org?.ActualController) ? null : org.ActualController.Trim(),
            QuotaFen = quotaFen,
            AccountId = account.Id,
            IssuedAt = now,
            ExpiresAt = now.AddMonths(program.ValidityMonths),
        };
        db.Add(voucher);
        await ledger.TransferAsync(TransferKind.Issue, program.Id, budget.Id, account.Id, quotaFen, cancellationToken, byUserId: parties.Access.UserId);
        return voucher;
    }

    public async Task<IReadOnlyList<ApplicationResponse>> ListMineAsync(CancellationToken cancellationToken)
    {
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var list = await db.Set<VoucherApplication>().AsNoTracking().Where(a => a.EnterpriseOrganizationId == organizationId)
            .OrderByDescending(a => a.SubmittedAt).Take(200).ToListAsync(cancellationToken);
        return await ToResponsesAsync(list, cancellationToken);
    }

    // The review queue: submitted applications of enterprises in the admin's jurisdictions.
    public async Task<IReadOnlyList<ApplicationResponse>> QueueAsync(CancellationToken cancellationToken)
    {
        var jurisdictions = await parties.Access.JurisdictionsWithAsync(VouchersPermissions.Review, cancellationToken);
        if (jurisdictions.Count == 0)
        {
            throw new ForbiddenException("Admins holding the voucher review permission see the queue.");
        }

        var list = (await db.Set<VoucherApplication>().AsNoTracking().Where(a => a.Status == ApplicationStatus.Submitted)
            .OrderBy(a => a.SubmittedAt).Take(500).ToListAsync(cancellationToken))
            .Where(a => jurisdictions.Any(j => Jurisdictions.Covers(j, a.EnterpriseRegionCode))).Take(200).ToList();
        return await ToResponsesAsync(list, cancellationToken);
    }

    public async Task<IReadOnlyList<VoucherResponse>> MyVouchersAsync(CancellationToken cancellationToken)
    {
        var organizationId = await parties.ActingAsync(cancellationToken);
        await parties.Access.RequireMemberAsync(organizationId, cancellationToken: cancellationToken);
        var vouchers = await db.Set<Voucher>().AsNoTracking().Where(v => v.EnterpriseOrganizationId == organizationId).OrderByDescending(v => v.IssuedAt).Take(200).ToListAsync(cancellationToken);
        return await ToVoucherResponsesAsync(vouchers, cancellationToken);
    }

    public async Task<IReadOnlyList<VoucherResponse>> ToVoucherResponsesAsync(IReadOnlyList<Voucher> vouchers, CancellationToken cancellationToken)
    {
        var ids = vouchers.Select(v => v.Id).ToList();
        var accounts = vouchers.Select(v => v.AccountId).ToList();
        var balances = await db.Set<LedgerAccount>().AsNoTracking().Where(a => accounts.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.BalanceFen, cancellationToken);
        var uses = await db.Set<VoucherUse>().AsNoTracking().Where(u => ids.Contains(u.VoucherId)).Select(u => new { u.VoucherId, u.Status, u.ReservedFen }).ToListAsync(cancellationToken);
        var programIds = vouchers.Select(v => v.ProgramId).Distinct().ToList();
        var programsById = await db.Set<VoucherProgram>().AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var soon = clock.GetUtcNow().AddDays(30);
        return vouchers.Select(v =>
        {
            var reserved = uses.Where(u => u.VoucherId == v.Id && u.Status is UseStatus.Reserved or UseStatus.RedemptionRequested or UseStatus.Reviewed).Sum(u => u.ReservedFen);
            var used = uses.Where(u => u.VoucherId == v.Id && u.Status == UseStatus.Posted).Sum(u => u.ReservedFen);
            var available = balances.GetValueOrDefault(v.AccountId);
            var p = programsById[v.ProgramId];
            return new VoucherResponse(v.Id, v.ProgramId, p.Name, p.Mode == RedemptionMode.General ? "general" : "direct", v.EnterpriseOrganizationId, v.QuotaFen, available, reserved, used,
                new Money(v.QuotaFen).ToDisplay(), new Money(available).ToDisplay(), new Money(reserved).ToDisplay(), new Money(used).ToDisplay(), v.IssuedAt, v.ExpiresAt,
                v.Status == VoucherStatus.Active && v.ExpiresAt <= soon, v.Status.ToString().ToLowerInvariant());
        }).ToList();
    }

    private async Task<ApplicationResponse> ToResponseAsync(VoucherApplication a, CancellationToken cancellationToken) => (await ToResponsesAsync([a], cancellationToken))[0];

    private async Task<IReadOnlyList<ApplicationResponse>> ToResponsesAsync(IReadOnlyList<VoucherApplication> list, CancellationToken cancellationToken)
    {
        var names = await facts.FindManyAsync(list.Select(a => a.EnterpriseOrganizationId).ToList(), cancellationToken);
        var programIds = list.Select(a => a.ProgramId).Distinct().ToList();
        var programNames = await db.Set<VoucherProgram>().AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var ids = list.Select(a => a.Id).ToList();
        var vouchers = await db.Set<Voucher>().AsNoTracking().Where(v => ids.Contains(v.ApplicationId)).ToDictionaryAsync(v => v.ApplicationId, v => v.Id, cancellationToken);
        return list.Select(a => new ApplicationResponse(a.Id, a.ProgramId, programNames.GetValueOrDefault(a.ProgramId) ?? "", a.EnterpriseOrganizationId,
            names.GetValueOrDefault(a.EnterpriseOrganizationId)?.LegalName ?? "", a.RequestedFen, new Money(a.RequestedFen).ToDisplay(), a.Purpose,
            a.Status.ToString().ToLowerInvariant(), JsonSerializer.Deserialize<List<RuleResult>>(a.EligibilityJson, Json) ?? [], a.SubmittedAt, a.ReviewedAt, a.ReviewNote,
            vouchers.TryGetValue(a.Id, out var v) ? v : null)).ToList();
    }
}
