using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Calendar;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.Data;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.TechMarket.RegisterContracts;

internal sealed record PartyRequest(Guid? OrganizationId, string? Name, string? CreditCode, string? RegionCode, string? EntityKind);

internal sealed record ContractRequest(
    Guid? DealId,
    string? Title,
    string? Type,
    string? Subtype,
    PartyRequest? Seller,
    PartyRequest? Buyer,
    decimal? TotalFen,
    IReadOnlyList<ItemRequest>? NonTechnicalItems,
    string? TechnologyField,
    string? Industry,
    string? IpKind,
    string? FundingSource,
    DateOnly? SignedOn,
    DateOnly? TermFrom,
    DateOnly? TermTo,
    string? PaymentSchedule,
    string? BrokerName,
    string? ContractFileSha256,
    bool? Disputed,
    bool? PublishPartyNames);

internal sealed record ContractChangeRequest(string? Reason, DateOnly? TermTo, string? PaymentSchedule);

internal sealed record ReasonRequest(string? Reason);

// The parties' side of registration: the seller (for a technology import the domestic buyer) applies at the
// authority of its jurisdiction with the written contract; parties see their own applications, record changes,
// withdraw or cancel, and file objections.
internal sealed class RegisterContractsHandler(
    PlatformDbContext db,
    IAccess access,
    IOrganizationFacts facts,
    IReferenceData reference,
    ContractViewer viewer,
    WorkingCalendarSource calendars,
    TradingRules rules,
    TimeProvider clock)
{
    public async Task<ContractResponse> SubmitAsync(ContractRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("title", request.Title).MaxLength("title", request.Title, 200)
            .Required("paymentSchedule", request.PaymentSchedule).MaxLength("paymentSchedule", request.PaymentSchedule, 2000)
            .MaxLength("brokerName", request.BrokerName, 100);
        var type = ContractCatalog.Type(request.Type);
        if (type is null)
        {
            validation.Add("type", "unknown", "Choose the contract type from the list.");
        }
        else if (!type.Subtypes.Any(s => s.Code == request.Subtype))
        {
            validation.Add("subtype", "unknown", "Choose a subtype of the contract type.");
        }

        if (!reference.TechnologyFieldExists(request.TechnologyField))
        {
            validation.Add("technologyField", "unknown", "Choose one of the 11 technology fields.");
        }

        if (!string.IsNullOrWhiteSpace(request.Industry) && !reference.IndustryDivisionExists(request.Industry))
        {
            validation.Add("industry", "unknown", "Choose an industry division of GB/T 4754.");
        }

        if (!ContractCatalog.Has(ContractCatalog.IpKinds, request.IpKind))
        {
            validation.Add("ipKind", "unknown", "Choose the intellectual property involved from the list.");
        }

        if (!ContractCatalog.Has(ContractCatalog.FundingSources, request.FundingSource))
        {
            validation.Add("fundingSource", "unknown", "Choose the funding source from the list.");
        }

        if (request.SignedOn is null)
        {
            validation.Add("signedOn", "required", "signedOn is required.");
        }

        if (request.TermFrom is null)
        {
            validation.Add("termFrom", "required", "termFrom is required.");
        }

        if (request.TermTo is null)
        {
            validation.Add("termTo", "required", "termTo is required.");
        }
        else if (request.TermFrom is { } start && request.TermTo < start)
        {
            validation.Add("termTo", "notBeforeStart", "The term ends on or after the day it starts.");
        }

        var amounts = ContractAmounts.Compute(request.TotalFen, request.NonTechnicalItems ?? [], validation);
        var items = request.NonTechnicalItems ?? [];
        for (var i = 0; i < items.Count && i < ContractAmounts.MaxItems; i++)
        {
            if (!ContractCatalog.Has(ContractCatalog.ItemKinds, items[i].Kind))
            {
                validation.Add($"nonTechnicalItems[{i}].kind", "unknown", "An item is equipment, instruments, parts or raw materials.");
            }

            validation.Required($"nonTechnicalItems[{i}].description", items[i].Description).MaxLength($"nonTechnicalItems[{i}].description", items[i].Description, 200);
        }

        var seller = request.Seller ?? new PartyRequest(null, null, null, null, null);
        var buyer = request.Buyer ?? new PartyRequest(null, null, null, null, null);
        var import = string.Equals(seller.RegionCode, ContractCatalog.Foreign, StringComparison.OrdinalIgnoreCase);
        foreach (var rule in PartyProblems(seller, mayBeForeign: true, counterpart: import))
        {
            validation.Add($"seller.{rule.Field}", rule.Rule, rule.Message);
        }

        foreach (var rule in PartyProblems(buyer, mayBeForeign: !import, counterpart: !import))
        {
            validation.Add($"buyer.{rule.Field}", rule.Rule, rule.Message);
        }

        var sha = string.IsNullOrWhiteSpace(request.ContractFileSha256) ? null : request.ContractFileSha256.Trim().ToLowerInvariant();
        if (sha is null)
        {
            validation.Add("contractFileSha256", "required", "The written contract is uploaded with the application.");
        }
        else if (!FileStore.IsSha256(sha) || !await db.Set<FileUpload>().AnyAsync(f => f.Sha256 == sha && f.UserId == access.UserId, cancellationToken))
        {
            validation.Add("contractFileSha256", "unknown", "Upload the written contract with POST /api/v1/files first and give its sha256.");
        }

        validation.ThrowIfInvalid();

        var acting = await access.RequireVerifiedActingOrganizationAsync(cancellationToken);
        var actingFacts = await facts.FindAsync(acting, cancellationToken) ?? throw new NotFoundException("The acting organization");
        // The seller applies where it is located; for a technology import (a seller abroad) the domestic buyer does.
        var (applicantSide, other) = import ? (buyer, seller) : (seller, buyer);
        if (applicantSide.OrganizationId is { } named && named != acting)
        {
            throw new ForbiddenException(import ? "A technology import is registered by the domestic buyer." : "A technology contract is registered by the seller.");
        }

        if (!IsJingjinji(actingFacts.RegionCode))
        {
            throw InvalidRequestException.For(import ? "buyer.regionCode" : "seller.regionCode", "outsideJingjinji", "Only sellers located in Beijing, Tianjin or Hebei register on this platform.");
        }

        var applicant = new PartyResponse(acting, actingFacts.LegalName, Clean(applicantSide.CreditCode), actingFacts.RegionCode, applicantSide.EntityKind ?? EntityKindOf(actingFacts.Type));
        PartyResponse counterpart;
        if (other.OrganizationId is { } otherId)
        {
            var found = await facts.FindAsync(otherId, cancellationToken) ?? throw InvalidRequestException.For(import ? "seller.organizationId" : "buyer.organizationId", "unknown", "The counterpart is not a registered organization.");
            counterpart = new PartyResponse(otherId, found.LegalName, Clean(other.CreditCode), found.RegionCode, other.EntityKind ?? EntityKindOf(found.Type));
        }
        else
        {
            counterpart = new PartyResponse(null, other.Name!.Trim(), Clean(other.CreditCode), other.RegionCode!.Trim(), other.EntityKind!);
        }

        var (sellerParty, buyerParty) = import ? (counterpart, applicant) : (applicant, counterpart);
        Deal? deal = null;
        if (request.DealId is { } dealId)
        {
            deal = await db.Set<Deal>().FirstOrDefaultAsync(d => d.Id == dealId, cancellationToken);
            if (deal is null || (deal.SellerOrganizationId != acting && deal.BuyerOrganizationId != acting))
            {
                throw new NotFoundException("The deal");
            }

            if (deal.Status != DealStatus.Signed)
            {
                throw new ConflictException("deal_not_signed", "A deal is applied for once its signed contract is uploaded, and only once.");
            }

            deal.Status = DealStatus.Applied;
            deal.UpdatedAt = clock.GetUtcNow();
        }

        var calendar = await calendars.GetAsync(cancellationToken);
        var today = viewer.Today;
        var disputed = request.Disputed ?? false;
        var expert = ContractViewer.NeedsExperts(rules, amounts!.TechnologyAmountFen, disputed);
        var due = ContractViewer.DueDate(calendar, rules, today, expert);
        var now = clock.GetUtcNow();
        var contract = new TechContract
        {
            ApplicationNumber = $"JS{today:yyyyMMdd}{Guid.CreateVersion7().ToString("N")[^6..].ToUpperInvariant()}",
            DealId = deal?.Id,
            Title = request.Title!.Trim(),
            TypeCode = type!.Code,
            SubtypeCode = request.Subtype!,
            SellerOrganizationId = sellerParty.OrganizationId,
            SellerName = sellerParty.Name,
            SellerCreditCode = sellerParty.CreditCode,
            SellerRegionCode = import ? ContractCatalog.Foreign : sellerParty.RegionCode,
            SellerEntityKind = sellerParty.EntityKind,
            BuyerOrganizationId = buyerParty.OrganizationId,
            BuyerName = buyerParty.Name,
            BuyerCreditCode = buyerParty.CreditCode,
            BuyerRegionCode = buyerParty.RegionCode,
            BuyerEntityKind = buyerParty.EntityKind,
            ApplicantOrganizationId = acting,
            RegistrantRegionCode = actingFacts.RegionCode,
            AuthorityJurisdiction = Jurisdictions.Of(actingFacts.RegionCode),
            TotalFen = amounts.TotalFen,
            NonTechnicalFen = amounts.NonTechnicalFen,
            TechnologyAmountFen = amounts.TechnologyAmountFen,
            TechnologyFieldCode = request.TechnologyField!,
            IndustryCode = string.IsNullOrWhiteSpace(request.Industry) ? null : request.Industry.Trim(),
            IpKind = request.IpKind!,
            FundingSource = request.FundingSource!,
            SignedOn = request.SignedOn!.Value,
            TermFrom = request.TermFrom!.Value,
            TermTo = request.TermTo!.Value,
            PaymentSchedule = request.PaymentSchedule!.Trim(),
            BrokerName = string.IsNullOrWhiteSpace(request.BrokerName) ? null : request.BrokerName.Trim(),
            ContractFileSha256 = sha,
            PublishPartyNames = request.PublishPartyNames ?? false,
            Disputed = disputed,
            ExpertReviewRequired = expert,
            SubmittedOn = today,
            DueOn = due,
            CreatedByUserId = access.UserId,
            CreatedAt = now,
            UpdatedAt = now,
            Items = items.Select((item, i) => new NonTechnicalItem { Sequence = i + 1, Kind = item.Kind!, Description = item.Description!.Trim(), AmountFen = (long)item.AmountFen!.Value }).ToList(),
        };
        db.Add(contract);
        if (deal is not null)
        {
            deal.ContractId = contract.Id;
        }

        viewer.Record(contract, "submitted", expert ? $"Expert review required; due {CalendarHandler.Iso(due)}." : $"Due {CalendarHandler.Iso(due)}.", acting);
        await db.SaveChangesAsync(cancellationToken);
        return await viewer.ToResponseAsync(contract, "applicant", cancellationToken);
    }

    public async Task<IReadOnlyList<ContractResponse>> ListMineAsync(CancellationToken cancellationToken)
    {
        var mine = (await viewer.MyOrganizationsAsync(cancellationToken)).ToList();
        var contracts = await db.Set<TechContract>().AsNoTracking().Include(c => c.Items)
            .Where(c => (c.ApplicantOrganizationId != null && mine.Contains(c.ApplicantOrganizationId.Value))
                || (c.SellerOrganizationId != null && mine.Contains(c.SellerOrganizationId.Value))
                || (c.BuyerOrganizationId != null && mine.Contains(c.BuyerOrganizationId.Value)))
            .OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var today = viewer.Today;
        return contracts.Select(c => ContractViewer.ToResponse(c, c.ApplicantOrganizationId is { } a && mine.Contains(a) ? "applicant" : "party", [], today)).ToList();
    }

    public async Task<ContractResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (contract, role) = await viewer.LoadAsync(id, cancellationToken);
        return await viewer.ToResponseAsync(contract, role, cancellationToken);
    }

    // A change of the term or payment schedule is recorded with its reason and what it was before.
    public async Task<ContractResponse> ChangeAsync(Guid id, ContractChangeRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 2000).MaxLength("paymentSchedule", request.PaymentSchedule, 2000);
        if (request.TermTo is null && string.IsNullOrWhiteSpace(request.PaymentSchedule))
        {
            validation.Add("termTo", "nothingChanged", "Give the new end of term or the new payment schedule.");
        }

        validation.ThrowIfInvalid();
        var (contract, role) = await viewer.LoadAsync(id, cancellationToken, forUpdate: true);
        RequireApplicant(role);
        if (contract.Status is ContractStatus.Cancelled or ContractStatus.NotRegistered)
        {
            throw new ConflictException("contract_closed", "A cancelled or refused application is not changed.");
        }

        if (request.TermTo is { } termTo && termTo < contract.TermFrom)
        {
            throw InvalidRequestException.For("termTo", "notBeforeStart", "The term ends on or after the day it starts.");
        }

        var before = $"term to {CalendarHandler.Iso(contract.TermTo)}; payment: {contract.PaymentSchedule}";
        contract.TermTo = request.TermTo ?? contract.TermTo;
        contract.PaymentSchedule = string.IsNullOrWhiteSpace(request.PaymentSchedule) ? contract.PaymentSchedule : request.PaymentSchedule.Trim();
        contract.UpdatedAt = clock.GetUtcNow();
        viewer.Record(contract, "changed", $"{request.Reason!.Trim()} (before: {before})", contract.ApplicantOrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        return await viewer.ToResponseAsync(contract, role, cancellationToken);
    }

    // Withdraws a pending application or cancels (注销) a registered contract.
    public async Task<ContractResponse> CancelAsync(Guid id, ReasonRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 2000).ThrowIfInvalid();
        var (contract, role) = await viewer.LoadAsync(id, cancellationToken, forUpdate: true);
        RequireApplicant(role);
        if (contract.Status is ContractStatus.Cancelled or ContractStatus.NotRegistered)
        {
            throw new ConflictException("contract_closed", "A cancelled or refused application is not cancelled again.");
        }

        contract.Status = ContractStatus.Cancelled;
        contract.UpdatedAt = clock.GetUtcNow();
        viewer.Record(contract, "cancelled", request.Reason!.Trim(), contract.ApplicantOrganizationId);
        await db.SaveChangesAsync(cancellationToken);
        return await viewer.ToResponseAsync(contract, role, cancellationToken);
    }

    // Either party may object; a pending application that is disputed goes to expert review with its longer deadline.
    public async Task<ContractResponse> ObjectAsync(Guid id, ReasonRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("reason", request.Reason).MaxLength("reason", request.Reason, 2000).ThrowIfInvalid();
        var (contract, role) = await viewer.LoadAsync(id, cancellationToken, forUpdate: true);
        if (role is not ("applicant" or "party"))
        {
            throw new ForbiddenException("The parties to the contract file objections.");
        }

        if (contract.Status is ContractStatus.Cancelled)
        {
            throw new ConflictException("contract_closed", "A cancelled application takes no objections.");
        }

        if (ContractViewer.IsPending(contract.Status) && !contract.Disputed)
        {
            contract.Disputed = true;
            if (!contract.ExpertReviewRequired)
            {
                contract.ExpertReviewRequired = true;
                contract.DueOn = ContractViewer.DueDate(await calendars.GetAsync(cancellationToken), rules, contract.SubmittedOn, expert: true);
            }
        }

        contract.UpdatedAt = clock.GetUtcNow();
        var mine = await viewer.MyOrganizationsAsync(cancellationToken);
        var by = new[] { contract.ApplicantOrganizationId, contract.SellerOrganizationId, contract.BuyerOrganizationId }.FirstOrDefault(o => o is { } x && mine.Contains(x));
        viewer.Record(contract, "objection", request.Reason!.Trim(), by);
        await db.SaveChangesAsync(cancellationToken);
        return await viewer.ToResponseAsync(contract, role, cancellationToken);
    }

    public static bool IsJingjinji(string regionCode) =>
        regionCode.StartsWith(Jurisdictions.Beijing, StringComparison.Ordinal) || regionCode.StartsWith(Jurisdictions.Tianjin, StringComparison.Ordinal)
        || regionCode.StartsWith(Jurisdictions.Hebei, StringComparison.Ordinal);

    private static void RequireApplicant(string role)
    {
        if (role != "applicant")
        {
            throw new ForbiddenException("The applicant changes or cancels its application.");
        }
    }

    private static string? Clean(string? creditCode) => string.IsNullOrWhiteSpace(creditCode) ? null : creditCode.Trim().ToUpperInvariant();

    public static string EntityKindOf(OrganizationType type) => type switch
    {
        OrganizationType.Enterprise or OrganizationType.ServiceInstitution or OrganizationType.FinancialInstitution => "enterprise",
        OrganizationType.UniversityOrInstitute => "university",
        OrganizationType.GovernmentAgency => "government",
        _ => "other",
    };

    // A party named by organization id needs nothing else; a counterpart off the platform needs name, region and
    // entity kind. Field is relative to the party ("seller." or "buyer." in front).
    private static List<(string Field, string Rule, string Message)> PartyProblems(PartyRequest party, bool mayBeForeign, bool counterpart)
    {
        var problems = new List<(string Field, string Rule, string Message)>();
        if (party.CreditCode is { Length: > 0 } code && (code.Trim().Length != 18 || !code.Trim().ToUpperInvariant().All(ch => "0123456789ABCDEFGHJKLMNPQRTUWXY".Contains(ch, StringComparison.Ordinal))))
        {
            problems.Add(("creditCode", "creditCode", "A unified social credit code has 18 characters of 0-9 and A-Y without I, O, S, V and Z."));
        }

        if (party.EntityKind is not null && !ContractCatalog.Has(ContractCatalog.EntityKinds, party.EntityKind))
        {
            problems.Add(("entityKind", "unknown", "Choose the kind of party from the list."));
        }

        var region = party.RegionCode?.Trim();
        if (region is not null && !(mayBeForeign && string.Equals(region, ContractCatalog.Foreign, StringComparison.OrdinalIgnoreCase))
            && (region.Length is not (2 or 4 or 6) || !region.All(char.IsAsciiDigit)))
        {
            problems.Add(("regionCode", "unknown", "Choose the party's region from the list."));
        }

        if (counterpart && party.OrganizationId is null)
        {
            if (string.IsNullOrWhiteSpace(party.Name) || party.Name.Trim().Length > 200)
            {
                problems.Add(("name", "required", "Name the counterpart (at most 200 characters)."));
            }

            if (string.IsNullOrWhiteSpace(region))
            {
                problems.Add(("regionCode", "required", "Give the counterpart's region."));
            }

            if (party.EntityKind is null)
            {
                problems.Add(("entityKind", "required", "Give the kind of counterpart."));
            }
        }

        return problems;
    }
}
