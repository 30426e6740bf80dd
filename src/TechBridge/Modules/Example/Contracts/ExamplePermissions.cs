namespace TechBridge.Modules.Example.Contracts;

internal static class ExamplePermissions
{
    public const string Manage = "example.manage";

    public static readonly string[] All = [Manage];
}
