using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.TechMarket.Exchange;
using TechBridge.Platform.Files;

namespace TechBridge.Pages.TechMarket;

// /TechMarket/Exchange: the registration authority's side of the exchange standard — the schema, its jurisdictions'
// registered contracts as a table or as the standard's JSON lines, and the import of another platform's feed or a
// historical register with its row-level report. The same handler as the API; a refused file comes back as the file
// field's error (the page filter).
[Authorize]
internal sealed class ExchangeModel(ExchangeHandler exchange) : PageModel
{
    public ExchangeImportReport? Report { get; private set; }

    public static string SchemaPath => RegisteredContractSchema.Path;

    public static IReadOnlyList<string> Columns => HistoricalColumns.Columns.Select(c => c.Headers[0]).ToList();

    public async Task<IActionResult> OnGetTableAsync(string? format, CancellationToken cancellationToken) =>
        format == "csv"
            ? File(TableExport.ToCsv(await exchange.TableAsync(cancellationToken)), "text/csv; charset=utf-8", "registered-technology-contracts.csv")
            : File(TableExport.ToXlsx(await exchange.TableAsync(cancellationToken)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "registered-technology-contracts.xlsx");

    // The first page of the feed (up to 1,000 records) as a file; clients that follow the feed use the API.
    public async Task<IActionResult> OnGetFeedAsync(CancellationToken cancellationToken)
    {
        var page = await exchange.FeedAsync(null, null, ExchangeHandler.MaxPageSize, cancellationToken);
        var text = new StringBuilder();
        foreach (var record in page.Records)
        {
            text.Append(record.ToJsonString(RegisteredContractRecords.LineOptions)).Append('\n');
        }

        return File(Encoding.UTF8.GetBytes(text.ToString()), "application/x-ndjson", "registered-technology-contracts.jsonl");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            throw InvalidRequestException.For("file", "required", "Choose a file.");
        }

        await using var stream = file.OpenReadStream();
        Report = await exchange.ImportAsync(file.FileName, file.Length, stream, mode, cancellationToken);
        return Page();
    }
}
