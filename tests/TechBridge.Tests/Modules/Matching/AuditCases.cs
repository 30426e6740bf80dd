using TechBridge.Tests.Platform;
using static TechBridge.Tests.Modules.Directory.DirectoryTestKit;
using static TechBridge.Tests.Platform.AuditCases;

namespace TechBridge.Tests.Modules.Matching;

// The Matching's operations: the admins' search vocabulary.
internal sealed class MatchingAuditCases : AuditCaseSet
{
    public override IReadOnlyDictionary<string, Func<AuditCaseContext, Task>> Cases { get; } = new Dictionary<string, Func<AuditCaseContext, Task>>(StringComparer.Ordinal)
    {
        ["AddSearchVocabulary"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            await c.MarkAsync();
            await PostAsync(admin, "/api/v1/search/vocabulary", new { kind = "term", words = new[] { $"tb{Guid.NewGuid():N}"[..12] } }, HttpStatusCode.Created);
        },
        ["RemoveSearchVocabulary"] = async c =>
        {
            using var admin = await c.As("admin.hebei");
            var term = await PostAsync(admin, "/api/v1/search/vocabulary", new { kind = "term", words = new[] { $"tb{Guid.NewGuid():N}"[..12] } }, HttpStatusCode.Created);
            await c.MarkAsync();
            await DeleteAsync(admin, $"/api/v1/search/vocabulary/{term.GetProperty("id").GetGuid()}", HttpStatusCode.NoContent);
        },
    };
}
