namespace TechBridge.Platform.Security;

// Shortcuts that exist for demonstrations and automated tests only — demo admin accounts spared TOTP, the test clock —
// are allowed in Development and in the automated tests' own environment ("Testing"), nowhere else: a Staging or any
// other named environment behaves like Production here, so a misnamed deployment does not open them.
internal static class DemoShortcuts
{
    public const string TestingEnvironment = "Testing";

    public static bool Allowed(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment);
}
