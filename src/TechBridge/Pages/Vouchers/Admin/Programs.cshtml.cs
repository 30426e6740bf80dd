using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Vouchers.ManagePrograms;
using TechBridge.Platform.Forms;

namespace TechBridge.Pages.Vouchers.Admin;

// /Vouchers/Admin/Programs: the programs, opening and closing them, and the editor of a new program with a preview
// of its rules in the words applicants will read (the same handler validates both).
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class ProgramsModel(ProgramsHandler programs) : PageModel, IReloadAfterProblem
{
    public IReadOnlyList<ProgramResponse> Programs { get; private set; } = [];

    public ProgramResponse? Preview { get; private set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? JurisdictionCode { get; set; } = "13";

    [BindProperty] public string? Year { get; set; }

    [BindProperty] public string? BudgetYuan { get; set; }

    [BindProperty] public string? Mode { get; set; } = "general";

    [BindProperty] public string? RatePercent { get; set; } = "50";

    [BindProperty] public string? CapPerApplicationYuan { get; set; }

    [BindProperty] public string? AnnualCapPerEnterpriseYuan { get; set; }

    [BindProperty] public string? AnnualCapPerControllerYuan { get; set; }

    [BindProperty] public string? FullCoverageYuan { get; set; }

    [BindProperty] public string? ValidityMonths { get; set; } = "12";

    [BindProperty] public string? RequiresAgreedOrder { get; set; }

    [BindProperty] public string? CoversInstrumentUse { get; set; } = "true";

    [BindProperty] public string? CoversTesting { get; set; } = "true";

    [BindProperty] public string? ExcludeFundedLastYear { get; set; }

    [BindProperty] public List<string> EligibleSectors { get; set; } = [];

    [BindProperty] public string? PaymentCycle { get; set; } = "monthly";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    public async Task ReloadAsync(CancellationToken cancellationToken) => Programs = await programs.ListAsync(openOnly: false, cancellationToken);

    public async Task OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        Preview = programs.Preview(BuildRequest());
        await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        await programs.CreateAsync(BuildRequest(), cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostOpenAsync(Guid id, CancellationToken cancellationToken)
    {
        await programs.OpenAsync(id, cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        await programs.CloseAsync(id, cancellationToken);
        return RedirectToPage();
    }

    private ProgramRequest BuildRequest()
    {
        var amounts = new TypedAmounts();
        var budget = amounts.Fen("budgetFen", BudgetYuan);
        var cap = amounts.Fen("capPerApplicationFen", CapPerApplicationYuan);
        var annual = amounts.Fen("annualCapPerEnterpriseFen", AnnualCapPerEnterpriseYuan);
        var controller = amounts.Fen("annualCapPerControllerFen", AnnualCapPerControllerYuan);
        long? full = string.IsNullOrWhiteSpace(FullCoverageYuan) ? 0 : amounts.Fen("fullCoverageAtOrBelowFen", FullCoverageYuan);
        amounts.ThrowIfInvalid();
        // Typed as text and read here: a value that is not a number reaches the handler as missing and is refused there
        // with the field's own words, never with the model binder's English.
        static int? Whole(string? text) => int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        int? rate = decimal.TryParse(RatePercent, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 100 ? (int)Math.Round(r * 100) : null;
        return new ProgramRequest(Name, JurisdictionCode, Whole(Year), budget, Mode, rate, [],
            cap, annual, controller, full, Whole(ValidityMonths), RequiresAgreedOrder == "true", EligibleSectors, CoversInstrumentUse == "true", CoversTesting == "true", [], [], [], ExcludeFundedLastYear == "true", PaymentCycle);
    }
}
