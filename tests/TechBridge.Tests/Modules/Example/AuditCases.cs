using TechBridge.Tests.Platform;

namespace TechBridge.Tests.Modules.Example;

// The example module changes nothing, so it has no cases.
internal sealed class ExampleAuditCases : AuditCaseSet
{
    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal);
}
