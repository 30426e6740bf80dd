namespace TechBridge.Platform.Security;

// Platform roles (Identity roles). What an admin may do is further scoped by AdminGrant (permission × jurisdiction).
internal static class Roles
{
    public const string Admin = "Admin";
    public const string Auditor = "Auditor";
    public const string SystemAdmin = "SystemAdmin";
    public const string Broker = "Broker";
    public const string ExpertReviewer = "ExpertReviewer";

    public static readonly string[] All = [Admin, Auditor, SystemAdmin, Broker, ExpertReviewer];

    // Roles whose accounts must sign in with TOTP.
    public static readonly string[] RequireTotp = [Admin, Auditor, SystemAdmin];
}

// Admin permissions, one per module action. Later modules add theirs here; a grant names one and a jurisdiction.
internal static class Permissions
{
    public const string VerifyOrganizations = "directory.verify-organizations";
    public const string ReviewInstitutions = "directory.review-institutions";
    public const string ManageRecognitions = "directory.manage-recognitions";
    public const string ManageGroups = "directory.manage-groups";
    public const string ReviewListings = "listings.review";
    public const string ResolveComplaints = "engagements.resolve-complaints";

    public const string ManageSearchVocabulary = "matching.manage-search-vocabulary";

    public static readonly string[] All = [VerifyOrganizations, ReviewInstitutions, ManageRecognitions, ManageGroups, ReviewListings, ResolveComplaints, ManageSearchVocabulary];
}
