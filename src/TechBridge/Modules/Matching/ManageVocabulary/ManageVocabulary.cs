using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Matching.Contracts;
using TechBridge.Modules.Matching.Data;
using TechBridge.Platform.Search;

namespace TechBridge.Modules.Matching.ManageVocabulary;

internal sealed record VocabularyEntryResponse(Guid Id, string Kind, IReadOnlyList<string> Words, DateTimeOffset CreatedAt);

internal sealed record AddVocabularyRequest(string? Kind, IReadOnlyList<string>? Words);

// Admins (permission ManageSearchVocabulary, any jurisdiction: the vocabulary is platform-wide) keep domain terms and
// synonym groups; a change takes effect in this process at once and in others on their next indexing round.
internal sealed class ManageVocabularyHandler(PlatformDbContext db, IAccess access, TimeProvider clock, VocabularySync sync)
{
    public async Task<IReadOnlyList<VocabularyEntryResponse>> ListAsync(CancellationToken cancellationToken)
    {
        await RequireAsync();
        var rows = await db.Set<VocabularyEntry>().AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Kind).ThenBy(r => r.Value, StringComparer.Ordinal).Select(ToResponse).ToList();
    }

    public async Task<VocabularyEntryResponse> AddAsync(AddVocabularyRequest request, CancellationToken cancellationToken)
    {
        await RequireAsync();
        var kind = request.Kind?.Trim().ToLowerInvariant() switch
        {
            "term" => VocabularyKind.Term,
            "synonyms" => VocabularyKind.Synonyms,
            _ => throw InvalidRequestException.For("kind", "oneOf", "kind is term or synonyms."),
        };
        var words = (request.Words ?? []).Select(w => TextNormalizer.Normalize(w ?? "").Trim()).Where(w => w.Length > 0)
            .Distinct(StringComparer.Ordinal).ToList();
        var rules = new Validation();
        if (kind == VocabularyKind.Term && words.Count != 1)
        {
            rules.Add("words", "count", "A term is exactly one word.");
        }

        if (kind == VocabularyKind.Synonyms && words.Count is < 2 or > 20)
        {
            rules.Add("words", "count", "A synonym group has 2 to 20 different words.");
        }

        if (words.Any(w => w.Length > 50 || w.Any(char.IsWhiteSpace)))
        {
            rules.Add("words", "term", "Each word is 1–50 characters without spaces.");
        }

        rules.ThrowIfInvalid();
        var entry = new VocabularyEntry { Kind = kind, Value = string.Join(' ', words), CreatedAt = clock.GetUtcNow() };
        db.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await sync.SyncAsync(cancellationToken);
        return ToResponse(entry);
    }

    public async Task RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        await RequireAsync();
        var entry = await db.Set<VocabularyEntry>().FirstOrDefaultAsync(v => v.Id == id, cancellationToken)
            ?? throw new NotFoundException("vocabulary entry");
        db.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        await sync.SyncAsync(cancellationToken);
    }

    // Held in any jurisdiction: the vocabulary is one for the whole platform.
    private async Task RequireAsync()
    {
        if ((await access.JurisdictionsWithAsync(MatchingPermissions.ManageSearchVocabulary)).Count == 0)
        {
            throw new ForbiddenException($"You need the permission '{MatchingPermissions.ManageSearchVocabulary}'.");
        }
    }

    private static VocabularyEntryResponse ToResponse(VocabularyEntry v) =>
        new(v.Id, v.Kind == VocabularyKind.Term ? "term" : "synonyms", VocabularySync.Words(v.Value), v.CreatedAt);
}

internal static class ManageVocabularyEndpoints
{
    public static RouteGroupBuilder MapManageVocabulary(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (ManageVocabularyHandler admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)))
            .WithName("ListSearchVocabulary").WithSummary("Domain terms and synonym groups maintained by admins.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", async (AddVocabularyRequest request, ManageVocabularyHandler admin, CancellationToken ct) =>
            {
                var created = await admin.AddAsync(request, ct);
                return TypedResults.Created($"/api/v1/search/vocabulary/{created.Id}", created);
            })
            .WithName("AddSearchVocabulary").WithSummary("Adds a term or a synonym group; effective without a restart.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", async (Guid id, ManageVocabularyHandler admin, CancellationToken ct) =>
            {
                await admin.RemoveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveSearchVocabulary").WithSummary("Removes a term or synonym group.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
