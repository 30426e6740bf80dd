namespace TechBridge.Modules.TechMarket.RegisterContracts;

// Applies: yes, maybe (depends on facts the application does not hold), no.
internal sealed record TaxIndicator(string Code, string Applies, string TextZh, string TextEn, string Version);

// Informational tax hints per contract (DESIGN.md §6), each with the rule it paraphrases and the version of this
// table; the tax authority decides, not the platform.
internal static class TaxIndicators
{
    public const string Version = "2026.1";

    public static IReadOnlyList<TaxIndicator> For(string type, string subtype)
    {
        var developmentOrTransfer = type is "development" or "transfer" or "licensing";
        return
        [
            new("vat-exemption", developmentOrTransfer ? "yes" : type is "consulting" or "service" ? "maybe" : "no",
                "技术转让、技术开发和与之相关的技术咨询、技术服务取得的收入免征增值税（须经技术合同登记，咨询、服务须与转让或开发相关并在同一张发票开具）。",
                "Income from technology transfer and development, and from the consulting and services tied to them, is exempt from VAT (the contract must be registered; consulting and services only when tied to a transfer or development and invoiced with it).",
                Version),
            new("transfer-income-tax", type is "transfer" or "licensing" ? "yes" : "no",
                "居民企业一个纳税年度内技术转让所得不超过 500 万元的部分免征企业所得税，超过部分减半征收。",
                "A resident enterprise's technology-transfer income within a tax year is exempt from corporate income tax up to 5 million yuan; the part above is taxed at half the rate.",
                Version),
            new("rd-super-deduction", type == "development" && subtype == "commissioned" ? "yes" : type == "development" ? "maybe" : "no",
                "委托开发的，委托方可按研发费用实际发生额的 80% 计入本企业研发费用，享受研发费用加计扣除。",
                "In commissioned development the client may count 80% of the actual cost as its own R&D expense for the R&D super-deduction.",
                Version),
        ];
    }
}
