using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TechBridge.Platform.Files;

// Who uploaded which content. The bytes live once on disk under their SHA-256; each uploader gets a row, which is
// what lets the uploader read the file back before anything else refers to it.
internal sealed class FileUpload
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Sha256 { get; set; }

    public Guid UserId { get; set; }

    public required string ContentType { get; set; }

    public long Size { get; set; }

    public string? FileName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class FileUploadConfiguration : IEntityTypeConfiguration<FileUpload>
{
    public void Configure(EntityTypeBuilder<FileUpload> builder)
    {
        builder.ToTable("Platform_FileUploads");
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.ContentType).HasMaxLength(64);
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.HasIndex(f => new { f.Sha256, f.UserId }).IsUnique();
    }
}

// A module that refers to files (evidence, contracts) says who else may read them.
internal interface IFileReadAuthorizer
{
    Task<bool> MayReadAsync(string sha256, CancellationToken cancellationToken);
}

internal sealed record StoredFile(string Sha256, string ContentType, long Size);

// Content-addressed store (DESIGN.md §3 Files): <data dir>/files/<aa>/<sha256>. Types are decided by magic bytes,
// never by the name or the client's Content-Type, and only PDF, PNG and JPEG are kept.
internal sealed class FileStore(IConfiguration configuration, PlatformDbContext db, ActorContext actor, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private string Root => Path.Combine(DataDirectory.Resolve(configuration), "files");

    public static string? DetectType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg" : null;
    }

    public static bool IsSha256(string? value) => value is { Length: 64 } && value.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    public async Task<StoredFile> SaveAsync(IFormFile file, string field, CancellationToken cancellationToken)
    {
        var userId = actor.UserId ?? throw new UnauthorizedException();
        if (file.Length == 0)
        {
            throw InvalidRequestException.For(field, "required", "The file is empty.");
        }

        if (file.Length > MaxBytes)
        {
            throw InvalidRequestException.For(field, "maxSize", $"A file may have at most {MaxBytes / (1024 * 1024)} MB.", new Dictionary<string, object> { ["max"] = MaxBytes / (1024 * 1024) });
        }

        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $"upload-{Guid.CreateVersion7():N}.tmp");
        string sha;
        string? type;
        try
        {
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            await using (var source = file.OpenReadStream())
            {
                var head = new byte[8];
                var read = await source.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
                type = DetectType(head.AsSpan(0, read));
                if (type is null)
                {
                    throw InvalidRequestException.For(field, "fileType", "Only PDF, PNG and JPEG files are accepted.");
                }

                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                hash.AppendData(head, 0, read);
                await target.WriteAsync(head.AsMemory(0, read), cancellationToken);
                var buffer = new byte[81920];
                int n;
                while ((n = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, n);
                    await target.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                }

                await target.FlushAsync(cancellationToken);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var path = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (File.Exists(path))
            {
                File.Delete(temp);
            }
            else
            {
                File.Move(temp, path);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }

        if (!await db.Set<FileUpload>().AnyAsync(f => f.Sha256 == sha && f.UserId == userId, cancellationToken))
        {
            db.Add(new FileUpload { Sha256 = sha, UserId = userId, ContentType = type, Size = file.Length, FileName = Truncate(Path.GetFileName(file.FileName), 255), CreatedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new StoredFile(sha, type, file.Length);
    }

    // The file as this user uploaded it; null when they did not.
    public Task<FileUpload?> UploadedByAsync(string sha256, Guid userId, CancellationToken cancellationToken) =>
        db.Set<FileUpload>().FirstOrDefaultAsync(f => f.Sha256 == sha256 && f.UserId == userId, cancellationToken);

    public Task<FileUpload?> AnyUploadAsync(string sha256, CancellationToken cancellationToken) =>
        db.Set<FileUpload>().FirstOrDefaultAsync(f => f.Sha256 == sha256, cancellationToken);

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

internal static class FileEndpoints
{
    internal sealed record UploadedFile(string Sha256, string ContentType, long Size);

    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/v1/files").WithTags("Files").RequireAuthorization();
        files.MapPost("/", async Task<Created<UploadedFile>> (IFormFile file, FileStore store, CancellationToken cancellationToken) =>
            {
                var saved = await store.SaveAsync(file, "file", cancellationToken);
                return TypedResults.Created($"/api/v1/files/{saved.Sha256}", new UploadedFile(saved.Sha256, saved.ContentType, saved.Size));
            })
            .DisableAntiforgery() // bearer-token API; pages post their files through their own forms
            .WithName("UploadFile")
            .WithSummary("Stores a PDF, PNG or JPEG (≤ 10 MB) and returns its SHA-256, to cite as evidence.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        files.MapGet("/{sha256}", async Task<IResult> (string sha256, FileStore store, ActorContext actor, IEnumerable<IFileReadAuthorizer> authorizers, CancellationToken cancellationToken) =>
            {
                var userId = actor.UserId ?? throw new UnauthorizedException();
                var upload = IsSha(sha256) ? await store.AnyUploadAsync(sha256, cancellationToken) : null;
                if (upload is null)
                {
                    throw new NotFoundException("The file");
                }

                var allowed = await store.UploadedByAsync(sha256, userId, cancellationToken) is not null;
                foreach (var authorizer in authorizers)
                {
                    allowed = allowed || await authorizer.MayReadAsync(sha256, cancellationToken);
                }

                if (!allowed || !File.Exists(store.PathOf(sha256)))
                {
                    throw new NotFoundException("The file");
                }

                return TypedResults.PhysicalFile(store.PathOf(sha256), upload.ContentType, enableRangeProcessing: false);
            })
            .WithName("DownloadFile")
            .WithSummary("Returns a stored file to its uploader or to users the owning record allows.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static bool IsSha(string value) => FileStore.IsSha256(value);
}
