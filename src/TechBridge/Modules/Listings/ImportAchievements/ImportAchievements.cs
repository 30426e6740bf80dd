using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.Data;
using TechBridge.Modules.Listings.ManageListing;
using TechBridge.Platform.Files;
using TechBridge.Platform.Jobs;
using TechBridge.Platform.Values;

namespace TechBridge.Modules.Listings.ImportAchievements;

internal sealed record ImportRowError(int Row, string Field, string Rule, string Message);

internal sealed record ImportJobResponse(
    Guid Id,
    string FileName,
    string Mode,
    string Status,
    int Total,
    int Processed,
    int Imported,
    int ErrorCount,
    IReadOnlyList<ImportRowError> Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt);

// Bulk import of achievements (as drafts) from CSV or xlsx. Row numbers are spreadsheet rows: the header is row 1.
// Mode all-or-nothing (the default): one bad row and nothing is imported. Mode skip-bad-rows: good rows are
// imported, bad ones reported. Either way the job reports every error with row, field and rule.
internal static class ImportAchievementsEndpoints
{
    public const int MaxRows = 5_000;
    public const long MaxBytes = 5 * 1024 * 1024;

    // Accepted column headers (English or Chinese) for each field.
    public static readonly (string Field, string[] Headers)[] Columns =
    [
        ("title", ["title", "标题", "成果名称"]),
        ("abstract", ["abstract", "摘要", "成果简介"]),
        ("keywords", ["keywords", "关键词"]),
        ("technologyFieldCode", ["technologyField", "technologyFieldCode", "技术领域"]),
        ("industryCode", ["industry", "industryCode", "行业"]),
        ("trl", ["trl", "成熟度"]),
        ("linkedIp", ["linkedIp", "知识产权"]),
        ("transferModes", ["transferModes", "转化方式"]),
        ("askingPriceYuan", ["askingPriceYuan", "报价(元)", "报价"]),
    ];

    public static RouteGroupBuilder MapImportAchievements(this RouteGroupBuilder achievements)
    {
        achievements.MapPost("/imports", StartAsync)
            .WithName("ImportAchievements")
            .WithSummary("Starts a bulk import of achievements (drafts) from a CSV or xlsx file (multipart field 'file'; at most 5,000 rows, 5 MB). "
                + "mode=all-or-nothing (default: one bad row and nothing is imported) or skip-bad-rows. Answers 202 with the job to poll.")
            .RequireAuthorization()
            // Bearer-token API clients only (checked in the handler), so no antiforgery token is involved; the page has its own form.
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        achievements.MapGet("/imports/{id:guid}", async Task<Ok<ImportJobResponse>> (Guid id, ImportAchievementsHandler importer, CancellationToken ct) =>
                TypedResults.Ok(await importer.GetAsync(id, ct)))
            .WithName("GetAchievementImport")
            .WithSummary("An import job's progress (processed of total) and its row-level error report.")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        return achievements;
    }

    private static async Task<Accepted<ImportJobResponse>> StartAsync(HttpRequest http, IAccess access, ImportAchievementsHandler importer, CancellationToken cancellationToken)
    {
        _ = access.UserId;
        if (!http.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("File uploads through the API need a bearer token; in the browser use the import page.");
        }

        if (!http.HasFormContentType)
        {
            throw InvalidRequestException.For("file", "required", "Send the file as multipart/form-data in the field 'file'.");
        }

        var form = await http.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? throw InvalidRequestException.For("file", "required", "Send the file in the field 'file'.");
        await using var stream = file.OpenReadStream();
        var job = await importer.StartAsync(file.FileName, file.Length, stream, form["mode"].ToString(), cancellationToken);
        return TypedResults.Accepted($"/api/v1/achievements/imports/{job.Id}", job);
    }

    public static ImportJobResponse ToResponse(ImportJob job) => new(
        job.Id, job.FileName, job.Mode == ImportMode.SkipBadRows ? "skip-bad-rows" : "all-or-nothing",
        job.Status.ToString().ToLowerInvariant(), job.Total, job.Processed, job.Imported, job.ErrorCount,
        JsonSerializer.Deserialize<List<ImportRowError>>(job.Errors, JsonOptions) ?? [], job.CreatedAt, job.FinishedAt);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

// One row of an uploaded file: its number as the spreadsheet shows it and its values by field.
internal sealed record ImportRow(int Row, Dictionary<string, string> Values);

// Reads the file at once (so a malformed file is a 400 up front), records the job, and leaves the rows to the
// worker, which validates them with progress and then imports in one transaction.
// The API and the import page both start and follow jobs here.
internal sealed class ImportAchievementsHandler(PlatformDbContext db, IAccess access, ActorContext actor, IOrganizationFacts facts, TimeProvider clock, ImportQueue queue)
{
    // A job of the organization the caller acts for; 404 for anyone else.
    public async Task<ImportJobResponse> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        _ = access.UserId;
        var job = await db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null || job.OrganizationId != actor.OrganizationId)
        {
            throw new NotFoundException("The import");
        }

        return ImportAchievementsEndpoints.ToResponse(job);
    }

    public async Task<ImportJobResponse> StartAsync(string fileName, long length, Stream content, string? mode, CancellationToken cancellationToken) =>
        ImportAchievementsEndpoints.ToResponse(await StartAsync(access.ActingOrganizationId, access.UserId, fileName, length, content, mode, cancellationToken));

    public async Task<ImportJob> StartAsync(Guid organizationId, Guid userId, string fileName, long length, Stream content, string? mode, CancellationToken cancellationToken)
    {
        var parsedMode = mode switch
        {
            null or "" or "all-or-nothing" => ImportMode.AllOrNothing,
            "skip-bad-rows" => ImportMode.SkipBadRows,
            _ => throw InvalidRequestException.For("mode", "unknown", "Mode is all-or-nothing (default) or skip-bad-rows."),
        };
        if (length > ImportAchievementsEndpoints.MaxBytes)
        {
            throw InvalidRequestException.For("file", "maxSize", "The file is larger than 5 MB.", new Dictionary<string, object> { ["max"] = ImportAchievementsEndpoints.MaxBytes / (1024 * 1024) });
        }

        ListingKinds.Achievement.RequirePoster(await facts.FindAsync(organizationId, cancellationToken) ?? throw new NotFoundException("The organization"));
        var rows = Read(fileName, content);
        if (rows.Count > ImportAchievementsEndpoints.MaxRows)
        {
            throw InvalidRequestException.For("file", "maxRows", $"At most {ImportAchievementsEndpoints.MaxRows} rows per import.", new Dictionary<string, object> { ["max"] = ImportAchievementsEndpoints.MaxRows });
        }

        var job = new ImportJob
        {
            OrganizationId = organizationId,
            UserId = userId,
            FileName = Path.GetFileName(fileName).Length > 200 ? Path.GetFileName(fileName)[..200] : Path.GetFileName(fileName),
            Mode = parsedMode,
            Total = rows.Count,
            PendingRows = JsonSerializer.Serialize(rows),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await queue.Writer.WriteAsync(job.Id, cancellationToken);
        return job;
    }

    private static List<ImportRow> Read(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        List<Dictionary<string, string>> records;
        try
        {
            records = extension switch
            {
                ".csv" => ReadCsv(content),
                ".xlsx" => ReadXlsx(content),
                _ => throw InvalidRequestException.For("file", "type", "The file is .csv (UTF-8) or .xlsx."),
            };
        }
        catch (Exception exception) when (exception is not ProblemException)
        {
            throw InvalidRequestException.For("file", "unreadable", $"The file could not be read as {extension}: {exception.Message}");
        }

        // Rows numbered as the spreadsheet shows them: the header is row 1.
        return records.Select((values, index) => new ImportRow(index + 2, values)).Where(r => r.Values.Values.Any(v => v.Length > 0)).ToList();
    }

    private static List<Dictionary<string, string>> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
        var lines = Csv.Read(reader).ToList();
        if (lines.Count == 0)
        {
            throw InvalidRequestException.For("file", "empty", "The file has no header row.");
        }

        var header = Map(lines[0]);
        return lines.Skip(1).Select(line => header.Where(h => h.Index < line.Length).ToDictionary(h => h.Field, h => line[h.Index].Trim())).ToList();
    }

    private static List<Dictionary<string, string>> ReadXlsx(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        var rows = buffer.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        if (rows.Count == 0)
        {
            throw InvalidRequestException.For("file", "empty", "The sheet has no header row.");
        }

        var columns = rows[0].Keys.ToList();
        var header = Map(columns.Select(c => Convert.ToString(rows[0][c], CultureInfo.InvariantCulture) ?? "").ToArray());
        return rows.Skip(1).Select(row => header.ToDictionary(
            h => h.Field,
            h => Convert.ToString(row[columns[h.Index]], CultureInfo.InvariantCulture)?.Trim() ?? "")).ToList();
    }

    private static List<(string Field, int Index)> Map(string[] header)
    {
        var mapped = new List<(string Field, int Index)>();
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            var column = ImportAchievementsEndpoints.Columns.FirstOrDefault(c => c.Headers.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (column.Field is not null && mapped.All(m => m.Field != column.Field))
            {
                mapped.Add((column.Field, i));
            }
        }

        foreach (var required in new[] { "title", "abstract", "technologyFieldCode", "trl", "transferModes" })
        {
            if (mapped.All(m => m.Field != required))
            {
                throw InvalidRequestException.For("file", "missingColumn", $"The header row has no column for {required}.");
            }
        }

        return mapped;
    }
}

// Job ids to run; the rows wait in the job itself, so a restart loses nothing (see ImportWorker).
// ImportWake turns each into "run the import job now".
internal sealed class ImportQueue
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>();

    public ChannelWriter<Guid> Writer => channel.Writer;

    public ChannelReader<Guid> Reader => channel.Reader;
}

// Validates an import's rows in batches (updating the job's progress after each), then imports all of them, the
// good ones, or none, in one transaction together with the job's final state. A platform job (one node at a time,
// under its lease): each round runs every import still queued or running, so imports left unfinished by a stopped
// process, on any node, run again; nothing of an unfinished import was committed but its progress.
internal sealed class ImportWorker(IServiceScopeFactory scopes, ILogger<ImportWorker> logger) : IJob
{
    public const string JobName = "listings.import-achievements";
    private const int ProgressBatch = 50;
    private const int MaxReportedErrors = 1_000;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> unfinished;
        await using (var scope = scopes.CreateAsyncScope())
        {
            unfinished = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<ImportJob>()
                .Where(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running)
                .OrderBy(j => j.Id).Select(j => j.Id).ToListAsync(cancellationToken);
        }

        foreach (var jobId in unfinished)
        {
            await RunSafelyAsync(jobId, cancellationToken);
        }

        return unfinished.Count;
    }

    private async Task RunSafelyAsync(Guid jobId, CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(jobId, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Achievement import {JobId} failed", jobId);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var job = await db.Set<ImportJob>().FirstAsync(j => j.Id == jobId, stoppingToken);
            job.Status = ImportStatus.Failed;
            job.PendingRows = null;
            job.FinishedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            await db.SaveChangesAsync(stoppingToken);
        }
    }

    private async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PlatformDbContext>();
        var reference = services.GetRequiredService<IReferenceData>();
        var clock = services.GetRequiredService<TimeProvider>();
        var job = await db.Set<ImportJob>().FirstAsync(j => j.Id == jobId, cancellationToken);
        if (job.Status is not (ImportStatus.Queued or ImportStatus.Running) || job.PendingRows is null)
        {
            return;
        }

        var rows = JsonSerializer.Deserialize<List<ImportRow>>(job.PendingRows) ?? [];
        var actor = services.GetRequiredService<ActorContext>();
        actor.UserId = job.UserId;
        actor.OrganizationId = job.OrganizationId;
        actor.Action = "ImportAchievements";
        var organization = ListingKinds.Achievement.RequirePoster(
            await services.GetRequiredService<IOrganizationFacts>().FindAsync(job.OrganizationId, cancellationToken) ?? throw new NotFoundException("The organization"));

        job.Status = ImportStatus.Running;
        await db.SaveChangesAsync(cancellationToken);

        var errors = new List<ImportRowError>();
        var good = new List<TechnologyAchievement>();
        var fieldsByName = reference.TechnologyFields.ToDictionary(f => f.NameZh, f => f.Code);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, values) = rows[i];
            var request = ToRequest(values, fieldsByName, out var priceError);
            var validation = AchievementKind.Validate(request, reference);
            var rowErrors = new List<ImportRowError>();
            if (priceError)
            {
                rowErrors.Add(new ImportRowError(row, "askingPriceYuan", "format", "The asking price is an amount in yuan with at most two decimals, or empty / 面议 for negotiable."));
            }

            try
            {
                validation.ThrowIfInvalid();
            }
            catch (InvalidRequestException invalid)
            {
                rowErrors.AddRange(invalid.Violations.Select(v => new ImportRowError(row, v.Field, v.Rule, v.Message)));
            }

            if (rowErrors.Count == 0)
            {
                var achievement = ListingKinds.Achievement.New(organization, clock.GetUtcNow());
                AchievementKind.Apply(achievement, request);
                achievement.ImportJobId = job.Id;
                good.Add(achievement);
            }
            else
            {
                errors.AddRange(rowErrors);
            }

            if ((i + 1) % ProgressBatch == 0)
            {
                job.Processed = i + 1;
                job.ErrorCount = errors.Count;
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        job.Processed = rows.Count;
        job.ErrorCount = errors.Count;
        job.PendingRows = null;
        job.Errors = JsonSerializer.Serialize(errors.Take(MaxReportedErrors), ImportAchievementsEndpoints.JsonOptions);
        var importAll = errors.Count == 0 || job.Mode == ImportMode.SkipBadRows;
        if (importAll)
        {
            db.AddRange(good);
            job.Imported = good.Count;
            job.Status = ImportStatus.Completed;
        }
        else
        {
            job.Imported = 0;
            job.Status = ImportStatus.Failed;
        }

        job.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AchievementRequest ToRequest(Dictionary<string, string> values, Dictionary<string, string> fieldsByName, out bool priceError)
    {
        string? Get(string field) => values.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
        var field = Get("technologyFieldCode");
        if (field is not null && fieldsByName.TryGetValue(field, out var code))
        {
            field = code;
        }

        int? trl = int.TryParse(Get("trl"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var level) ? level : null;
        var price = Get("askingPriceYuan");
        long? priceFen = null;
        priceError = false;
        if (price is not null && price is not ("面议" or "negotiable"))
        {
            if (Money.TryParseYuan(price, out var money))
            {
                priceFen = money.Fen;
            }
            else
            {
                priceError = true;
            }
        }

        return new AchievementRequest(
            Get("title"),
            Get("abstract"),
            Get("keywords") is { } k ? [k] : [],
            field,
            Get("industryCode"),
            trl,
            Get("linkedIp"),
            Get("transferModes") is { } m ? m.Split([';', '；', '、', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            priceFen);
    }
}

// Asks the platform to run the import job at once when an upload was queued (instead of waiting for its period).
internal sealed class ImportWake(ImportQueue queue, JobScheduler scheduler) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await scheduler.RequestRunAsync(ImportWorker.JobName, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping (also when the host failed to start): nothing is lost, the job's period picks the queue up.
        }
    }
}
