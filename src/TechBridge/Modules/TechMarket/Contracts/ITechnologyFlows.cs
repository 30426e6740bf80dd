namespace TechBridge.Modules.TechMarket.Contracts;

// Hebei's share of Beijing–Tianjin technology output (the plan's 10% KPI, DESIGN.md §6), from registered contracts:
// numerator = contract value with the seller in Beijing (11) or Tianjin (12) and the buyer in Hebei (13);
// denominator = contract value of all registered contracts with the seller in 11 or 12. The same ratio on the
// technology transaction amount (技术交易额) is given beside it. Share is null when the denominator is zero.
internal sealed record HebeiShare(
    long NumeratorFen,
    long DenominatorFen,
    decimal? Share,
    long TechnologyNumeratorFen,
    long TechnologyDenominatorFen,
    decimal? TechnologyShare,
    int NumeratorCount,
    int DenominatorCount)
{
    public const string DefinitionZh = "河北吸纳京津技术输出占比 = 卖方在北京或天津、买方在河北的已登记技术合同成交额 ÷ 卖方在北京或天津的全部已登记技术合同成交额；同口径的技术交易额占比并列显示。数据来自本平台的技术合同认定登记记录，按登记日期统计。";

    public const string DefinitionEn = "Hebei's share of Beijing–Tianjin technology output = contract value of registered technology contracts with the seller in Beijing or Tianjin and the buyer in Hebei ÷ contract value of all registered contracts with the seller in Beijing or Tianjin; the same ratio on the technology transaction amount is shown beside it. From this platform's contract registrations, by registration date.";
}

internal sealed record FlowRegion(string Code, string Name, string NameEn);

internal sealed record FlowCell(string Seller, string Buyer, int Count, long ContractValueFen, long TechnologyAmountFen);

internal sealed record FlowBreakdown(string Code, int Count, long ContractValueFen, long TechnologyAmountFen);

// Level: province (Beijing, Tianjin, Hebei, elsewhere), city (Hebei by city) or group (Hebei by the plan's region
// groups). Output = by seller region, absorption = by buyer region.
internal sealed record FlowMatrix(
    string From,
    string To,
    string Level,
    IReadOnlyList<FlowRegion> Regions,
    IReadOnlyList<FlowCell> Cells,
    IReadOnlyList<FlowBreakdown> Output,
    IReadOnlyList<FlowBreakdown> Absorption,
    HebeiShare HebeiShare,
    IReadOnlyList<FlowBreakdown> ByType,
    IReadOnlyList<FlowBreakdown> ByField,
    IReadOnlyList<FlowBreakdown> ByMonth,
    int Count,
    long ContractValueFen,
    long TechnologyAmountFen);

// What the Monitoring module (and anyone else) reads of the technology market's statistics.
internal interface ITechnologyFlows
{
    // Months are inclusive, by registration date (Beijing time); from and to are the first of their months.
    Task<FlowMatrix> MatrixAsync(DateOnly fromMonth, DateOnly toMonth, string level = "province", CancellationToken cancellationToken = default);

    Task<HebeiShare> HebeiShareAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken = default);
}
