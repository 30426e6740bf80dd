namespace TechBridge.Platform.Security;

// Who is acting in this scope: filled from the HTTP request (user, X-Organization, client address, operation)
// or set by a background job or an operator verb. The audit trail reads it.
internal sealed class ActorContext
{
    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public Guid? OrganizationId { get; set; }

    public string? ClientAddress { get; set; }

    // The business operation in progress (the endpoint's operationId, a job or verb name).
    public string Action { get; set; } = "system";

    public bool IsAuthenticated => UserId is not null;
}
