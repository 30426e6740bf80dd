namespace TechBridge.Modules.Listings.Data;

// The API's names for the module's enums: lower-case, hyphenated, stable.
internal static class ListingNames
{
    public static string Of(ListingStatus status) => status switch
    {
        ListingStatus.Draft => "draft",
        ListingStatus.Submitted => "submitted",
        ListingStatus.Published => "published",
        ListingStatus.Rejected => "rejected",
        ListingStatus.Closed => "closed",
        ListingStatus.Expired => "expired",
        ListingStatus.TakenDown => "taken-down",
        _ => "unknown",
    };

    public static ListingStatus? ParseStatus(string? value) =>
        Enum.GetValues<ListingStatus>().Cast<ListingStatus?>().FirstOrDefault(s => Of(s!.Value) == value);

    // The kinds' names live in their table (ManageListing/ListingKinds).
    public static string Of(ListingKind kind) => ManageListing.ListingKinds.Of(kind).Name;

    public static ListingKind? ParseKind(string? value) => ManageListing.ListingKinds.Find(value)?.Kind;

    public static string Of(PriceModel model) => model switch
    {
        PriceModel.Fixed => "fixed",
        PriceModel.From => "from",
        _ => "negotiable",
    };

    public static PriceModel? ParsePriceModel(string? value) =>
        Enum.GetValues<PriceModel>().Cast<PriceModel?>().FirstOrDefault(m => Of(m!.Value) == value);

    public static string Of(DemandVisibility visibility) => visibility == DemandVisibility.Anonymous ? "anonymous" : "public";

    public static string Of(ProposalStatus status) => status switch
    {
        ProposalStatus.Submitted => "submitted",
        ProposalStatus.Shortlisted => "shortlisted",
        ProposalStatus.Selected => "selected",
        _ => "not-selected",
    };

    public static string Of(ListingChange change) => change switch
    {
        ListingChange.Published => "published",
        ListingChange.Unpublished => "unpublished",
        _ => "updated",
    };

    public static readonly (TransferModes Mode, string Name, string NameZh)[] TransferModeNames =
    [
        (TransferModes.Assignment, "assignment", "转让"),
        (TransferModes.Licence, "licence", "许可"),
        (TransferModes.EquityContribution, "equity", "作价入股"),
        (TransferModes.JointDevelopment, "joint-development", "合作开发"),
    ];

    public static IReadOnlyList<string> Of(TransferModes modes) =>
        TransferModeNames.Where(t => modes.HasFlag(t.Mode)).Select(t => t.Name).ToList();

    // Accepts the English names or the Chinese terms; null when any is unknown.
    public static TransferModes? ParseTransferModes(IEnumerable<string>? values)
    {
        var result = TransferModes.None;
        foreach (var raw in values ?? [])
        {
            // A blank entry (an unticked form field, a null in a JSON list) names no mode.
            var value = raw?.Trim() ?? "";
            if (value.Length == 0)
            {
                continue;
            }

            var match = TransferModeNames.FirstOrDefault(t => t.Name == value || t.NameZh == value);
            if (match.Name is null)
            {
                return null;
            }

            result |= match.Mode;
        }

        return result;
    }
}
