namespace TechBridge.Modules.Directory.Contracts;

// Authorization every module uses: organization membership for acting, admin grants (permission × jurisdiction)
// for approving. Failures throw the product's ProblemExceptions, so endpoints need no status-code plumbing.
internal interface IAccess
{
    // The signed-in user; 401 when anonymous.
    Guid UserId { get; }

    bool IsInRole(string role);

    // The auditor on a read: sees every organization's items, as the admins of every jurisdiction together do, so
    // lists of "mine" (orders, engagements) show the whole platform. False on any write.
    bool ReadsEverything { get; }

    // The organization this request acts for (X-Organization header or the UI's switcher); 400 when none is chosen.
    // Membership was already checked when the request came in (403 for an organization the user does not belong to).
    Guid ActingOrganizationId { get; }

    // 404 unless the user is a member (or, with ownerOnly, an owner) of the organization. The auditor passes on reads.
    Task RequireMemberAsync(Guid organizationId, bool ownerOnly = false, CancellationToken cancellationToken = default);

    // The acting organization, required to be verified: a Pending or Rejected organization may sign in and edit its
    // own registration, but may not act on the platform (apply for institution admission, and later: publish
    // listings, apply for vouchers, book instruments). 409 `organization_not_verified` otherwise.
    Task<Guid> RequireVerifiedActingOrganizationAsync(CancellationToken cancellationToken = default);

    Task<bool> HasPermissionAsync(string permission, string regionCode, CancellationToken cancellationToken = default);

    // 403 unless the user holds the permission for a jurisdiction covering the region. The system admin and the
    // auditor never pass: separation of duties.
    Task RequirePermissionAsync(string permission, string regionCode, CancellationToken cancellationToken = default);

    // The jurisdictions where the user holds the permission (for filtering review queues).
    Task<IReadOnlyList<string>> JurisdictionsWithAsync(string permission, CancellationToken cancellationToken = default);

    // A broker's region: the jurisdictions the system admin assigned to this broker (DirectoryPermissions.BrokerRegion);
    // empty for a broker without one and for anyone who is not a broker.
    Task<IReadOnlyList<string>> BrokerRegionsAsync(CancellationToken cancellationToken = default);
}
