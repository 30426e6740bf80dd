namespace TechBridge.Modules.TechMarket.Contracts;

// The TechMarket's admin permissions (registered with the platform in AddTechMarket), each held for a jurisdiction.
internal static class TechMarketPermissions
{
    // 技术合同认定登记机构: reviews and decides the registration applications of sellers in its jurisdiction.
    public const string RegisterContracts = "techmarket.register-contracts";

    // 技术合同登记专家: reviews applications assigned to expert review (≥ 500万 or disputed) in its jurisdiction.
    public const string ExpertReview = "techmarket.expert-review";

    // Enters a new year of the official holiday calendar (a province-level grant: the calendar is national).
    public const string ManageCalendar = "techmarket.manage-calendar";

    public static readonly string[] All = [RegisterContracts, ExpertReview, ManageCalendar];
}
