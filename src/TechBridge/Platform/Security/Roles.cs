namespace TechBridge.Platform.Security;

// Platform roles (Identity roles). What an admin may do is further scoped by AdminGrant (permission × jurisdiction).
internal static class Roles
{
    public const string Admin = "Admin";
    public const string Auditor = "Auditor";
    public const string SystemAdmin = "SystemAdmin";
    public const string Broker = "Broker";
    public const string ExpertReviewer = "ExpertReviewer";

    // For [Authorize(Roles = ...)] on the admins' queue pages: the auditor reads every queue too (and writes nothing:
    // AuditorReadOnly).
    public const string AdminOrAuditor = Admin + "," + Auditor;

    public static readonly string[] All = [Admin, Auditor, SystemAdmin, Broker, ExpertReviewer];

    // Roles whose accounts must sign in with TOTP.
    public static readonly string[] RequireTotp = [Admin, Auditor, SystemAdmin];
}
