using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Modules.TechMarket.RegisterContracts;
using TechBridge.Platform.Files;
using TechBridge.Platform.Forms;

namespace TechBridge.Pages.TechMarket;

internal sealed class ItemRow
{
    public string? Kind { get; set; }

    public string? Description { get; set; }

    public string? AmountYuan { get; set; }
}

// /TechMarket/Apply: the registration application of the acting organization, as seller or, for a technology
// import, as the domestic buyer; the written contract is uploaded with it.
[Authorize]
[RequestSizeLimit(FileStore.MaxBytes + 1024 * 1024)]
internal sealed class ApplyModel(RegisterContractsHandler contracts, FileStore files) : PageModel
{
    public const int Rows = 3;

    [BindProperty] public string? Title { get; set; }

    // "development/commissioned": type and subtype in one choice.
    [BindProperty] public string? Kind { get; set; }

    [BindProperty] public bool Import { get; set; }

    [BindProperty] public string? CounterpartName { get; set; }

    [BindProperty] public string? CounterpartCreditCode { get; set; }

    [BindProperty] public string? CounterpartRegion { get; set; }

    [BindProperty] public string? CounterpartKind { get; set; } = "enterprise";

    [BindProperty] public string? OurKind { get; set; } = "enterprise";

    [BindProperty] public string? TotalYuan { get; set; }

    [BindProperty] public List<ItemRow> Items { get; set; } = [];

    [BindProperty] public string? TechnologyField { get; set; }

    [BindProperty] public string? IpKind { get; set; } = "none";

    [BindProperty] public string? FundingSource { get; set; } = "own";

    [BindProperty] public DateOnly? SignedOn { get; set; }

    [BindProperty] public DateOnly? TermFrom { get; set; }

    [BindProperty] public DateOnly? TermTo { get; set; }

    [BindProperty] public string? PaymentSchedule { get; set; }

    [BindProperty] public string? BrokerName { get; set; }

    [BindProperty] public bool PublishPartyNames { get; set; }

    [BindProperty] public bool Disputed { get; set; }

    [BindProperty] public IFormFile? Contract { get; set; }

    public void OnGet() => Pad();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Pad();
        var amounts = new TypedAmounts();
        var total = amounts.Fen("totalFen", TotalYuan);
        var items = Items.Select((row, i) => (Row: row, Index: i))
            .Where(r => !string.IsNullOrWhiteSpace(r.Row.Description) || !string.IsNullOrWhiteSpace(r.Row.AmountYuan))
            .Select(r => new ItemRequest(r.Row.Kind, r.Row.Description, amounts.Fen($"nonTechnicalItems[{r.Index}].amountFen", r.Row.AmountYuan)))
            .ToList();
        amounts.ThrowIfInvalid();
        var sha = Contract is null ? null : (await files.SaveAsync(Contract, "contractFileSha256", cancellationToken)).Sha256;
        var parts = (Kind ?? "").Split('/');
        var us = new PartyRequest(null, null, null, null, OurKind);
        var them = new PartyRequest(null, CounterpartName, CounterpartCreditCode, Import ? ContractCatalog.Foreign : CounterpartRegion, CounterpartKind);
        var request = new ContractRequest(null, Title, parts[0], parts.Length > 1 ? parts[1] : null, Import ? them : us, Import ? us : them,
            total, items, TechnologyField, null, IpKind, FundingSource, SignedOn, TermFrom, TermTo, PaymentSchedule, BrokerName, sha, Disputed, PublishPartyNames);
        var contract = await contracts.SubmitAsync(request, cancellationToken);
        return Redirect($"/TechMarket/Application?id={contract.Id}");
    }

    private void Pad()
    {
        while (Items.Count < Rows)
        {
            Items.Add(new ItemRow { Kind = "equipment" });
        }
    }
}
