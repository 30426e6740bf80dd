namespace TechBridge.Modules.Vouchers.Contracts;

// The vouchers' admin permissions, held per jurisdiction (registered in AddVouchers).
internal static class VouchersPermissions
{
    // Edit programs and recognition agreements of the jurisdiction.
    public const string ManagePrograms = "vouchers.manage-programs";

    // Review applications and redemptions; approve postings (a second, different admin: four eyes); reverse.
    public const string Review = "vouchers.review";

    public static readonly string[] All = [ManagePrograms, Review];
}
