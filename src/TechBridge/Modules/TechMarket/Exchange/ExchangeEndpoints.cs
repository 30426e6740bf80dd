using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.TechMarket.Exchange;

// The exchange standard on the web: the schema for anyone at its stable address, the feed and the import for
// registration authorities.
internal static class ExchangeEndpoints
{
    public const string Feed = "/api/v1/techmarket/exchange/registered-contracts";

    public static IEndpointRouteBuilder MapExchangeStandard(this IEndpointRouteBuilder app)
    {
        app.MapGet(RegisteredContractSchema.Path, () => TypedResults.Text(RegisteredContractSchema.Text, "application/schema+json; charset=utf-8", Encoding.UTF8))
            .AllowAnonymous()
            .WithTags("TechMarket")
            .WithName("GetRegisteredContractSchema")
            .WithSummary("The exchange standard for a registered technology contract, version 1.0 (JSON Schema draft 2020-12). This address does not change; a later major version gets its own.");
        return app;
    }

    public static RouteGroupBuilder MapExchange(this RouteGroupBuilder group)
    {
        group.MapGet("/exchange/registered-contracts", async (DateTimeOffset? since, string? cursor, int? limit, HttpContext http, ExchangeHandler exchange, CancellationToken ct) =>
            {
                var page = await exchange.FeedAsync(since, cursor, limit, ct);
                if (page.NextCursor is { } next)
                {
                    var size = (limit ?? 500).ToString(CultureInfo.InvariantCulture);
                    http.Response.Headers.Link = $"<{Feed}?cursor={next}&limit={size}>; rel=\"next\"";
                }

                var text = new StringBuilder();
                foreach (var record in page.Records)
                {
                    text.Append(record.ToJsonString(RegisteredContractRecords.LineOptions)).Append('\n');
                }

                return TypedResults.Text(text.ToString(), "application/x-ndjson; charset=utf-8", Encoding.UTF8);
            })
            .WithName("ExchangeFeedRegisteredContracts")
            .WithSummary("Registered contracts of the caller's jurisdictions in the exchange standard, one JSON object a line, in order of change. since: an instant to start after; the Link header (rel=next) carries the cursor of the next page; limit 1–1000 (500). Registration authorities.")
            .Produces<string>(StatusCodes.Status200OK, "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/exchange/registered-contracts", ImportAsync)
            .WithName("ExchangeImportRegisteredContracts")
            .WithSummary("Imports registered contracts from a file (multipart field 'file', at most 5,000 rows, 10 MB): .jsonl in the exchange standard, or a historical register as .csv/.xlsx. Every row is checked against the schema and the registration rules; mode=all-or-nothing (default) or skip-bad-rows. A record already registered here unchanged is counted, not duplicated. Answers the report with row-level errors in the caller's language.")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/exchange/registered-contracts/table", async (string? format, ExchangeHandler exchange, CancellationToken ct) =>
                TableExport.File(await exchange.TableAsync(ct), format, "registered-technology-contracts"))
            .WithName("ExportRegisteredContractsTable")
            .WithSummary("Registered contracts of the caller's jurisdictions as xlsx (default) or format=csv, in the columns the historical import reads.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    // Bearer-token clients only (the page has its own form with its antiforgery token).
    private static async Task<Ok<ExchangeImportReport>> ImportAsync(IFormFile? file, [FromForm] string? mode, HttpRequest http, ExchangeHandler exchange, CancellationToken cancellationToken)
    {
        if (!http.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new ForbiddenException("File uploads through the API need a bearer token; in the browser use the import page.");
        }

        if (file is null)
        {
            throw InvalidRequestException.For("file", "required", "Send the file as multipart/form-data in the field 'file'.");
        }

        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await exchange.ImportAsync(file.FileName, file.Length, stream, mode, cancellationToken));
    }
}
