using Microsoft.AspNetCore.Authorization;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.Access;

// Answers the platform's "member of an organization" requirement, so that menus offer "my listings" and "my orders"
// only to those who can have them (an admin or auditor without an organization is not shown them).
internal sealed class OrganizationMemberHandler(PlatformDbContext db, ActorContext actor) : AuthorizationHandler<OrganizationMemberRequirement>
{
    private bool? member;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganizationMemberRequirement requirement)
    {
        if (requirement.OrBroker && context.User.IsInRole(Roles.Broker))
        {
            context.Succeed(requirement);
            return;
        }

        if (actor.UserId is not { } userId)
        {
            return;
        }

        // One question per request however many menu entries ask it.
        member ??= await db.Set<Membership>().AnyAsync(m => m.UserId == userId);
        if (member == true)
        {
            context.Succeed(requirement);
        }
    }
}
