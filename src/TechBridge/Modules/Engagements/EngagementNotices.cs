using TechBridge.Platform.Notifications;

namespace TechBridge.Modules.Engagements;

// What the Engagements module tells people, as templates rendered in each reader's language. A hidden enterprise's
// name is never a parameter: the texts name the listing or the order, and only a named organization.
internal static class EngagementNotices
{
    public static readonly NotificationTemplate Interest = new("engagement.interest",
        "New interest in 「{listing}」", "{organization} is interested in your listing.");

    public static readonly NotificationTemplate Message = new("engagement.message",
        "New message about 「{listing}」", "{text}");

    public static readonly NotificationTemplate Status = new("engagement.status",
        "「{listing}」: {status}", "The engagement is now: {status}.", "status");

    public static readonly NotificationTemplate Declined = new("engagement.declined",
        "「{listing}」: declined", "The engagement was declined. Reason: {reason}. {note}", "reason");

    public static readonly NotificationTemplate AgreementProposed = new("engagement.agreement-proposed",
        "「{listing}」: agreement proposed", "The other side proposes to agree on this engagement. Confirm it or decline it.");

    public static readonly NotificationTemplate Withdrawn = new("engagement.withdrawn",
        "「{listing}」: interest withdrawn", "The interested organization withdrew its interest.");

    public static readonly NotificationTemplate Broker = new("engagement.broker",
        "A broker mediates 「{listing}」", "A technology broker now mediates this engagement.");

    public static readonly NotificationTemplate Revealed = new("engagement.revealed",
        "「{listing}」: the enterprise named itself", "The enterprise behind the demand is now shown to you.");

    public static readonly NotificationTemplate OrderPlaced = new("order.placed",
        "New service order 「{order}」", "Amount {amount}. Confirm the order or refuse it before work starts.");

    public static readonly NotificationTemplate OrderConfirmed = new("order.confirmed",
        "「{order}」: confirmed by the provider", "The provider confirmed the order; work has started.");

    public static readonly NotificationTemplate OrderRefused = new("order.refused",
        "「{order}」: refused by the provider", "The provider refused the order. Reason: {reason}");

    public static readonly NotificationTemplate OrderDelivered = new("order.delivered",
        "「{order}」 was delivered", "Accept the delivery or dispute it.");

    public static readonly NotificationTemplate OrderAccepted = new("order.accepted",
        "「{order}」 was accepted", "The client accepted the delivery.");

    public static readonly NotificationTemplate OrderDisputed = new("order.disputed",
        "「{order}」 is disputed", "{reason}");

    public static readonly NotificationTemplate OrderRated = new("order.rated",
        "「{order}」 was rated", "{stars} of 5 stars.");

    public static readonly NotificationTemplate ComplaintFiled = new("complaint.filed",
        "New complaint about 「{order}」", "A client complained about a service order in your region.");

    public static readonly NotificationTemplate ComplaintResolved = new("complaint.resolved",
        "Complaint about 「{order}」 resolved", "Decision: {outcomeCode}. {outcome}", "outcomeCode");

    public static NotificationTemplate[] All =>
    [
        Interest, Message, Status, Declined, AgreementProposed, Withdrawn, Broker, Revealed, OrderPlaced, OrderConfirmed,
        OrderRefused, OrderDelivered, OrderAccepted, OrderDisputed, OrderRated, ComplaintFiled, ComplaintResolved,
    ];
}
