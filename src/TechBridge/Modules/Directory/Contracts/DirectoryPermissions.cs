namespace TechBridge.Modules.Directory.Contracts;

// The Directory's admin permissions (registered with the platform in AddDirectory).
internal static class DirectoryPermissions
{
    public const string VerifyOrganizations = "directory.verify-organizations";
    public const string ReviewInstitutions = "directory.review-institutions";
    public const string ManageRecognitions = "directory.manage-recognitions";
    public const string ManageGroups = "directory.manage-groups";

    // Not an approval right: the region a broker mediates in (granted to a user with the Broker role by the system admin).
    public const string BrokerRegion = "directory.broker-region";

    public static readonly string[] All = [VerifyOrganizations, ReviewInstitutions, ManageRecognitions, ManageGroups, BrokerRegion];
}
