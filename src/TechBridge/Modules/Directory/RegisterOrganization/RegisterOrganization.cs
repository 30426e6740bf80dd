using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Directory.RegisterOrganization;

internal sealed record ContactDetails(string? Name, string? Phone, string? Email);

internal sealed record RegisterOrganizationRequest(
    string? Kind,
    string? LegalName,
    string? CreditCode,
    string? Country,
    string? ForeignRegistrationNumber,
    DateOnly? EstablishedOn,
    string? LegalRepresentative,
    string? ActualController,
    string? RegionCode,
    string? Address,
    string? IndustryCode,
    IReadOnlyList<string>? Sectors,
    ContactDetails? Contact,
    string? EvidenceSha256);

// The multipart form's fields: flat names (contactName), sectors as several values or comma-separated, the date as text
// (a date in another format is refused as "establishedOn", not as an unreadable form).
internal sealed class RegisterOrganizationForm
{
    public string? Kind { get; set; }

    public string? LegalName { get; set; }

    public string? CreditCode { get; set; }

    public string? Country { get; set; }

    public string? ForeignRegistrationNumber { get; set; }

    public string? EstablishedOn { get; set; }

    public string? LegalRepresentative { get; set; }

    public string? ActualController { get; set; }

    public string? RegionCode { get; set; }

    public string? Address { get; set; }

    public string? IndustryCode { get; set; }

    public List<string>? Sectors { get; set; }

    public string? ContactName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public string? EvidenceSha256 { get; set; }

    public RegisterOrganizationRequest ToRequest(string? evidence)
    {
        static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;
        DateOnly? established = null;
        if (Text(EstablishedOn) is { } text)
        {
            established = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw InvalidRequestException.For("establishedOn", "format", "Use the form yyyy-MM-dd.");
        }

        var sectors = (Sectors ?? []).SelectMany(s => (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        return new RegisterOrganizationRequest(
            Text(Kind), Text(LegalName), Text(CreditCode), Text(Country), Text(ForeignRegistrationNumber), established,
            Text(LegalRepresentative), Text(ActualController), Text(RegionCode), Text(Address), Text(IndustryCode), sectors,
            new ContactDetails(Text(ContactName), Text(ContactPhone), Text(ContactEmail)), Text(evidence));
    }
}

internal sealed record RegisterOrganizationResponse(Guid Id, string Verification, IReadOnlyList<string> Warnings);

// POST /api/v1/organizations: anyone signed in registers an organization (JSON citing an uploaded file, or
// multipart with the licence attached) and becomes its owner. It starts Pending: until an admin verifies it, it
// cannot act (see RequireVerified).
internal static partial class RegisterOrganizationEndpoint
{
    public static RouteGroupBuilder MapRegisterOrganization(this RouteGroupBuilder organizations)
    {
        // Two bodies, both bound by the framework and told apart by routing on the content type: JSON citing an
        // uploaded file, or a multipart form with the licence attached. Neither reads the body by hand, so a malformed
        // one is a 400 naming the field (BindingProblems), never a 500.
        organizations.MapPost("/", HandleJsonAsync)
            .WithName("RegisterOrganization")
            .WithSummary("Registers an organization with its business licence; the caller becomes its owner; verification pending. "
                + "Also accepts multipart/form-data with the same fields (contactName, contactPhone, contactEmail flat) and the licence file as 'evidence'.")
            // Only JSON here: the content type routes multipart to the form endpoint below.
            .Accepts<RegisterOrganizationRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict);
        organizations.MapPost("/", HandleFormAsync)
            .WithName("RegisterOrganizationWithForm")
            .Accepts<RegisterOrganizationForm>("multipart/form-data", "application/x-www-form-urlencoded")
            .DisableAntiforgery() // API clients use bearer tokens; the page posts with its own antiforgery token
            .ExcludeFromDescription(); // documented with the JSON operation, which names both content types
        return organizations;
    }

    private static async Task<Created<RegisterOrganizationResponse>> HandleJsonAsync([FromBody] RegisterOrganizationRequest request, RegisterOrganizationHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(request, cancellationToken);
        return TypedResults.Created($"/api/v1/organizations/{result.Id}", result);
    }

    private static async Task<Created<RegisterOrganizationResponse>> HandleFormAsync([FromForm] RegisterOrganizationForm form, IFormFile? evidence, RegisterOrganizationHandler handler, FileStore files, CancellationToken cancellationToken)
    {
        var sha256 = form.EvidenceSha256;
        if (evidence is not null)
        {
            sha256 = (await files.SaveAsync(evidence, "evidence", cancellationToken)).Sha256;
        }

        var result = await handler.HandleAsync(form.ToRequest(sha256), cancellationToken);
        return TypedResults.Created($"/api/v1/organizations/{result.Id}", result);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    internal static partial Regex SectorCodePattern();

    [GeneratedRegex("^[A-T]([0-9]{2,4})?$")]
    internal static partial Regex IndustryCodePattern();

    [GeneratedRegex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")]
    internal static partial Regex EmailPattern();

    [GeneratedRegex("^[0-9+\\- ()]{5,32}$")]
    internal static partial Regex PhonePattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    internal static partial Regex CountryPattern();
}

internal sealed class RegisterOrganizationHandler(PlatformDbContext db, IAccess access, FileStore files, IReferenceData regions, TimeProvider clock, Notify.DirectoryRecipients recipients)
{
    public async Task<RegisterOrganizationResponse> HandleAsync(RegisterOrganizationRequest request, CancellationToken cancellationToken)
    {
        var userId = access.UserId;
        var validation = new Validation()
            .Required("legalName", request.LegalName).MaxLength("legalName", request.LegalName, 200)
            .Required("regionCode", request.RegionCode)
            .Required("evidenceSha256", request.EvidenceSha256)
            .MaxLength("legalRepresentative", request.LegalRepresentative, 100)
            .MaxLength("actualController", request.ActualController, 200)
            .MaxLength("address", request.Address, 300)
            .MaxLength("contact.name", request.Contact?.Name, 100);
        OrganizationKind kind = default;
        if (string.IsNullOrWhiteSpace(request.Kind) || !Enum.TryParse(request.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _))
        {
            validation.Add("kind", "oneOf", $"kind must be one of {string.Join(", ", Enum.GetNames<OrganizationKind>())}.");
        }

        var warnings = new List<string>();
        string? creditCode = null;
        var foreign = !string.IsNullOrWhiteSpace(request.Country) || !string.IsNullOrWhiteSpace(request.ForeignRegistrationNumber);
        if (!string.IsNullOrWhiteSpace(request.CreditCode))
        {
            if (foreign)
            {
                validation.Add("creditCode", "exclusive", "Give either a credit code or a country and foreign registration number, not both.");
            }

            var provinces = await regions.ProvinceCodesAsync(cancellationToken);
            var known = await regions.CountyCodesAsync(cancellationToken);
            var check = CreditCode.Check(request.CreditCode, provinces.Contains, known.Contains);
            foreach (var error in check.Errors)
            {
                validation.Add("creditCode", "gb32100", error);
            }

            warnings.AddRange(check.Warnings);
            creditCode = check.Normalized;
        }
        else if (foreign)
        {
            if (request.Country is null || !RegisterOrganizationEndpoint.CountryPattern().IsMatch(request.Country) || request.Country == "CN")
            {
                validation.Add("country", "iso3166", "country is a foreign ISO 3166-1 alpha-2 code such as DE.");
            }

            validation.Required("foreignRegistrationNumber", request.ForeignRegistrationNumber).MaxLength("foreignRegistrationNumber", request.ForeignRegistrationNumber, 64);
        }
        else
        {
            validation.Add("creditCode", "required", "A credit code (or, for a foreign organization, country and registration number) is required.");
        }

        if (request.RegionCode is { Length: > 0 } region && !await regions.IsCountyLevelAsync(region, cancellationToken))
        {
            validation.Add("regionCode", "countyRegion", "regionCode must be an existing county-level region (6 digits).");
        }

        if (request.EstablishedOn is { } established && established > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            validation.Add("establishedOn", "notFuture", "establishedOn cannot be in the future.");
        }

        if (request.IndustryCode is { } industry && !RegisterOrganizationEndpoint.IndustryCodePattern().IsMatch(industry))
        {
            validation.Add("industryCode", "gb4754", "industryCode is a GB/T 4754 code such as M73.");
        }

        var sectors = (request.Sectors ?? []).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (sectors.Any(s => !RegisterOrganizationEndpoint.SectorCodePattern().IsMatch(s)) || sectors.Count > 10)
        {
            validation.Add("sectors", "sectorCode", "sectors are at most ten sector codes (lower-case letters, digits, '-').");
        }

        if (request.Contact?.Email is { Length: > 0 } email && (email.Length > 256 || !RegisterOrganizationEndpoint.EmailPattern().IsMatch(email)))
        {
            validation.Add("contact.email", "email", "contact.email is not an e-mail address.");
        }

        if (request.Contact?.Phone is { Length: > 0 } phone && !RegisterOrganizationEndpoint.PhonePattern().IsMatch(phone))
        {
            validation.Add("contact.phone", "phone", "contact.phone is not a telephone number.");
        }

        if (request.EvidenceSha256 is { Length: > 0 } sha
            && (!FileStore.IsSha256(sha) || await files.UploadedByAsync(sha, userId, cancellationToken) is null))
        {
            validation.Add("evidenceSha256", "uploadedFile", "evidenceSha256 must name a file you uploaded (POST /api/v1/files).");
        }

        validation.ThrowIfInvalid();

        // Checked before the insert so the answer can point at the existing organization; the unique index
        // still decides a race between two registrations.
        var existing = creditCode is null
            ? await db.Set<Organization>().Where(o => o.Country == request.Country && o.ForeignRegistrationNumber == request.ForeignRegistrationNumber).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken)
            : await db.Set<Organization>().Where(o => o.CreditCode == creditCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } existingId)
        {
            throw new ConflictException(
                "duplicate_credit_code",
                "An organization with this credit code is already registered. Ask its owner to add you as a member.",
                new Dictionary<string, object?>
                {
                    ["organizationId"] = existingId,
                    ["membershipRequest"] = $"/api/v1/organizations/{existingId}/membership-requests",
                });
        }

        var now = clock.GetUtcNow();
        var organization = new Organization
        {
            Kind = kind,
            LegalName = request.LegalName!.Trim(),
            CreditCode = creditCode,
            Country = creditCode is null ? request.Country : null,
            ForeignRegistrationNumber = creditCode is null ? request.ForeignRegistrationNumber?.Trim() : null,
            EstablishedOn = request.EstablishedOn,
            LegalRepresentative = request.LegalRepresentative?.Trim(),
            ActualController = request.ActualController?.Trim(),
            RegionCode = request.RegionCode!,
            Address = request.Address?.Trim(),
            IndustryCode = request.IndustryCode,
            ContactName = request.Contact?.Name?.Trim(),
            ContactPhone = request.Contact?.Phone?.Trim(),
            ContactEmail = request.Contact?.Email?.Trim(),
            EvidenceSha256 = request.EvidenceSha256,
            Verification = VerificationStatus.Pending,
            CreatedAt = now,
        };
        organization.Sectors.AddRange(sectors.Select(s => new OrganizationSector { OrganizationId = organization.Id, SectorCode = s }));
        db.Add(organization);
        db.Add(new Membership { UserId = userId, OrganizationId = organization.Id, Role = MembershipRole.Owner, CreatedAt = now });
        // The verifiers of the region hear of the request at once (their queue is where they act on it).
        recipients.Send((await recipients.AdminsAsync(DirectoryPermissions.VerifyOrganizations, organization.RegionCode, _ => true, cancellationToken)).Where(u => u != userId),
            Notify.DirectoryNotices.VerificationRequested, new() { ["organization"] = organization.LegalName }, "/Admin/Verification");
        await db.SaveChangesAsync(cancellationToken);
        return new RegisterOrganizationResponse(organization.Id, organization.Verification.ToString(), warnings);
    }
}
