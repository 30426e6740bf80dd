namespace TechBridge.Platform.Auditing.VerifyAudit;

// Re-computes the hash chain: any record altered, removed or reordered after chaining breaks it from there on.
internal static class VerifyAuditEndpoints
{
    public static RouteGroupBuilder Map(RouteGroupBuilder group)
    {
        group.MapGet("/verify", async (AuditChain chain, CancellationToken cancellationToken) =>
                TypedResults.Ok(await chain.VerifyAsync(cancellationToken)))
            .WithName("VerifyAuditChain")
            .WithSummary("Verifies the audit hash chain: ok, the number of records checked, and the first broken record's id.");
        return group;
    }
}
