using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Calendar;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.TechMarket.RegisterContracts;

internal sealed record PartyResponse(Guid? OrganizationId, string Name, string? CreditCode, string RegionCode, string EntityKind);

internal sealed record ItemResponse(int Sequence, string Kind, string Description, long AmountFen);

internal sealed record EventResponse(string Kind, string Note, DateTimeOffset At);

// YourRole: applicant, party (the other side), authority (registration authority of the registrant's jurisdiction),
// expert (expert reviewer there, while the application is under expert review).
internal sealed record ContractResponse(
    Guid Id,
    string ApplicationNumber,
    Guid? DealId,
    string Title,
    string Type,
    string Subtype,
    PartyResponse Seller,
    PartyResponse Buyer,
    bool TechnologyImport,
    long TotalFen,
    long NonTechnicalFen,
    long TechnologyAmountFen,
    IReadOnlyList<ItemResponse> NonTechnicalItems,
    string TechnologyField,
    string? Industry,
    string IpKind,
    string FundingSource,
    DateOnly SignedOn,
    DateOnly TermFrom,
    DateOnly TermTo,
    string PaymentSchedule,
    string? BrokerName,
    string? ContractFileSha256,
    bool PublishPartyNames,
    string Status,
    bool Disputed,
    bool ExpertReviewRequired,
    DateOnly SubmittedOn,
    DateOnly DueOn,
    bool Overdue,
    string AuthorityJurisdiction,
    string? CertificateNumber,
    DateOnly? RegisteredOn,
    string? RefusalReasons,
    string? ExpertOpinion,
    IReadOnlyList<EventResponse> Events,
    IReadOnlyList<TaxIndicator> TaxIndicators,
    string YourRole);

// Who may see an application and in which role; the one place that says so for both handlers and the files.
internal sealed class ContractViewer(PlatformDbContext db, IAccess access, IOrganizationFacts facts, TimeProvider clock)
{
    public async Task<IReadOnlySet<Guid>> MyOrganizationsAsync(CancellationToken cancellationToken) =>
        (await facts.MembershipsOfAsync(access.UserId, cancellationToken)).Select(m => m.Id).ToHashSet();

    public async Task<string?> RoleAsync(TechContract contract, CancellationToken cancellationToken)
    {
        var mine = await MyOrganizationsAsync(cancellationToken);
        if (contract.ApplicantOrganizationId is { } applicant && mine.Contains(applicant))
        {
            return "applicant";
        }

        if ((contract.SellerOrganizationId is { } s && mine.Contains(s)) || (contract.BuyerOrganizationId is { } b && mine.Contains(b)))
        {
            return "party";
        }

        if (await access.HasPermissionAsync(TechMarketPermissions.RegisterContracts, contract.RegistrantRegionCode, cancellationToken))
        {
            return "authority";
        }

        return contract.Status == ContractStatus.ExpertReview && await access.HasPermissionAsync(TechMarketPermissions.ExpertReview, contract.RegistrantRegionCode, cancellationToken)
            ? "expert"
            : null;
    }

    // 404 for whoever may not see it: the existence of another organization's application is private.
    public async Task<(TechContract Contract, string Role)> LoadAsync(Guid id, CancellationToken cancellationToken, bool forUpdate = false)
    {
        var query = db.Set<TechContract>().Include(c => c.Items).Where(c => c.Id == id);
        var contract = await (forUpdate ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The registration application");
        var role = await RoleAsync(contract, cancellationToken) ?? throw new NotFoundException("The registration application");
        return (contract, role);
    }

    public DateOnly Today => DateOnly.FromDateTime(AdjustableClock.ToChina(clock.GetUtcNow()).DateTime);

    public static bool IsPending(ContractStatus status) => status is ContractStatus.Submitted or ContractStatus.ExpertReview;

    public async Task<ContractResponse> ToResponseAsync(TechContract c, string role, CancellationToken cancellationToken)
    {
        var events = await db.Set<ContractEvent>().AsNoTracking().Where(e => e.ContractId == c.Id).ToListAsync(cancellationToken);
        return ToResponse(c, role, events.OrderBy(e => e.At).Select(e => new EventResponse(e.Kind, e.Note, e.At)).ToList(), Today);
    }

    public static ContractResponse ToResponse(TechContract c, string role, IReadOnlyList<EventResponse> events, DateOnly today) => new(
        c.Id, c.ApplicationNumber, c.DealId, c.Title, c.TypeCode, c.SubtypeCode,
        new PartyResponse(c.SellerOrganizationId, c.SellerName, c.SellerCreditCode, c.SellerRegionCode, c.SellerEntityKind),
        new PartyResponse(c.BuyerOrganizationId, c.BuyerName, c.BuyerCreditCode, c.BuyerRegionCode, c.BuyerEntityKind),
        c.SellerRegionCode == ContractCatalog.Foreign,
        c.TotalFen, c.NonTechnicalFen, c.TechnologyAmountFen,
        c.Items.OrderBy(i => i.Sequence).Select(i => new ItemResponse(i.Sequence, i.Kind, i.Description, i.AmountFen)).ToList(),
        c.TechnologyFieldCode, c.IndustryCode, c.IpKind, c.FundingSource, c.SignedOn, c.TermFrom, c.TermTo, c.PaymentSchedule, c.BrokerName,
        c.ContractFileSha256, c.PublishPartyNames, StatusName(c.Status), c.Disputed, c.ExpertReviewRequired, c.SubmittedOn, c.DueOn,
        IsPending(c.Status) && c.DueOn < today, c.AuthorityJurisdiction, c.CertificateNumber, c.RegisteredOn, c.RefusalReasons, c.ExpertOpinion, events, TaxIndicators.For(c.TypeCode, c.SubtypeCode), role);

    public static string StatusName(ContractStatus status) => status switch
    {
        ContractStatus.Submitted => "submitted",
        ContractStatus.ExpertReview => "expert-review",
        ContractStatus.Registered => "registered",
        ContractStatus.NotRegistered => "not-registered",
        _ => "cancelled",
    };

    public void Record(TechContract contract, string kind, string note, Guid? organizationId = null) =>
        db.Add(new ContractEvent { ContractId = contract.Id, Kind = kind, Note = note, ByUserId = access.UserId, ByOrganizationId = organizationId, At = clock.GetUtcNow() });

    // The review deadline from the submission day: 15 working days, 30 with expert review (trading rules).
    public static DateOnly DueDate(WorkingCalendar calendar, TradingRules rules, DateOnly submittedOn, bool expert) =>
        calendar.AddWorkingDays(submittedOn, expert ? rules.Registration.ExpertReviewWorkingDays : rules.Registration.ReviewWorkingDays);

    public static bool NeedsExperts(TradingRules rules, long technologyAmountFen, bool disputed) =>
        disputed || technologyAmountFen >= rules.Registration.ExpertThresholdFen;
}
