using TechBridge.Platform.Notifications;

namespace TechBridge.Modules.Directory.Notify;

// Directory notifications as templates, rendered in each reader's language whatever the sender's: admins hear of
// what waits for them (verification requests, admission applications, objections, recognitions to confirm), the
// applicants of every outcome they wait for. Names, reasons and certificate numbers are user data and travel as written;
// a recognition kind travels as its English name, a UI key, and is shown in the reader's language.
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

    public static readonly NotificationTemplate RecognitionConfirmed = new("recognition-confirmed",
        "Qualification confirmed: {kind}", "The {kind} of {organization} (certificate {certificate}) was confirmed and now shows on its profile.", "kind");

    public static readonly NotificationTemplate RecognitionRevoked = new("recognition-revoked",
        "Qualification revoked: {kind}", "The {kind} of {organization} (certificate {certificate}) was revoked. Reason: {reason}", "kind");

    public static readonly NotificationTemplate RecognitionExpiring = new("recognition-expiring",
        "Certificate expires soon: {kind}", "The {kind} of {organization} (certificate {certificate}) is valid until {date}; renew it in time.", "kind");

    public static readonly NotificationTemplate MembershipRequested = new("membership-requested",
        "New request to join {organization}", "{user} asks to join {organization}. Decide on the organization's page.");

    public static readonly NotificationTemplate MembershipApproved = new("membership-approved",
        "Request to join approved", "You are now a member of {organization}.");

    public static readonly NotificationTemplate MembershipDeclined = new("membership-declined",
        "Request to join declined", "The owners of {organization} did not accept your request to join.");

    public static readonly NotificationTemplate InstitutionSubmitted = new("institution-submitted",
        "To review: admission of {organization}", "{organization} applied for admission as a service institution and waits for review.");

    public static readonly NotificationTemplate InstitutionUnderReview = new("institution-under-review",
        "Admission application under review", "The admission application of {organization} is now under review.");

    public static readonly NotificationTemplate InstitutionFirstReviewPassed = new("institution-first-review-passed",
        "Admission application passed the first review", "The admission application of {organization} passed the city-level first review and waits for the final review.");

    public static readonly NotificationTemplate InstitutionFinalReviewDue = new("institution-final-review-due",
        "To review: final review of {organization}", "The admission application of {organization} passed the city-level first review and waits for your final review.");

    public static readonly NotificationTemplate InstitutionNoticeStarted = new("institution-notice-started",
        "Admission application under public notice", "{organization} passed the review and is under public notice until {ends} (Beijing time).");

    public static readonly NotificationTemplate InstitutionApproved = new("institution-approved",
        "Admission approved", "{organization} is admitted and now listed in the institution directory.");

    public static readonly NotificationTemplate InstitutionRejected = new("institution-rejected",
        "Admission application not approved", "The admission application of {organization} was not approved. Reason: {reason}");

    public static readonly NotificationTemplate InstitutionSuspended = new("institution-suspended",
        "Institution suspended", "The service institution status of {organization} was suspended. Reason: {reason}");

    public static readonly NotificationTemplate InstitutionReinstated = new("institution-reinstated",
        "Institution reinstated", "The service institution status of {organization} was restored. Note: {reason}");

    public static readonly NotificationTemplate ObjectionReceived = new("institution-objection-filed",
        "Objection during the public notice", "{organization} received an objection during its public notice: {reason}");

    public static readonly NotificationTemplate ObjectionSubmitted = new("institution-objection-submitted",
        "Objection submitted", "Your objection to {organization} was submitted; you will be told when an admin decides it.");

    public static readonly NotificationTemplate ObjectionToDecide = new("institution-objection-to-decide",
        "To decide: objection to {organization}", "{organization} received an objection during its public notice; decide it before the approval.");

    public static readonly NotificationTemplate ObjectionUpheld = new("institution-objection-upheld",
        "Objection decided: upheld", "The objection to {organization} was upheld; the admission application is not approved. Note: {reason}");

    public static readonly NotificationTemplate ObjectionDismissed = new("institution-objection-dismissed",
        "Objection decided: dismissed", "The objection to {organization} was dismissed; the public notice continues. Note: {reason}");

    public static NotificationTemplate[] All =>
    [
        VerificationRequested, Verified, Rejected, RecognitionRequested, RecognitionConfirmed, RecognitionRevoked, RecognitionExpiring,
        MembershipRequested, MembershipApproved, MembershipDeclined,
        InstitutionSubmitted, InstitutionUnderReview, InstitutionFirstReviewPassed, InstitutionFinalReviewDue, InstitutionNoticeStarted,
        InstitutionApproved, InstitutionRejected, InstitutionSuspended, InstitutionReinstated,
        ObjectionReceived, ObjectionSubmitted, ObjectionToDecide, ObjectionUpheld, ObjectionDismissed,
    ];
}
