using TechBridge.Platform.Jobs;

using System.Security.Cryptography;
using System.Text;

namespace TechBridge.Platform.Idempotency;

// Marks a route whose POST must carry an Idempotency-Key (money and bookings): without one it answers 400.
internal sealed class IdempotencyKeyRequired;

internal static class IdempotencyRoutes
{
    // Every authenticated POST under /api accepts the header; this makes it mandatory for the route.
    public static TBuilder RequireIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotencyKeyRequired());
}

// One mechanism for every create (issue 8): an authenticated POST under /api with an Idempotency-Key answers a repeat
// of the same key and body with the first answer, and a reuse of the key with another body with 422. The key is
// recorded in the endpoint's own transaction (see IdempotencyRecord), so two racing requests with one key cannot both
// do the operation: the second one's commit fails on the key and it is answered from the first.
internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    // Answers above this size are not kept (a repeat then says the answer is unavailable); creates answer small bodies.
    private const int MaxStoredBody = 256 * 1024;

    // An unanswered record older than this is not in flight any more: its request committed and then failed.
    private static readonly TimeSpan InFlight = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context, PlatformDbContext db, ActorContext actor)
    {
        var request = context.Request;
        var required = context.GetEndpoint()?.Metadata.GetMetadata<IdempotencyKeyRequired>() is not null;
        var key = request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(request.Method) || !ErrorPages.IsApiPath(request.Path) || (key.Length == 0 && !required))
        {
            await next(context);
            return;
        }

        if (key.Length == 0)
        {
            throw InvalidRequestException.For(Header, "required", $"This operation needs an {Header} header (a unique value per intended operation; repeat it to retry safely).");
        }

        if (key.Length > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7E))
        {
            throw InvalidRequestException.For(Header, "idempotencyKey", $"{Header} must be 1 to {MaxKeyLength} visible ASCII characters.",
                new Dictionary<string, object> { ["max"] = MaxKeyLength });
        }

        // Anonymous callers share no scope that could tell them apart: their keys are not honoured.
        if (actor.UserId is not { } user)
        {
            await next(context);
            return;
        }

        var scope = user.ToString("N");
        var hash = await HashAsync(request, context.RequestAborted);
        var existing = await FindAsync(db, scope, key, context.RequestAborted);
        if (existing is not null)
        {
            await ReplayAsync(context, existing, hash);
            return;
        }

        var record = new IdempotencyRecord { Scope = scope, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow() };
        db.Add(record);
        var original = context.Response.Body;
        await using var capture = new CapturingStream(original, MaxStoredBody);
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        catch (Exception) when (db.Entry(record).State == EntityState.Added)
        {
            // Nothing of this request committed. When that is because another request with this key committed first
            // (its key row made this transaction fail), answer as that one did.
            db.Entry(record).State = EntityState.Detached;
            context.Response.Body = original;
            if (await FindAsync(db, scope, key, CancellationToken.None) is not { } winner)
            {
                throw;
            }

            context.Response.Clear();
            await ReplayAsync(context, winner, hash);
            return;
        }
        catch
        {
            db.Entry(record).State = EntityState.Detached;
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        await CompleteAsync(db, record, context.Response, capture);
    }

    // The endpoint committed: keep its answer. Nothing committed (a refusal, a read): forget the key, a repeat runs
    // again and gets the same refusal.
    private static async Task CompleteAsync(PlatformDbContext db, IdempotencyRecord record, HttpResponse response, CapturingStream capture)
    {
        var entry = db.Entry(record);
        if (entry.State != EntityState.Unchanged || response.StatusCode >= 500)
        {
            entry.State = EntityState.Detached;
            return;
        }

        record.Status = response.StatusCode;
        record.ContentType = response.ContentType;
        record.Body = capture.Captured;
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The endpoint rolled its own transaction back after saving: the key was never recorded.
        }
    }

    private async Task ReplayAsync(HttpContext context, IdempotencyRecord existing, string hash)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(existing.RequestHash), Encoding.ASCII.GetBytes(hash)))
        {
            throw new IdempotencyKeyReusedException();
        }

        if (existing.Status is not { } status || existing.Body is null)
        {
            var answered = existing.Status is not null || clock.GetUtcNow() - existing.CreatedAt > InFlight;
            throw answered
                ? new ConflictException("idempotency_outcome_unknown", "A request with this key was carried out, but its answer is not available; look up the result before trying again.")
                : new ConflictException("idempotency_in_progress", "A request with this key is still being carried out; retry shortly.") { RetryAfterSeconds = 1 };
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = existing.ContentType;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(existing.Body, context.RequestAborted);
    }

    private static Task<IdempotencyRecord?> FindAsync(PlatformDbContext db, string scope, string key, CancellationToken cancellationToken) =>
        db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);

    // What "the same request" means: method, path, query and body bytes.
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // Passes the answer through while keeping a copy of up to `limit` bytes.
    private sealed class CapturingStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream copy = new();
        private bool overflow;

        public byte[]? Captured => overflow ? null : copy.ToArray();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Keep(buffer.AsSpan(offset, count));
            inner.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            if (overflow || copy.Length + bytes.Length > limit)
            {
                overflow = true;
                return;
            }

            copy.Write(bytes);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                copy.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

// 422: the key was used before for a different request.
internal sealed class IdempotencyKeyReusedException()
    : ProblemException("This Idempotency-Key was already used for a different request; use a new key for a new operation.")
{
    public override int Status => StatusCodes.Status422UnprocessableEntity;

    public override string? Code => "idempotency_key_reused";
}

// Answers are kept for a day: long enough for any client's retries.
internal sealed class IdempotencyPurge(PlatformDbContext db, IConfiguration configuration, TimeProvider clock) : IJob
{
    public Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(configuration.GetValue("Platform:Idempotency:RetentionHours", 24.0));
        return db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
