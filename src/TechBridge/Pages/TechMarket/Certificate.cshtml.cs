using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.ReviewContracts;

namespace TechBridge.Pages.TechMarket;

// /TechMarket/Certificate?id=: the printable registration certificate (parties and the authority).
[Authorize]
internal sealed class CertificateModel(ReviewContractsHandler review, IReferenceData reference) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public CertificateResponse Certificate { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    public string FieldName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Certificate = await review.CertificateAsync(Id, cancellationToken);
        var codes = new[] { Certificate.SellerRegionCode, Certificate.BuyerRegionCode, Certificate.AuthorityJurisdiction };
        RegionNames = await reference.RegionNamesAsync(codes.Concat(codes.Where(c => c.Length > 2).Select(c => c[..2])).Distinct(), cancellationToken);
        FieldName = reference.TechnologyFields.FirstOrDefault(f => f.Code == Certificate.TechnologyField) is { } f ? (TechMarketText.Chinese ? f.NameZh : f.NameEn) : Certificate.TechnologyField;
    }
}
