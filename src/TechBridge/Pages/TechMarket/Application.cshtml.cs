using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.RegisterContracts;
using TechBridge.Modules.TechMarket.ReviewContracts;

namespace TechBridge.Pages.TechMarket;

// /TechMarket/Application?id=: one application with its history and the step its viewer may take: change, withdraw
// or object (parties), send to experts and decide (the registration authority), give an opinion (experts).
[Authorize]
internal sealed class ApplicationModel(RegisterContractsHandler contracts, ReviewContractsHandler review, IReferenceData reference) : PageModel, IReloadAfterProblem
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public ContractResponse Contract { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public string FieldName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Contract = await contracts.GetAsync(Id, cancellationToken);
        var codes = new[] { Contract.Seller.RegionCode, Contract.Buyer.RegionCode, Contract.AuthorityJurisdiction };
        RegionNames = await reference.RegionNamesAsync(codes.Concat(codes.Where(c => c.Length > 2).Select(c => c[..2])).Distinct(), cancellationToken);
        var zh = TechMarketText.Chinese;
        FieldName = reference.TechnologyFields.FirstOrDefault(f => f.Code == Contract.TechnologyField) is { } f ? (zh ? f.NameZh : f.NameEn) : Contract.TechnologyField;
    }

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostChangeAsync(string? reason, DateOnly? termTo, string? paymentSchedule, CancellationToken cancellationToken)
    {
        await contracts.ChangeAsync(Id, new ContractChangeRequest(reason, termTo, paymentSchedule), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostCancelAsync(string? reason, CancellationToken cancellationToken)
    {
        await contracts.CancelAsync(Id, new ReasonRequest(reason), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostObjectAsync(string? reason, CancellationToken cancellationToken)
    {
        await contracts.ObjectAsync(Id, new ReasonRequest(reason), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostExpertsAsync(string? reason, CancellationToken cancellationToken)
    {
        await review.SendToExpertsAsync(Id, new ReasonRequest(reason), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostOpinionAsync(string? recommendation, string? opinion, CancellationToken cancellationToken)
    {
        await review.GiveOpinionAsync(Id, new ExpertOpinionRequest(recommendation, opinion), cancellationToken);
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDecideAsync(string? outcome, string? reasons, CancellationToken cancellationToken)
    {
        await review.DecideAsync(Id, new DecisionRequest(outcome, reasons), cancellationToken);
        return RedirectToPage(new { id = Id });
    }
}
