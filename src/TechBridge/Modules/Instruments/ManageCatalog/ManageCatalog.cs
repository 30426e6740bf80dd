using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Instruments.BrowseCatalog;
using TechBridge.Modules.Instruments.Data;

namespace TechBridge.Modules.Instruments.ManageCatalog;

internal sealed record BookingRulesRequest(
    int? MinDurationMinutes,
    int? MaxDurationMinutes,
    int? MinNoticeMinutes,
    int? MaxAdvanceDays,
    int? BufferMinutes,
    int? CancellationWindowHours,
    long? CancellationFeeFen,
    bool? ApprovalRequired,
    bool? ExternalBookingAllowed);

internal sealed record FeeRateRequest(string? PriceGroup, int? FromMinutes, long? HourlyFen);

internal sealed record FeeStandardRequest(string? Mode, int? DepreciationYears, long? ConsumablesPerHourFen, IReadOnlyList<FeeRateRequest>? Rates);

internal sealed record InstrumentRequest(
    string? Name,
    string? Model,
    string? Manufacturer,
    string? CategoryCode,
    long? OriginalValueFen,
    DateOnly? PurchaseDate,
    string? FundingSourceCode,
    string? RegionCode,
    string? Address,
    string? Status,
    bool? OpenForExternalUse,
    IReadOnlyList<string>? Technicians,
    bool? Specialised,
    int? RatedHoursPerYear,
    string? RequiredTraining,
    string? Description,
    BookingRulesRequest? Rules,
    FeeStandardRequest? Fees);

// Rated hours a year when the owner gives none (Ministry of Education practice: 1,400 general, 800 specialised).
internal sealed class InstrumentsOptions
{
    public const string Section = "Instruments";

    public int RatedHoursGeneral { get; set; } = 1400;

    public int RatedHoursSpecialised { get; set; } = 800;

    // How long after its start an approved booking nobody checked in to is released as a no-show.
    public int NoShowGraceMinutes { get; set; } = 15;

    public double NoShowPeriodMinutes { get; set; } = 5;
}

// The owner's side of the catalog: add an instrument and change it. Every field is checked and every broken rule is
// answered at once (400); only members of the acting organization, which must be verified, add instruments for it.
internal sealed class ManageCatalogHandler(PlatformDbContext db, IAccess access, IReferenceData reference, BrowseCatalogHandler catalog, InstrumentsOptions options, TimeProvider clock)
{
    public const int MaxRatesPerGroup = 5;

    public async Task<InstrumentResponse> CreateAsync(InstrumentRequest request, CancellationToken cancellationToken)
    {
        var ownerId = await access.RequireVerifiedActingOrganizationAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var instrument = new Instrument
        {
            OwnerOrganizationId = ownerId, Name = "", Model = "", Manufacturer = "", CategoryCode = "", FundingSourceCode = "", RegionCode = "", Address = "",
            CreatedAt = now,
        };
        await ApplyAsync(instrument, request, cancellationToken);
        db.Add(instrument);
        await db.SaveChangesAsync(cancellationToken);
        return await catalog.RespondAsync(instrument, cancellationToken);
    }

    public async Task<InstrumentResponse> UpdateAsync(Guid id, InstrumentRequest request, CancellationToken cancellationToken)
    {
        var instrument = await db.Set<Instrument>().Include(i => i.Rates).FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
            ?? throw new NotFoundException("The instrument");
        await access.RequireMemberAsync(instrument.OwnerOrganizationId, cancellationToken: cancellationToken);
        await ApplyAsync(instrument, request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await catalog.RespondAsync(instrument, cancellationToken);
    }

    private async Task ApplyAsync(Instrument instrument, InstrumentRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TechBridge.Platform.Time.AdjustableClock.ToChina(clock.GetUtcNow()).DateTime);
        var v = new Validation()
            .Required("name", request.Name).MaxLength("name", request.Name, 200)
            .Required("model", request.Model).MaxLength("model", request.Model, 200)
            .Required("manufacturer", request.Manufacturer).MaxLength("manufacturer", request.Manufacturer, 200)
            .Required("address", request.Address).MaxLength("address", request.Address, 300)
            .MaxLength("requiredTraining", request.RequiredTraining, 1000)
            .MaxLength("description", request.Description, 4000);
        if (CatalogCodes.CategoryLabel(request.CategoryCode ?? "") is null)
        {
            v.Add("categoryCode", "unknown", "Choose a category from the list.");
        }

        if (CatalogCodes.FundingLabel(request.FundingSourceCode ?? "") is null)
        {
            v.Add("fundingSourceCode", "unknown", "Choose a funding source from the list.");
        }

        if (request.OriginalValueFen is not > 0 || request.OriginalValueFen > 100_000_000_000L)
        {
            v.Add("originalValueFen", "range", "The original value is more than zero and at most 1 billion yuan.");
        }

        if (request.PurchaseDate is not { } purchased)
        {
            v.Add("purchaseDate", "required", "The purchase date is required.");
        }
        else if (purchased > today)
        {
            v.Add("purchaseDate", "notInFuture", "The purchase date cannot be in the future.");
        }

        if (!await reference.IsCountyLevelAsync(request.RegionCode, cancellationToken))
        {
            v.Add("regionCode", "countyLevel", "Choose the county or district where the instrument stands.");
        }

        var status = InstrumentStatus.InUse;
        if (request.Status is { Length: > 0 } statusCode && !CatalogCodes.Statuses.TryGetValue(statusCode, out status))
        {
            v.Add("status", "unknown", "Choose a status from the list.");
        }

        var technicians = (request.Technicians ?? []).Select(t => t?.Trim() ?? "").Where(t => t.Length > 0).ToList();
        if (string.Join("、", technicians).Length > 500 || technicians.Any(t => t.Contains('、', StringComparison.Ordinal)))
        {
            v.Add("technicians", "maxLength", "The technicians' names take at most 500 characters.", new Dictionary<string, object> { ["max"] = 500 });
        }

        var specialised = request.Specialised ?? false;
        var rated = request.RatedHoursPerYear ?? (specialised ? options.RatedHoursSpecialised : options.RatedHoursGeneral);
        if (rated is < 1 or > 8784)
        {
            v.Add("ratedHoursPerYear", "range", "Rated hours a year are 1 to 8,784.", new Dictionary<string, object> { ["min"] = 1, ["max"] = 8784 });
        }

        var rules = ValidateRules(request.Rules ?? new BookingRulesRequest(null, null, null, null, null, null, null, null, null), v);
        var (mode, years, consumables, rates) = ValidateFees(request.Fees, v);
        v.ThrowIfInvalid();

        instrument.Name = request.Name!.Trim();
        instrument.Model = request.Model!.Trim();
        instrument.Manufacturer = request.Manufacturer!.Trim();
        instrument.CategoryCode = request.CategoryCode!;
        instrument.OriginalValueFen = request.OriginalValueFen!.Value;
        instrument.PurchaseDate = request.PurchaseDate!.Value;
        instrument.FundingSourceCode = request.FundingSourceCode!;
        instrument.RegionCode = request.RegionCode!;
        instrument.Address = request.Address!.Trim();
        instrument.Status = status;
        instrument.OpenForExternalUse = request.OpenForExternalUse ?? true;
        instrument.Technicians = string.Join("、", technicians);
        instrument.Specialised = specialised;
        instrument.RatedHoursPerYear = rated;
        instrument.RequiredTraining = string.IsNullOrWhiteSpace(request.RequiredTraining) ? null : request.RequiredTraining.Trim();
        instrument.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        // Values copied into the tracked owned row: replacing the owned instance would make EF delete and re-add it.
        instrument.Rules.MinDurationMinutes = rules.MinDurationMinutes;
        instrument.Rules.MaxDurationMinutes = rules.MaxDurationMinutes;
        instrument.Rules.MinNoticeMinutes = rules.MinNoticeMinutes;
        instrument.Rules.MaxAdvanceDays = rules.MaxAdvanceDays;
        instrument.Rules.BufferMinutes = rules.BufferMinutes;
        instrument.Rules.CancellationWindowHours = rules.CancellationWindowHours;
        instrument.Rules.CancellationFeeFen = rules.CancellationFeeFen;
        instrument.Rules.ApprovalRequired = rules.ApprovalRequired;
        instrument.Rules.ExternalBookingAllowed = rules.ExternalBookingAllowed;
        instrument.FeeMode = mode;
        instrument.DepreciationYears = years;
        instrument.ConsumablesPerHourFen = consumables;
        // The rate table is replaced as a whole: its steps only make sense together.
        foreach (var old in instrument.Rates.ToList())
        {
            db.Remove(old);
        }

        instrument.Rates.Clear();
        foreach (var rate in rates)
        {
            // Added explicitly: a new row with its key already set would otherwise be taken for an existing one.
            rate.InstrumentId = instrument.Id;
            db.Add(rate);
            if (!instrument.Rates.Contains(rate))
            {
                // EF's fix-up has already put it there when the instrument is tracked.
                instrument.Rates.Add(rate);
            }
        }

        instrument.UpdatedAt = clock.GetUtcNow();
    }

    private static BookingRules ValidateRules(BookingRulesRequest r, Validation v)
    {
        var rules = new BookingRules
        {
            MinDurationMinutes = r.MinDurationMinutes ?? 30,
            MaxDurationMinutes = r.MaxDurationMinutes ?? 480,
            MinNoticeMinutes = r.MinNoticeMinutes ?? 60,
            MaxAdvanceDays = r.MaxAdvanceDays ?? 60,
            BufferMinutes = r.BufferMinutes ?? 0,
            CancellationWindowHours = r.CancellationWindowHours ?? 24,
            CancellationFeeFen = r.CancellationFeeFen ?? 0,
            ApprovalRequired = r.ApprovalRequired ?? true,
            ExternalBookingAllowed = r.ExternalBookingAllowed ?? true,
        };
        if (rules.MinDurationMinutes is < 5 or > 10_080)
        {
            v.Add("rules.minDurationMinutes", "range", "The shortest booking is 5 minutes to 7 days.", new Dictionary<string, object> { ["min"] = 5, ["max"] = 10_080 });
        }

        if (rules.MaxDurationMinutes is < 5 or > 10_080)
        {
            v.Add("rules.maxDurationMinutes", "range", "The longest booking is 5 minutes to 7 days.", new Dictionary<string, object> { ["min"] = 5, ["max"] = 10_080 });
        }
        else if (rules.MaxDurationMinutes < rules.MinDurationMinutes)
        {
            v.Add("rules.maxDurationMinutes", "notBelowMinimum", "The longest booking cannot be shorter than the shortest.");
        }

        if (rules.MinNoticeMinutes is < 0 or > 43_200)
        {
            v.Add("rules.minNoticeMinutes", "range", "The notice is 0 minutes to 30 days.", new Dictionary<string, object> { ["min"] = 0, ["max"] = 43_200 });
        }

        if (rules.MaxAdvanceDays is < 1 or > 366)
        {
            v.Add("rules.maxAdvanceDays", "range", "Bookings open 1 to 366 days ahead.", new Dictionary<string, object> { ["min"] = 1, ["max"] = 366 });
        }

        if (rules.BufferMinutes is < 0 or > 1440)
        {
            v.Add("rules.bufferMinutes", "range", "The buffer is 0 to 1,440 minutes.", new Dictionary<string, object> { ["min"] = 0, ["max"] = 1440 });
        }

        if (rules.CancellationWindowHours is < 0 or > 720)
        {
            v.Add("rules.cancellationWindowHours", "range", "The cancellation window is 0 to 720 hours.", new Dictionary<string, object> { ["min"] = 0, ["max"] = 720 });
        }

        if (rules.CancellationFeeFen is < 0 or > 10_000_000)
        {
            v.Add("rules.cancellationFeeFen", "range", "The cancellation fee is 0 to 100,000 yuan.");
        }

        return rules;
    }

    private static (FeeMode Mode, int Years, long Consumables, List<FeeRate> Rates) ValidateFees(FeeStandardRequest? fees, Validation v)
    {
        var mode = FeeMode.PerReservation;
        if (fees?.Mode is { Length: > 0 } modeCode && !CatalogCodes.Modes.TryGetValue(modeCode, out mode))
        {
            v.Add("fees.mode", "unknown", "Choose how the fee is charged from the list.");
        }

        var years = fees?.DepreciationYears ?? 5;
        if (years is < 1 or > 30)
        {
            v.Add("fees.depreciationYears", "range", "Depreciation takes 1 to 30 years.", new Dictionary<string, object> { ["min"] = 1, ["max"] = 30 });
        }

        var consumables = fees?.ConsumablesPerHourFen ?? 0;
        if (consumables is < 0 or > 100_000_000)
        {
            v.Add("fees.consumablesPerHourFen", "range", "Consumables per hour are 0 to 1 million yuan.");
        }

        var rates = new List<FeeRate>();
        var requested = fees?.Rates ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            var r = requested[i];
            var group = PriceGroup.Internal;
            if (r.PriceGroup is null || !CatalogCodes.PriceGroups.TryGetValue(r.PriceGroup, out group))
            {
                v.Add($"fees.rates[{i}].priceGroup", "unknown", "Choose the price group from the list.");
                continue;
            }

            if (r.FromMinutes is not >= 0)
            {
                v.Add($"fees.rates[{i}].fromMinutes", "required", "Say from which minute of a booking the rate applies.");
                continue;
            }

            if (r.HourlyFen is not >= 0 || r.HourlyFen > 100_000_000)
            {
                v.Add($"fees.rates[{i}].hourlyFen", "range", "The hourly rate is 0 to 1 million yuan.");
                continue;
            }

            if (rates.Any(x => x.PriceGroup == group && x.FromMinutes == r.FromMinutes))
            {
                v.Add($"fees.rates[{i}].fromMinutes", "duplicateStep", "Each step of a price group starts at a different minute.");
                continue;
            }

            rates.Add(new FeeRate { PriceGroup = group, FromMinutes = r.FromMinutes.Value, HourlyFen = r.HourlyFen.Value });
        }

        foreach (var group in rates.GroupBy(r => r.PriceGroup))
        {
            if (group.Min(r => r.FromMinutes) != 0)
            {
                v.Add("fees.rates", "firstStepFromZero", "Each price group's first step starts at minute 0.");
            }

            if (group.Count() > MaxRatesPerGroup)
            {
                v.Add("fees.rates", "tooManySteps", "A price group has at most 5 steps.", new Dictionary<string, object> { ["max"] = MaxRatesPerGroup });
            }
        }

        return (mode, years, consumables, rates);
    }
}

internal static class ManageCatalogEndpoints
{
    public static RouteGroupBuilder MapManageCatalog(this RouteGroupBuilder group)
    {
        group.MapPost("/", async Task<Created<InstrumentResponse>> (InstrumentRequest request, ManageCatalogHandler desk, CancellationToken ct) =>
            {
                var response = await desk.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/instruments/{response.Id}", response);
            })
            .RequireAuthorization()
            .WithName("AddInstrument")
            .WithSummary("The acting (verified) organization adds an instrument to the catalog with its booking rules and fee standard; every broken rule is answered at once.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", async Task<Ok<InstrumentResponse>> (Guid id, InstrumentRequest request, ManageCatalogHandler desk, CancellationToken ct) => TypedResults.Ok(await desk.UpdateAsync(id, request, ct)))
            .RequireAuthorization()
            .WithName("UpdateInstrument")
            .WithSummary("A member of the owner changes the instrument (all fields; the rate table is replaced as a whole).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
