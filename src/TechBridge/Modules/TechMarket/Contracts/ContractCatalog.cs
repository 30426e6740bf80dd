namespace TechBridge.Modules.TechMarket.Contracts;

internal sealed record CatalogEntry(string Code, string Zh, string En);

internal sealed record ContractType(string Code, string Zh, string En, IReadOnlyList<CatalogEntry> Subtypes);

// The fixed lists of technology-contract registration (DESIGN.md §6): types with their subtypes, entity kinds of
// the parties, kinds of non-technical items, intellectual property involved and funding sources.
internal static class ContractCatalog
{
    public const string Foreign = "foreign";

    public static readonly IReadOnlyList<ContractType> Types =
    [
        new("development", "技术开发", "Technology development", [new("commissioned", "委托开发", "Commissioned"), new("cooperative", "合作开发", "Cooperative")]),
        new("transfer", "技术转让", "Technology transfer",
        [
            new("patent", "专利权转让", "Patent"), new("patent-application", "专利申请权转让", "Patent application right"),
            new("technical-secret", "技术秘密转让", "Technical secret"), new("other", "其他", "Other"),
        ]),
        new("licensing", "技术许可", "Technology licensing",
            [new("patent-licence", "专利实施许可", "Patent licence"), new("secret-licence", "技术秘密使用许可", "Technical-secret licence"), new("other", "其他", "Other")]),
        new("consulting", "技术咨询", "Technology consulting", [new("general", "技术咨询", "Consulting")]),
        new("service", "技术服务", "Technology service", [new("general", "技术服务", "Service"), new("training", "技术培训", "Training"), new("brokerage", "技术中介", "Brokerage")]),
    ];

    public static readonly IReadOnlyList<CatalogEntry> EntityKinds =
    [
        new("enterprise", "企业", "Enterprise"), new("university", "高等院校", "University"), new("research-institute", "科研机构", "Research institute"),
        new("medical", "医疗卫生机构", "Medical institution"), new("government", "机关", "Government body"), new("social-organization", "社会团体", "Social organization"),
        new("individual", "自然人", "Individual"), new("other", "其他", "Other"),
    ];

    public static readonly IReadOnlyList<CatalogEntry> ItemKinds =
    [
        new("equipment", "设备", "Equipment"), new("instruments", "仪器", "Instruments"), new("parts", "零部件", "Parts"), new("raw-materials", "原材料", "Raw materials"),
    ];

    public static readonly IReadOnlyList<CatalogEntry> IpKinds =
    [
        new("none", "未涉及知识产权", "None"), new("invention-patent", "发明专利", "Invention patent"), new("utility-model", "实用新型专利", "Utility model"),
        new("design", "外观设计专利", "Design patent"), new("software-copyright", "计算机软件著作权", "Software copyright"), new("ic-layout", "集成电路布图设计", "IC layout design"),
        new("plant-variety", "植物新品种", "New plant variety"), new("technical-secret", "技术秘密", "Technical secret"), new("other", "其他", "Other"),
    ];

    public static readonly IReadOnlyList<CatalogEntry> FundingSources =
    [
        new("own", "自有资金", "Own funds"), new("government", "政府财政资金", "Government funds"), new("bank-loan", "银行贷款", "Bank loan"),
        new("venture", "风险投资", "Venture capital"), new("foreign", "境外资金", "Foreign funds"), new("other", "其他", "Other"),
    ];

    public static ContractType? Type(string? code) => Types.FirstOrDefault(t => t.Code == code);

    public static bool Has(IReadOnlyList<CatalogEntry> list, string? code) => list.Any(e => e.Code == code);

    public static string Name(IReadOnlyList<CatalogEntry> list, string code, bool chinese) =>
        list.FirstOrDefault(e => e.Code == code) is { } e ? (chinese ? e.Zh : e.En) : code;

    public static string TypeName(string code, bool chinese) => Type(code) is { } t ? (chinese ? t.Zh : t.En) : code;

    public static string SubtypeName(string type, string subtype, bool chinese) =>
        Type(type)?.Subtypes.FirstOrDefault(s => s.Code == subtype) is { } s ? (chinese ? s.Zh : s.En) : subtype;
}
