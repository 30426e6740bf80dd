using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Monitoring.Contracts;
using TechBridge.Modules.Monitoring.Data;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Monitoring.ManageKpis;

internal sealed record AddKpiRequest(string? Code, string? NameZh, string? NameEn, string? DefinitionZh, string? DefinitionEn, string? Formula, string? Unit,
    string? Comparison, string? ResponsibleUnits, string? PlanReference, int? TargetYear, double? TargetValue, string? TargetSource);

internal sealed record SetTargetRequest(int? Year, double? Value, string? Source);

internal sealed record ReportValueRequest(int? Year, double? Value, string? RegionCode, string? Source, string? EvidenceSha256);

internal sealed record KpiCreated(string Code);

internal sealed record TargetSet(string Code, int Year, double Value);

internal sealed record ValueReported(Guid Id, string Code, int Year, double Value, bool Confirmed);

// Admins of the province add KPIs for later plans and set targets; agencies (members of a government-agency
// organization) report values with their source and evidence; a province admin other than the reporter confirms
// them, and only confirmed values count.
internal sealed class ManageKpisHandler(IAccess access, IOrganizationFacts organizations, IReferenceData reference, PlatformDbContext db, TimeProvider clock)
{
    private static readonly string[] Units = ["count", "percent", "hundred-million-yuan"];

    public async Task<KpiCreated> AddAsync(AddKpiRequest request, CancellationToken cancellationToken)
    {
        await access.RequirePermissionAsync(MonitoringPermissions.ManageKpis, Jurisdictions.Hebei, cancellationToken);
        var validation = new Validation()
            .Required("code", request.Code).MaxLength("code", request.Code, 64)
            .Required("nameZh", request.NameZh).MaxLength("nameZh", request.NameZh, 200)
            .Required("nameEn", request.NameEn).MaxLength("nameEn", request.NameEn, 200)
            .Required("definitionZh", request.DefinitionZh).MaxLength("definitionZh", request.DefinitionZh, 2000)
            .MaxLength("definitionEn", request.DefinitionEn, 2000)
            .Required("formula", request.Formula).MaxLength("formula", request.Formula, 500)
            .Required("responsibleUnits", request.ResponsibleUnits).MaxLength("responsibleUnits", request.ResponsibleUnits, 300)
            .Required("planReference", request.PlanReference).MaxLength("planReference", request.PlanReference, 200);
        if (request.Code is { Length: > 0 } code && !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            validation.Add("code", "format", "A code is lower-case letters, digits and hyphens.");
        }

        if (!Units.Contains(request.Unit))
        {
            validation.Add("unit", "unknown", "Unit is count, percent or hundred-million-yuan.");
        }

        CheckTarget(validation, request.TargetYear, request.TargetValue, forNewKpi: true);
        validation.Required("targetSource", request.TargetSource).MaxLength("targetSource", request.TargetSource, 300);
        validation.ThrowIfInvalid();

        if (await db.Set<Kpi>().AnyAsync(k => k.Code == request.Code, cancellationToken))
        {
            throw new ConflictException("kpi_exists", "A KPI with this code exists.");
        }

        var now = clock.GetUtcNow();
        var kpi = new Kpi
        {
            Code = request.Code!,
            NameZh = request.NameZh!.Trim(),
            NameEn = request.NameEn!.Trim(),
            DefinitionZh = request.DefinitionZh!.Trim(),
            DefinitionEn = string.IsNullOrWhiteSpace(request.DefinitionEn) ? request.DefinitionZh!.Trim() : request.DefinitionEn.Trim(),
            Formula = request.Formula!.Trim(),
            Unit = request.Unit switch { "percent" => KpiUnit.Percent, "hundred-million-yuan" => KpiUnit.HundredMillionYuan, _ => KpiUnit.Count },
            Comparison = request.Comparison == "more-than" ? KpiComparison.MoreThan : KpiComparison.AtLeast,
            // A KPI added by an admin has no computation behind it: agencies report its values.
            SourceKind = KpiSourceKind.Reported,
            ResponsibleUnits = request.ResponsibleUnits!.Trim(),
            PlanReference = request.PlanReference!.Trim(),
            SortOrder = 1000,
            CreatedBy = access.UserId,
            CreatedAt = now,
        };
        kpi.Targets.Add(new KpiTarget { Year = request.TargetYear!.Value, Value = request.TargetValue!.Value, Source = request.TargetSource!.Trim(), EnteredBy = access.UserId, EnteredAt = now });
        db.Add(kpi);
        await db.SaveChangesAsync(cancellationToken);
        return new KpiCreated(kpi.Code);
    }

    // Sets the target of a year; a second entry for the same year replaces the first (the audit log keeps both).
    public async Task<TargetSet> SetTargetAsync(string code, SetTargetRequest request, CancellationToken cancellationToken)
    {
        await access.RequirePermissionAsync(MonitoringPermissions.ManageKpis, Jurisdictions.Hebei, cancellationToken);
        var validation = new Validation();
        CheckTarget(validation, request.Year, request.Value, forNewKpi: false);
        validation.Required("source", request.Source).MaxLength("source", request.Source, 300);
        validation.ThrowIfInvalid();
        var kpi = await db.Set<Kpi>().Include(k => k.Targets).FirstOrDefaultAsync(k => k.Code == code, cancellationToken) ?? throw new NotFoundException("The KPI");
        var target = kpi.Targets.FirstOrDefault(t => t.Year == request.Year);
        if (target is null)
        {
            target = new KpiTarget { KpiId = kpi.Id, Year = request.Year!.Value, Source = "" };
            db.Add(target);
        }

        target.Value = request.Value!.Value;
        target.Source = request.Source!.Trim();
        target.EnteredBy = access.UserId;
        target.EnteredAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new TargetSet(kpi.Code, target.Year, target.Value);
    }

    public async Task<ValueReported> ReportAsync(string code, ReportValueRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("source", request.Source).MaxLength("source", request.Source, 300);
        if (request.Year is not { } year || year < 2000 || year > 2100)
        {
            validation.Add("year", "range", "The year is between 2000 and 2100.");
        }

        if (request.Value is not { } value || double.IsNaN(value) || double.IsInfinity(value))
        {
            validation.Add("value", "required", "Enter the value.");
        }
        else if (value < 0)
        {
            validation.Add("value", "nonNegative", "A value is never negative.");
        }

        if (request.RegionCode is { Length: > 0 } region && (!region.StartsWith(Jurisdictions.Hebei, StringComparison.Ordinal) || !await reference.RegionExistsAsync(region, cancellationToken)))
        {
            validation.Add("regionCode", "unknown", "Choose a city or county of Hebei, or leave it empty for the province total.");
        }

        var sha = string.IsNullOrWhiteSpace(request.EvidenceSha256) ? null : request.EvidenceSha256.Trim();
        if (sha is not null && (!FileStore.IsSha256(sha) || !await db.Set<FileUpload>().AnyAsync(f => f.Sha256 == sha && f.UserId == access.UserId, cancellationToken)))
        {
            validation.Add("evidenceSha256", "unknown", "Upload the evidence with POST /api/v1/files first and give its sha256.");
        }

        validation.ThrowIfInvalid();
        var kpi = await db.Set<Kpi>().FirstOrDefaultAsync(k => k.Code == code, cancellationToken) ?? throw new NotFoundException("The KPI");
        if (kpi.SourceKind == KpiSourceKind.Computed)
        {
            throw new ConflictException("kpi_computed", "This KPI is computed from platform data; its values are not reported.");
        }

        // Agencies report for their organization; a province admin may enter a value directly (e.g. from a bulletin).
        Guid? organizationId = null;
        if (!await access.HasPermissionAsync(MonitoringPermissions.ManageKpis, Jurisdictions.Hebei, cancellationToken))
        {
            var acting = await organizations.FindAsync(access.ActingOrganizationId, cancellationToken);
            if (acting is not { Type: OrganizationType.GovernmentAgency, IsVerified: true })
            {
                throw new ForbiddenException("Only responsible agencies and province admins report KPI values.");
            }

            organizationId = acting.Id;
        }

        var row = new KpiValue
        {
            KpiId = kpi.Id,
            Year = request.Year!.Value,
            Value = request.Value!.Value,
            RegionCode = string.IsNullOrWhiteSpace(request.RegionCode) ? null : request.RegionCode,
            Source = request.Source!.Trim(),
            EvidenceSha256 = sha,
            ReportedBy = access.UserId,
            ReportedForOrganizationId = organizationId,
            ReportedAt = clock.GetUtcNow(),
        };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new ValueReported(row.Id, kpi.Code, row.Year, row.Value, false);
    }

    public async Task<ValueReported> ConfirmAsync(Guid valueId, CancellationToken cancellationToken)
    {
        await access.RequirePermissionAsync(MonitoringPermissions.ManageKpis, Jurisdictions.Hebei, cancellationToken);
        var row = await db.Set<KpiValue>().FirstOrDefaultAsync(v => v.Id == valueId, cancellationToken) ?? throw new NotFoundException("The reported value");
        if (row.ReportedBy == access.UserId)
        {
            throw new ConflictException("own_report", "A value is confirmed by another admin than the one who entered it.");
        }

        if (row.ConfirmedAt is not null)
        {
            throw new ConflictException("already_confirmed", "The value is already confirmed.");
        }

        row.ConfirmedBy = access.UserId;
        row.ConfirmedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var code = await db.Set<Kpi>().Where(k => k.Id == row.KpiId).Select(k => k.Code).FirstAsync(cancellationToken);
        return new ValueReported(row.Id, code, row.Year, row.Value, true);
    }

    // A new KPI names its first target's fields targetYear/targetValue; a target of an existing KPI, year/value.
    private static void CheckTarget(Validation validation, int? year, double? value, bool forNewKpi)
    {
        if (year is not { } y || y < 2000 || y > 2100)
        {
            if (forNewKpi)
            {
                validation.Add("targetYear", "range", "The target year is between 2000 and 2100.");
            }
            else
            {
                validation.Add("year", "range", "The target year is between 2000 and 2100.");
            }
        }

        var problem = value is not { } v || double.IsNaN(v) || double.IsInfinity(v) ? "required" : v < 0 ? "nonNegative" : null;
        if (problem == "required")
        {
            if (forNewKpi)
            {
                validation.Add("targetValue", "required", "Enter the target value.");
            }
            else
            {
                validation.Add("value", "required", "Enter the target value.");
            }
        }
        else if (problem == "nonNegative")
        {
            if (forNewKpi)
            {
                validation.Add("targetValue", "nonNegative", "A target is never negative.");
            }
            else
            {
                validation.Add("value", "nonNegative", "A target is never negative.");
            }
        }
    }
}
