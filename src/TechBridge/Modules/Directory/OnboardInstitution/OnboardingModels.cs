namespace TechBridge.Modules.Directory.OnboardInstitution;

internal sealed record SubmitApplicationRequest(string? ServiceDescription);

internal sealed record ReasonRequest(string? Reason);

internal sealed record BulkApproveRequest(IReadOnlyList<Guid>? Ids);

internal sealed record BulkItemResult(Guid Id, bool Succeeded, int Status, string? Code, string? Detail);

internal sealed record PublicNoticeEntry(Guid ApplicationId, string LegalName, string? CreditCode, string RegionName, DateTimeOffset EndsAt);

internal sealed record ObjectionView(Guid Id, string Reason, string Status, string? Resolution, DateTimeOffset CreatedAt);

internal sealed record ApplicationView(
    Guid Id, Guid OrganizationId, string LegalName, string RegionCode, string State, bool FirstReviewDone,
    DateTimeOffset SubmittedAt, DateTimeOffset? NoticeStartedAt, DateTimeOffset? NoticeEndsAt, string? Reason,
    IReadOnlyList<ObjectionView> Objections)
{
    // What the institution says it offers, shown in the queue beside its name.
    public string? ServiceDescription { get; init; }

    // The review steps the caller's grants allow in the current state (start-review, first-review, start-notice,
    // approve, reject, suspend, reinstate, resolve-objection); empty for the auditor and other readers.
    public IReadOnlyList<string> Steps { get; init; } = [];
}

// Onboarding:NoticeDays (7) and Onboarding:Levels ("city,province": a city admin's first review where the region
// has a city-level jurisdiction, then the province's final review, notice and approval).
internal sealed class OnboardingOptions(IConfiguration configuration)
{
    public int NoticeDays { get; } = configuration.GetValue("Onboarding:NoticeDays", 7);

    private readonly string[] levels = (configuration["Onboarding:Levels"] ?? "city,province")
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool CityFirstReview => levels.Contains("city", StringComparer.OrdinalIgnoreCase);

    public bool ProvinceFinalReview => levels.Contains("province", StringComparer.OrdinalIgnoreCase);
}
