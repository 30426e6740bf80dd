using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Calendar;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;
using TechBridge.Modules.TechMarket.RegisterContracts;
using TechBridge.Platform.Notifications;

namespace TechBridge.Modules.TechMarket.ReviewContracts;

internal sealed record ExpertOpinionRequest(string? Recommendation, string? Opinion);

internal sealed record DecisionRequest(string? Outcome, string? Reasons);

internal sealed record QueueEntry(
    Guid Id,
    string ApplicationNumber,
    string Title,
    string Type,
    string SellerName,
    string BuyerName,
    long TechnologyAmountFen,
    string Status,
    bool ExpertReviewRequired,
    bool HasExpertOpinion,
    bool Disputed,
    DateOnly SubmittedOn,
    DateOnly DueOn,
    bool Overdue,
    int WorkingDaysLeft,
    string YourRole);

internal sealed record CertificateResponse(
    string CertificateNumber,
    string ApplicationNumber,
    string Title,
    string Type,
    string Subtype,
    string SellerName,
    string SellerRegionCode,
    string BuyerName,
    string BuyerRegionCode,
    long TotalFen,
    long TechnologyAmountFen,
    string TechnologyField,
    DateOnly SignedOn,
    DateOnly RegisteredOn,
    string AuthorityJurisdiction,
    string Status);

// The registration authority's side: the queue of its jurisdiction sorted by deadline (overdue first), sending an
// application to expert review, the experts' opinions, the decision (registered with a certificate, or 未予登记
// with reasons) and the certificate.
internal sealed class ReviewContractsHandler(
    PlatformDbContext db,
    IAccess access,
    IOrganizationFacts facts,
    ContractViewer viewer,
    WorkingCalendarSource calendars,
    TradingRules rules,
    Notifier notifier,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<QueueEntry>> QueueAsync(CancellationToken cancellationToken)
    {
        var authority = await access.JurisdictionsWithAsync(TechMarketPermissions.RegisterContracts, cancellationToken);
        var experts = await access.JurisdictionsWithAsync(TechMarketPermissions.ExpertReview, cancellationToken);
        if (authority.Count == 0 && experts.Count == 0)
        {
            throw new ForbiddenException("The review queue belongs to registration authorities and expert reviewers.");
        }

        var pending = await db.Set<TechContract>().AsNoTracking()
            .Where(c => c.Status == ContractStatus.Submitted || c.Status == ContractStatus.ExpertReview)
            .OrderBy(c => c.DueOn).ThenBy(c => c.SubmittedOn).Take(2000).ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var today = viewer.Today;
        var queue = new List<QueueEntry>();
        foreach (var c in pending)
        {
            var role = authority.Any(j => Jurisdictions.Covers(j, c.RegistrantRegionCode)) ? "authority"
                : c.Status == ContractStatus.ExpertReview && experts.Any(j => Jurisdictions.Covers(j, c.RegistrantRegionCode)) ? "expert" : null;
            if (role is null)
            {
                continue;
            }

            var left = c.DueOn < today ? -calendar.WorkingDaysBetween(c.DueOn, today) : calendar.WorkingDaysBetween(today, c.DueOn);
            queue.Add(new QueueEntry(c.Id, c.ApplicationNumber, c.Title, c.TypeCode, c.SellerName, c.BuyerName, c.TechnologyAmountFen, ContractViewer.StatusName(c.Status),
                c.ExpertReviewRequired, c.ExpertOpinion is not null, c.Disputed, c.SubmittedOn, c.DueOn, c.DueOn < today, left, role));
        }

        return queue;
    }

    public async Task<ContractResponse> SendToExpertsAsync(Guid id, ReasonRequest request, CancellationToken cancellationToken)
    {
        new Validation().MaxLength("reason", request.Reason, 2000).ThrowIfInvalid();
        var (contract, role) = await viewer.LoadAsync(id, cancellationToken, forUpdate: true);
        RequireAuthority(role);
        if (contract.Status != ContractStatus.Submitted)
        {
            throw new ConflictException("transition_not_allowed", "Only a submitted application is sent to expert review.");
        }

        contract.Status = ContractStatus.ExpertReview;
        if (!contract.ExpertReviewRequired)
        {
            contract.ExpertReviewRequired = true;
            contract.DueOn = ContractViewer.DueDate(await calendars.GetAsync(cancellationToken), rules, contract.SubmittedOn, expert: true);
        }

        contract.UpdatedAt = clock.GetUtcNow();
        viewer.Record(contract, "expert-review", string.IsNullOrWhiteSpace(request.Reason) ? $"Due {CalendarHandler.Iso(contract.DueOn)}." : request.Reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return await viewer.ToResponseAsync(contract, role, cancellationToken);
    }

    public async Task<ContractResponse> GiveOpinionAsync(Guid id, ExpertOpinionRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("opinion", request.Opinion).MaxLength("opinion", request.Opinion, 4000);
        if (request.Recommendation is not ("register" or "not-register"))
        {
            validation.Add("recommendation", "unknown", "Recommend register or not-register.");
        }

        validation.ThrowIfInvalid();
        var (contract, role) = await viewer.LoadAsync(id, cancellationToken, forUpdate: true);
        if (contract.Status != ContractStatus.ExpertReview)
        {
            throw new ConflictException("transition_not_allowed", "Experts give their opinion while the application is under expert review.");
        }

        if (!await access.HasPermissionAsync(TechMarketPermissions.ExpertReview, contract.RegistrantRegionCode, cancellationToken))
        {
            throw new ForbiddenException("Expert reviewers of the authority's jurisdiction give opinions.");
        }

        contract.ExpertUserId = access.UserId;
        contract.ExpertOpinion = $"{(request.Recommendation == "register" ? "Recommend registration" : "Recommend refusal")}: {request.Opinion!.Trim()}";
        contract.UpdatedAt = clock.GetUtcNow();
        viewer.Record(contract, "expert-opinion", contract.ExpertOpinion);
        await db.SaveChangesAsync(cancellationToken);
        return await viewer.ToResponseAsync(contract, role, cancellationToken);
    }

    public async Task<ContractResponse> DecideAsync(Guid id, DecisionRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().MaxLength("reasons", request.Reasons, 4000);
        if (request.Outcome is not ("registered" or "not-registered"))
        {
            validation.Add("outcome", "unknown", "The outcome is registered or not-registered.");
        }
        else if (request.Outcome == "not-registered")
        {
            validation.Required("reasons", request.Reasons);
        }

        validation.ThrowIfInvalid();
        var (contract, role) = await viewer.LoadAsync(id, cancellationToken, forUpdate: true);
        RequireAuthority(role);
        if (!ContractViewer.IsPending(contract.Status))
        {
            throw new ConflictException("transition_not_allowed", "The application has been decided or cancelled already.");
        }

        if (contract.ExpertReviewRequired && contract.ExpertOpinion is null)
        {
            throw new ConflictException("expert_opinion_missing", "This application needs expert review: send it to the experts and wait for their opinion first.");
        }

        var today = viewer.Today;
        contract.DecidedAt = clock.GetUtcNow();
        contract.DecidedByUserId = access.UserId;
        contract.UpdatedAt = contract.DecidedAt.Value;
        if (request.Outcome == "registered")
        {
            contract.Status = ContractStatus.Registered;
            contract.RegisteredOn = today;
            contract.CertificateNumber = await NextCertificateNumberAsync(contract, today, cancellationToken);
            viewer.Record(contract, "registered", $"Certificate {contract.CertificateNumber}.");
        }
        else
        {
            contract.Status = ContractStatus.NotRegistered;
            contract.RefusalReasons = request.Reasons!.Trim();
            viewer.Record(contract, "not-registered", contract.RefusalReasons);
        }

        if (contract.ApplicantOrganizationId is { } applicant)
        {
            foreach (var userId in await facts.MemberUserIdsAsync(applicant, cancellationToken))
            {
                notifier.Notify(userId, "techmarket.decided", contract.Status == ContractStatus.Registered ? $"「{contract.Title}」 registered" : $"「{contract.Title}」 not registered",
                    contract.Status == ContractStatus.Registered ? $"Certificate {contract.CertificateNumber}." : contract.RefusalReasons ?? "", $"/TechMarket/Application?id={contract.Id}");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await viewer.ToResponseAsync(contract, role, cancellationToken);
    }

    public async Task<CertificateResponse> CertificateAsync(Guid id, CancellationToken cancellationToken)
    {
        var (c, _) = await viewer.LoadAsync(id, cancellationToken);
        if (c.CertificateNumber is null || c.RegisteredOn is null)
        {
            throw new NotFoundException("The certificate");
        }

        return new CertificateResponse(c.CertificateNumber, c.ApplicationNumber, c.Title, c.TypeCode, c.SubtypeCode, c.SellerName, c.SellerRegionCode, c.BuyerName, c.BuyerRegionCode,
            c.TotalFen, c.TechnologyAmountFen, c.TechnologyFieldCode, c.SignedOn, c.RegisteredOn.Value, c.AuthorityJurisdiction, ContractViewer.StatusName(c.Status));
    }

    // {year}{authority as six digits}{sequence}: unique (an index); two decisions racing for a number → 409, retried by hand.
    private async Task<string> NextCertificateNumberAsync(TechContract contract, DateOnly today, CancellationToken cancellationToken)
    {
        var authority = contract.AuthorityJurisdiction == Jurisdictions.Xiongan ? "133100" : contract.AuthorityJurisdiction.PadRight(6, '0');
        var prefix = $"{today.Year}{authority}";
        var taken = await db.Set<TechContract>().CountAsync(c => c.CertificateNumber != null && c.CertificateNumber.StartsWith(prefix), cancellationToken);
        return $"{prefix}{taken + 1:D5}";
    }

    private static void RequireAuthority(string role)
    {
        if (role != "authority")
        {
            throw new ForbiddenException("The registration authority of the seller's jurisdiction decides.");
        }
    }
}
