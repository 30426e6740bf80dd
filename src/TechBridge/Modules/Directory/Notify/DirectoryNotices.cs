using TechBridge.Platform.Notifications;

namespace TechBridge.Modules.Directory.Notify;

// Directory notifications as templates, rendered in each reader's language: admins hear of verification requests,
// the owners of the outcome.
internal static class DirectoryNotices
{
    public static readonly NotificationTemplate VerificationRequested = new("organization-verification-requested",
        "To verify: {organization}", "{organization} registered and waits for verification of its registration.");

    public static readonly NotificationTemplate Verified = new("organization-verified",
        "Registration verified", "The registration of {organization} was verified; it can now do business on the platform.");

    public static readonly NotificationTemplate Rejected = new("organization-rejected",
        "Registration not verified", "The registration of {organization} was not verified. Reason: {reason}");

    public static readonly NotificationTemplate RecognitionRequested = new("recognition-review-requested",
        "To confirm: a qualification of {organization}", "{organization} added a qualification or recognition that waits for confirmation.");

    public static NotificationTemplate[] All => [VerificationRequested, Verified, Rejected, RecognitionRequested];
}
