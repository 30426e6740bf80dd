using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Recognitions;

internal sealed record RecognitionResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string RegionCode,
    string Kind,
    string KindZh,
    string KindEn,
    string Level,
    string Authority,
    string CertificateNumber,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    string Status)
{
    // When the organization added it: the review queue's submission date.
    public DateTimeOffset? AddedAt { get; init; }

    public string? RevocationReason { get; init; }
}

internal static class RecognitionMapping
{
    public static string Name(RecognitionLevel level) => level switch
    {
        RecognitionLevel.National => "national",
        RecognitionLevel.Provincial => "provincial",
        _ => "city",
    };

    public static RecognitionLevel? ParseLevel(string? level) => level?.ToLowerInvariant() switch
    {
        "national" => RecognitionLevel.National,
        "provincial" => RecognitionLevel.Provincial,
        "city" => RecognitionLevel.City,
        _ => null,
    };

    public static string Name(RecognitionStatus status) => status.ToString().ToLowerInvariant();

    public static RecognitionResponse ToResponse(Recognition r, Organization organization, IReferenceData reference)
    {
        var kind = reference.RecognitionKinds.FirstOrDefault(k => k.Code == r.KindCode);
        return new RecognitionResponse(r.Id, r.OrganizationId, organization.LegalName, organization.RegionCode, r.KindCode,
            kind?.NameZh ?? r.KindCode, kind?.NameEn ?? r.KindCode, Name(r.Level), r.Authority, r.CertificateNumber, r.IssuedOn, r.ValidUntil, Name(r.Status))
        {
            AddedAt = r.CreatedAt,
            RevocationReason = r.RevocationReason,
        };
    }
}
