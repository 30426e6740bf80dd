using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ImportAchievements;

namespace TechBridge.Pages.Listings;

// /Listings/Import: upload a CSV or xlsx of achievements; the page refreshes itself while the job runs and then
// shows the row-level error report. The same handler as POST and GET /api/v1/achievements/imports; a refused file
// comes back as the file field's error (the page filter), an unknown job as the error page.
[Authorize]
internal sealed class ImportModel(ActorContext actor, IOrganizationFacts facts, ImportAchievementsHandler importer) : PageModel
{
    // The column headers a file may use (English or Chinese), as the help text shows them.
    public static IReadOnlyList<(string Field, string[] Headers)> Columns => ImportAchievementsEndpoints.Columns;

    // ?handler=Template&format=xlsx|csv: an empty sheet with the columns in the reader's language and one example
    // row to overwrite.
    public IActionResult OnGetTemplate(string? format)
    {
        var chinese = System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
        var headers = Columns.Select(c => chinese ? c.Headers.FirstOrDefault(h => h.Any(ch => ch > 0x7F)) ?? c.Headers[0] : c.Headers[0]).ToList();
        string?[] example = ["基于深度学习的焊缝缺陷检测", "利用卷积神经网络识别 X 射线焊缝图像中的气孔、夹渣和未熔合缺陷。", "深度学习;焊缝", "electronics", "C34", "6", "", "许可;转让", "120000"];
        var table = new TechBridge.Platform.Files.ExportTable(headers, [example]);
        return format == "csv"
            ? File(TechBridge.Platform.Files.TableExport.ToCsv(table), "text/csv; charset=utf-8", "achievements-template.csv")
            : File(TechBridge.Platform.Files.TableExport.ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "achievements-template.xlsx");
    }

    public ImportJobResponse? Job { get; private set; }

    public bool NoOrganization { get; private set; }

    public bool Running => Job is { Status: "queued" or "running" };

    public async Task OnGetAsync(Guid? job, CancellationToken cancellationToken)
    {
        NoOrganization = await ListingForms.ActAsync(actor, facts, cancellationToken) is null;
        if (job is { } id)
        {
            Job = await importer.GetAsync(id, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode, CancellationToken cancellationToken)
    {
        NoOrganization = await ListingForms.ActAsync(actor, facts, cancellationToken) is null;
        if (NoOrganization)
        {
            return Page();
        }

        if (file is null)
        {
            throw InvalidRequestException.For("file", "required", "Choose a file.");
        }

        await using var stream = file.OpenReadStream();
        var started = await importer.StartAsync(file.FileName, file.Length, stream, mode, cancellationToken);
        return RedirectToPage(new { job = started.Id });
    }
}
