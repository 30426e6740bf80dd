using System.Globalization;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Vouchers.Contracts;
using TechBridge.Modules.Vouchers.Data;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Vouchers.ManagePrograms;

internal sealed record RegionRateRequest(string? RegionCode, int? RateBasisPoints);

internal sealed record ProgramRequest(
    string? Name,
    string? JurisdictionCode,
    int? Year,
    long? BudgetFen,
    string? Mode,
    int? RateBasisPoints,
    IReadOnlyList<RegionRateRequest>? RegionRates,
    long? CapPerApplicationFen,
    long? AnnualCapPerEnterpriseFen,
    long? AnnualCapPerControllerFen,
    long? FullCoverageAtOrBelowFen,
    int? ValidityMonths,
    bool? RequiresAgreedOrder,
    IReadOnlyList<string>? EligibleSectors,
    bool? CoversInstrumentUse,
    bool? CoversTesting,
    IReadOnlyList<string>? EligibleOrganizationTypes,
    IReadOnlyList<string>? RequiredRecognitions,
    IReadOnlyList<string>? EligibleRegions,
    bool? ExcludeFundedLastYear,
    string? PaymentCycle);

// A rule of a program in plain words: Text is an English UI key with {0}-style placeholders, Args fill them.
internal sealed record RuleText(string Rule, string Text, IReadOnlyList<string> Args)
{
    public string English => string.Format(CultureInfo.InvariantCulture, Text, [.. Args]);
}

internal sealed record ProgramResponse(
    Guid Id,
    string Name,
    string JurisdictionCode,
    int Year,
    long BudgetFen,
    string BudgetDisplay,
    string Mode,
    int RateBasisPoints,
    IReadOnlyList<RegionRateRequest> RegionRates,
    long CapPerApplicationFen,
    long AnnualCapPerEnterpriseFen,
    long AnnualCapPerControllerFen,
    long FullCoverageAtOrBelowFen,
    int ValidityMonths,
    bool RequiresAgreedOrder,
    IReadOnlyList<string> EligibleSectors,
    bool CoversInstrumentUse,
    bool CoversTesting,
    IReadOnlyList<string> EligibleOrganizationTypes,
    IReadOnlyList<string> RequiredRecognitions,
    IReadOnlyList<string> EligibleRegions,
    bool ExcludeFundedLastYear,
    string PaymentCycle,
    string Status,
    IReadOnlyList<RuleText> Rules);

internal sealed record AgreementRequest(string? Name, IReadOnlyList<string>? Parties, DateOnly? EffectiveFrom, DateOnly? EffectiveUntil, IReadOnlyList<Guid>? Providers);

internal sealed record AgreementResponse(Guid Id, string Name, IReadOnlyList<string> Parties, DateOnly EffectiveFrom, DateOnly? EffectiveUntil, IReadOnlyList<Guid> Providers);

// Programs and recognition agreements: edited by admins holding vouchers.manage-programs for the jurisdiction,
// validated on save (every broken rule at once), read by everyone signed in (the rules are shown to applicants).
internal sealed class ProgramsHandler(PlatformDbContext db, IAccess access, IReferenceData reference, IOrganizationStanding standing, VoucherLedger ledger, TimeProvider clock)
{
    public const long MaxBudgetFen = 1_000_000_000_000L;
    public static readonly string[] Cycles = ["monthly", "quarterly"];

    public static bool IsJurisdiction(string? code) =>
        code is Jurisdictions.Beijing or Jurisdictions.Tianjin or Jurisdictions.Hebei
        || (code is { Length: 4 } && code.StartsWith(Jurisdictions.Hebei, StringComparison.Ordinal) && code.All(char.IsAsciiDigit) && code[2..] != "00");

    public async Task<ProgramResponse> CreateAsync(ProgramRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        await access.RequirePermissionAsync(VouchersPermissions.ManagePrograms, request.JurisdictionCode!, cancellationToken);
        var program = new VoucherProgram { Name = "", JurisdictionCode = "", PaymentCycle = "", CreatedByUserId = access.UserId, CreatedAt = clock.GetUtcNow() };
        Apply(program, request);
        db.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(program);
    }

    public async Task<ProgramResponse> UpdateAsync(Guid id, ProgramRequest request, CancellationToken cancellationToken)
    {
        var program = await db.Set<VoucherProgram>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The program");
        await access.RequirePermissionAsync(VouchersPermissions.ManagePrograms, program.JurisdictionCode, cancellationToken);
        Validate(request);
        if (program.Status != ProgramStatus.Draft && (request.BudgetFen != program.BudgetFen || request.JurisdictionCode != program.JurisdictionCode || request.Year != program.Year))
        {
            // The budget is in the ledger once the program is open: it is not edited there.
            throw new ConflictException("program_open", "The budget, jurisdiction and year of an open program do not change.");
        }

        await access.RequirePermissionAsync(VouchersPermissions.ManagePrograms, request.JurisdictionCode!, cancellationToken);
        Apply(program, request);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(program);
    }

    // Opening funds the budget in the ledger (appropriation → budget) and opens the program's accounts, once.
    public async Task<ProgramResponse> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var program = await db.Set<VoucherProgram>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The program");
        await access.RequirePermissionAsync(VouchersPermissions.ManagePrograms, program.JurisdictionCode, cancellationToken);
        if (program.Status != ProgramStatus.Draft)
        {
            throw new ConflictException("transition_not_allowed", "Only a draft program is opened.");
        }

        await ledger.InTransactionAsync(async () =>
        {
            await ledger.LockAsync(cancellationToken);
            program.Status = ProgramStatus.Open;
            program.UpdatedAt = clock.GetUtcNow();
            var accounts = new Dictionary<AccountKind, LedgerAccount>();
            foreach (var kind in (AccountKind[])[AccountKind.Appropriation, AccountKind.Budget, AccountKind.Reserved, AccountKind.Paid, AccountKind.Expired, AccountKind.Returned])
            {
                accounts[kind] = await ledger.OpenAccountAsync(kind, program.Id, null, cancellationToken);
            }

            await ledger.TransferAsync(TransferKind.Fund, program.Id, accounts[AccountKind.Appropriation].Id, accounts[AccountKind.Budget].Id, program.BudgetFen, cancellationToken, byUserId: access.UserId);
            return true;
        }, cancellationToken);
        return ToResponse(program);
    }

    public async Task<ProgramResponse> CloseAsync(Guid id, CancellationToken cancellationToken)
    {
        var program = await db.Set<VoucherProgram>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The program");
        await access.RequirePermissionAsync(VouchersPermissions.ManagePrograms, program.JurisdictionCode, cancellationToken);
        if (program.Status != ProgramStatus.Open)
        {
            throw new ConflictException("transition_not_allowed", "Only an open program is closed.");
        }

        program.Status = ProgramStatus.Closed;
        program.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(program);
    }

    public async Task<IReadOnlyList<ProgramResponse>> ListAsync(bool openOnly, CancellationToken cancellationToken)
    {
        var query = db.Set<VoucherProgram>().AsNoTracking();
        if (openOnly)
        {
            query = query.Where(p => p.Status == ProgramStatus.Open);
        }

        var programs = await query.OrderByDescending(p => p.Year).ThenBy(p => p.JurisdictionCode).ThenBy(p => p.Name).Take(200).ToListAsync(cancellationToken);
        return programs.Select(ToResponse).ToList();
    }

    public async Task<ProgramResponse> GetAsync(Guid id, CancellationToken cancellationToken) =>
        ToResponse(await db.Set<VoucherProgram>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("The program"));

    // What a program would look like, in words, before it is saved (the editor's preview).
    public ProgramResponse Preview(ProgramRequest request)
    {
        Validate(request);
        var program = new VoucherProgram { Name = "", JurisdictionCode = "", PaymentCycle = "" };
        Apply(program, request);
        return ToResponse(program);
    }

    public async Task<AgreementResponse> CreateAgreementAsync(AgreementRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("name", request.Name).MaxLength("name", request.Name, 200);
        var parties = (request.Parties ?? []).Distinct().ToList();
        if (parties.Count < 2 || parties.Any(p => p is not (Jurisdictions.Beijing or Jurisdictions.Tianjin or Jurisdictions.Hebei)))
        {
            validation.Add("parties", "provinces", "An agreement has two or more parties among Beijing (11), Tianjin (12) and Hebei (13).");
        }

        if (request.EffectiveFrom is null)
        {
            validation.Add("effectiveFrom", "required", "The agreement takes effect on a date.");
        }
        else if (request.EffectiveUntil is { } until && until < request.EffectiveFrom)
        {
            validation.Add("effectiveUntil", "afterStart", "The agreement ends after it starts.");
        }

        validation.ThrowIfInvalid();
        var mine = await access.JurisdictionsWithAsync(VouchersPermissions.ManagePrograms, cancellationToken);
        if (!parties.Any(mine.Contains))
        {
            throw new ForbiddenException("An admin of one of the parties records the agreement.");
        }

        var providers = (request.Providers ?? []).Distinct().ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var facts = await standing.FindManyAsync(providers, today, cancellationToken);
        var agreement = new RecognitionAgreement { Name = request.Name!.Trim(), Parties = parties, EffectiveFrom = request.EffectiveFrom!.Value, EffectiveUntil = request.EffectiveUntil, CreatedAt = clock.GetUtcNow() };
        var bad = new Validation();
        for (var i = 0; i < providers.Count; i++)
        {
            if (!facts.TryGetValue(providers[i], out var f) || !f.IsAdmittedInstitution || !parties.Contains(f.RegionCode[..2]))
            {
                bad.Add($"providers[{i}]", "admittedInParty", "A recognised provider is an admitted institution of one of the parties.");
                continue;
            }

            agreement.Providers.Add(new RecognisedProvider { OrganizationId = providers[i], JurisdictionCode = f.RegionCode[..2] });
        }

        bad.ThrowIfInvalid();
        db.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(agreement);
    }

    public async Task<IReadOnlyList<AgreementResponse>> AgreementsAsync(CancellationToken cancellationToken) =>
        (await db.Set<RecognitionAgreement>().AsNoTracking().Include(a => a.Providers).OrderBy(a => a.EffectiveFrom).ToListAsync(cancellationToken)).Select(ToResponse).ToList();

    // The program's accepted providers: its own jurisdiction's admitted institutions, plus the recognised providers
    // of agreements in force on the day where the program's province is a party.
    public async Task<bool> AcceptsProviderAsync(VoucherProgram program, Guid providerId, string providerRegion, bool admitted, DateOnly on, CancellationToken cancellationToken)
    {
        if (admitted && Jurisdictions.Covers(program.JurisdictionCode, providerRegion))
        {
            return true;
        }

        var province = program.JurisdictionCode[..2];
        var agreements = await db.Set<RecognitionAgreement>().AsNoTracking()
            .Where(a => a.EffectiveFrom <= on && (a.EffectiveUntil == null || a.EffectiveUntil >= on) && a.Providers.Any(p => p.OrganizationId == providerId))
            .ToListAsync(cancellationToken);
        return agreements.Any(a => a.Parties.Contains(province) && a.Parties.Contains(providerRegion[..2]) && providerRegion[..2] != province);
    }

    private void Validate(ProgramRequest r)
    {
        var v = new Validation().Required("name", r.Name).MaxLength("name", r.Name, 200);
        if (!IsJurisdiction(r.JurisdictionCode))
        {
            v.Add("jurisdictionCode", "jurisdiction", "A program belongs to Beijing, Tianjin, Hebei or a Hebei city.");
        }

        if (r.Year is not (>= 2000 and <= 2100))
        {
            v.Add("year", "range", "The year is between 2000 and 2100.");
        }

        if (r.BudgetFen is not > 0 || r.BudgetFen > MaxBudgetFen)
        {
            v.Add("budgetFen", "range", "The budget is a positive amount (at most 100亿).");
        }

        if (r.Mode is not ("general" or "direct"))
        {
            v.Add("mode", "mode", "The redemption mode is general (通用) or direct (通兑).");
        }

        if (r.RateBasisPoints is not (>= 1 and <= 10000))
        {
            v.Add("rateBasisPoints", "rate", "The subsidy rate is between 0.01 % and 100 % (1 to 10000 basis points).");
        }

        var rates = r.RegionRates ?? [];
        for (var i = 0; i < rates.Count; i++)
        {
            if (rates[i].RegionCode is not { Length: >= 2 and <= 6 } code || !code.All(char.IsAsciiDigit) || r.JurisdictionCode is null || !code.StartsWith(r.JurisdictionCode, StringComparison.Ordinal))
            {
                v.Add($"regionRates[{i}].regionCode", "inJurisdiction", "A regional rate names a region inside the program's jurisdiction.");
            }

            if (rates[i].RateBasisPoints is not (>= 1 and <= 10000))
            {
                v.Add($"regionRates[{i}].rateBasisPoints", "rate", "The subsidy rate is between 0.01 % and 100 % (1 to 10000 basis points).");
            }
        }

        if (r.CapPerApplicationFen is not > 0 || r.CapPerApplicationFen > MaxBudgetFen)
        {
            v.Add("capPerApplicationFen", "positiveAmount", "A cap is a positive amount.");
        }

        if (r.AnnualCapPerEnterpriseFen is not > 0 || r.AnnualCapPerEnterpriseFen > MaxBudgetFen)
        {
            v.Add("annualCapPerEnterpriseFen", "positiveAmount", "A cap is a positive amount.");
        }

        if (r.AnnualCapPerControllerFen is not > 0 || r.AnnualCapPerControllerFen > MaxBudgetFen)
        {
            v.Add("annualCapPerControllerFen", "positiveAmount", "A cap is a positive amount.");
        }

        if (r.CapPerApplicationFen > 0 && r.AnnualCapPerEnterpriseFen > 0 && r.CapPerApplicationFen > r.AnnualCapPerEnterpriseFen)
        {
            v.Add("capPerApplicationFen", "notAboveAnnualCap", "The cap per application is not above the annual cap per enterprise.");
        }

        if (r.AnnualCapPerEnterpriseFen > 0 && r.AnnualCapPerControllerFen > 0 && r.AnnualCapPerControllerFen < r.AnnualCapPerEnterpriseFen)
        {
            v.Add("annualCapPerControllerFen", "notBelowEnterpriseCap", "The annual cap per actual controller is not below the cap per enterprise.");
        }

        if (r.FullCoverageAtOrBelowFen is < 0 || (r.FullCoverageAtOrBelowFen > 0 && r.CapPerApplicationFen > 0 && r.FullCoverageAtOrBelowFen > r.CapPerApplicationFen))
        {
            v.Add("fullCoverageAtOrBelowFen", "notAboveCap", "Full coverage applies to small amounts: not above the cap per application.");
        }

        if (r.ValidityMonths is not (>= 1 and <= 36))
        {
            v.Add("validityMonths", "range", "A voucher is valid for 1 to 36 months.");
        }

        var sectors = reference.Sectors.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (s, i) in (r.EligibleSectors ?? []).Select((s, i) => (s, i)).Where(x => !sectors.Contains(x.s)))
        {
            v.Add($"eligibleSectors[{i}]", "unknownSector", "The sector is not one of the ten sectors.");
        }

        foreach (var (s, i) in (r.EligibleOrganizationTypes ?? []).Select((s, i) => (s, i)).Where(x => !Enum.TryParse<OrganizationType>(x.s, out _)))
        {
            v.Add($"eligibleOrganizationTypes[{i}]", "unknownType", "The organization type is not known.");
        }

        var kinds = reference.RecognitionKinds.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (s, i) in (r.RequiredRecognitions ?? []).Select((s, i) => (s, i)).Where(x => !kinds.Contains(x.s)))
        {
            v.Add($"requiredRecognitions[{i}]", "unknownRecognition", "The recognition is not known.");
        }

        foreach (var (s, i) in (r.EligibleRegions ?? []).Select((s, i) => (s, i)))
        {
            if (s is not { Length: >= 2 and <= 6 } || !s.All(char.IsAsciiDigit) || r.JurisdictionCode is null || !(s.StartsWith(r.JurisdictionCode, StringComparison.Ordinal) || IsJurisdiction(r.JurisdictionCode) && r.JurisdictionCode.Length == 2))
            {
                v.Add($"eligibleRegions[{i}]", "regionCode", "An eligible region is a region code.");
            }
        }

        if (r.PaymentCycle is null || !Cycles.Contains(r.PaymentCycle))
        {
            v.Add("paymentCycle", "cycle", "The payment cycle is monthly or quarterly.");
        }

        v.ThrowIfInvalid();
    }

    private static void Apply(VoucherProgram p, ProgramRequest r)
    {
        p.Name = r.Name!.Trim();
        p.JurisdictionCode = r.JurisdictionCode!;
        p.Year = r.Year!.Value;
        p.BudgetFen = r.BudgetFen!.Value;
        p.Mode = r.Mode == "direct" ? RedemptionMode.Direct : RedemptionMode.General;
        p.RateBasisPoints = r.RateBasisPoints!.Value;
        p.RegionRates = (r.RegionRates ?? []).Select(x => $"{x.RegionCode}:{x.RateBasisPoints}").ToList();
        p.CapPerApplicationFen = r.CapPerApplicationFen!.Value;
        p.AnnualCapPerEnterpriseFen = r.AnnualCapPerEnterpriseFen!.Value;
        p.AnnualCapPerControllerFen = r.AnnualCapPerControllerFen!.Value;
        p.FullCoverageAtOrBelowFen = r.FullCoverageAtOrBelowFen ?? 0;
        p.ValidityMonths = r.ValidityMonths!.Value;
        p.RequiresAgreedOrder = r.RequiresAgreedOrder ?? false;
        p.EligibleSectors = [.. r.EligibleSectors ?? []];
        p.CoversInstrumentUse = r.CoversInstrumentUse ?? false;
        p.CoversTesting = r.CoversTesting ?? false;
        p.EligibleOrganizationTypes = [.. r.EligibleOrganizationTypes ?? []];
        p.RequiredRecognitions = [.. r.RequiredRecognitions ?? []];
        p.EligibleRegions = [.. r.EligibleRegions ?? []];
        p.ExcludeFundedLastYear = r.ExcludeFundedLastYear ?? false;
        p.PaymentCycle = r.PaymentCycle!;
        p.UpdatedAt = p.CreatedAt;
    }

    public static IReadOnlyList<RegionRateRequest> RegionRatesOf(VoucherProgram p) =>
        p.RegionRates.Select(x => x.Split(':')).Select(x => new RegionRateRequest(x[0], int.Parse(x[1], CultureInfo.InvariantCulture))).ToList();

    public static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture);

    // The rules in plain words, in the order an applicant reads them.
    public static IReadOnlyList<RuleText> Describe(VoucherProgram p, Func<string, string>? names = null)
    {
        string Name(string code) => names?.Invoke(code) ?? code;
        var rules = new List<RuleText>
        {
            p.Mode == RedemptionMode.General
                ? new("mode", "General voucher: you pay the provider in full and are reimbursed after delivery.", [])
                : new("mode", "Direct voucher: you pay your own share; the provider redeems the voucher share.", []),
            new("rate", "The voucher pays {0} % of the order amount.", [Percent(p.RateBasisPoints)]),
        };
        rules.AddRange(RegionRatesOf(p).Select(r => new RuleText("regionRate", "Enterprises registered in region {0}: {1} %.", [r.RegionCode!, Percent(r.RateBasisPoints!.Value)])));
        if (p.FullCoverageAtOrBelowFen > 0)
        {
            rules.Add(new("fullCoverage", "Orders of {0} or less are paid in full.", [new Money(p.FullCoverageAtOrBelowFen).ToString()]));
        }

        rules.Add(new("capPerApplication", "At most {0} per use.", [new Money(p.CapPerApplicationFen).ToString()]));
        rules.Add(new("annualCapPerEnterprise", "At most {0} a year per enterprise.", [new Money(p.AnnualCapPerEnterpriseFen).ToString()]));
        rules.Add(new("annualCapPerController", "At most {0} a year for all enterprises of one actual controller.", [new Money(p.AnnualCapPerControllerFen).ToString()]));
        rules.Add(new("validity", "A voucher is valid for {0} months after issue; unused quota returns to the budget.", [p.ValidityMonths.ToString(CultureInfo.InvariantCulture)]));
        if (p.RequiresAgreedOrder)
        {
            rules.Add(new("agreedOrder", "Apply with an order already agreed with the provider.", []));
        }

        rules.Add(p.EligibleSectors.Count == 0
            ? new("sectors", "Services of every sector are covered.", [])
            : new("sectors", "Services of these sectors are covered: {0}.", [string.Join("、", p.EligibleSectors.Select(Name))]));
        rules.Add(new("instrumentUse", p.CoversInstrumentUse ? "Instrument use is covered." : "Instrument use is not covered.", []));
        rules.Add(new("testing", p.CoversTesting ? "Testing is covered." : "Testing is not covered.", []));
        if (p.RequiredRecognitions.Count > 0)
        {
            rules.Add(new("recognitions", "The enterprise holds one of these recognitions: {0}.", [string.Join("、", p.RequiredRecognitions.Select(Name))]));
        }

        if (p.EligibleRegions.Count > 0)
        {
            rules.Add(new("regions", "The enterprise is registered in one of these regions: {0}.", [string.Join(", ", p.EligibleRegions)]));
        }

        if (p.ExcludeFundedLastYear)
        {
            rules.Add(new("notFundedLastYear", "Enterprises funded by this jurisdiction's vouchers this year or last year are excluded.", []));
        }

        rules.Add(new("providers", "Providers: admitted institutions of the jurisdiction and recognised providers of partner jurisdictions.", []));
        rules.Add(new("paymentCycle", p.PaymentCycle == "monthly" ? "Payments are made monthly." : "Payments are made quarterly.", []));
        return rules;
    }

    // Sector and recognition names in the reader's language, for the rules in plain words.
    private string NameOf(string code)
    {
        var chinese = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        if (reference.Sectors.FirstOrDefault(s => s.Code == code) is { } sector)
        {
            return chinese ? sector.NameZh : sector.NameEn;
        }

        return reference.RecognitionKinds.FirstOrDefault(k => k.Code == code) is { } kind ? (chinese ? kind.NameZh : kind.NameEn) : code;
    }

    public ProgramResponse ToResponse(VoucherProgram p) => new(
        p.Id, p.Name, p.JurisdictionCode, p.Year, p.BudgetFen, new Money(p.BudgetFen).ToDisplay(), p.Mode == RedemptionMode.General ? "general" : "direct",
        p.RateBasisPoints, RegionRatesOf(p), p.CapPerApplicationFen, p.AnnualCapPerEnterpriseFen, p.AnnualCapPerControllerFen, p.FullCoverageAtOrBelowFen,
        p.ValidityMonths, p.RequiresAgreedOrder, p.EligibleSectors, p.CoversInstrumentUse, p.CoversTesting, p.EligibleOrganizationTypes, p.RequiredRecognitions,
        p.EligibleRegions, p.ExcludeFundedLastYear, p.PaymentCycle, p.Status.ToString().ToLowerInvariant(), Describe(p, NameOf));

    private static AgreementResponse ToResponse(RecognitionAgreement a) =>
        new(a.Id, a.Name, a.Parties, a.EffectiveFrom, a.EffectiveUntil, a.Providers.Select(p => p.OrganizationId).ToList());
}
