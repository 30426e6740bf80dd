namespace TechBridge.Tests.Infrastructure;

// A throwaway user with the given platform roles. AppHost.CreateClientAsAsync creates it for real (a demo-flagged
// account, so TOTP is waived as for the demo accounts) and signs it in with a bearer token.
public sealed record TestUser(Guid Id, string Name, params string[] Roles)
{
    public static TestUser Auditor() => New("auditor", "Auditor");

    public static TestUser Member() => New("member");

    public static TestUser New(string name, params string[] roles) => new(Guid.CreateVersion7(), $"{name}-{Guid.NewGuid():N}"[..20], roles);
}
