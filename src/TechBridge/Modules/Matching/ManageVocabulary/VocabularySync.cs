using TechBridge.Modules.Matching.Data;
using TechBridge.Platform.Search;

namespace TechBridge.Modules.Matching.ManageVocabulary;

// Applies Matching_Vocabulary to this process's SearchVocabulary: at start, right after a change made here, and on
// every indexing round (so other nodes follow within a poll interval). Tracks what it applied to undo removals.
internal sealed class VocabularySync(IServiceScopeFactory scopes, SearchVocabulary vocabulary) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();
    private readonly Dictionary<Guid, (VocabularyKind Kind, string Value)> applied = [];

    public async Task SyncAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var rows = await db.Set<VocabularyEntry>().AsNoTracking()
                .Select(v => new { v.Id, v.Kind, v.Value }).ToListAsync(cancellationToken);
            var current = rows.ToDictionary(r => r.Id, r => (r.Kind, r.Value));
            foreach (var (id, entry) in applied.Where(a => !current.ContainsKey(a.Key)).ToList())
            {
                if (entry.Kind == VocabularyKind.Term)
                {
                    vocabulary.RemoveTerm(entry.Value);
                }
                else
                {
                    vocabulary.RemoveSynonyms(Words(entry.Value));
                }

                applied.Remove(id);
            }

            foreach (var (id, entry) in current.Where(c => !applied.ContainsKey(c.Key)))
            {
                if (entry.Kind == VocabularyKind.Term)
                {
                    vocabulary.AddTerm(entry.Value);
                }
                else
                {
                    vocabulary.AddSynonyms(Words(entry.Value));
                }

                applied[id] = entry;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public static string[] Words(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
