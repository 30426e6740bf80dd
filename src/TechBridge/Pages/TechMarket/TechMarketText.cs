using System.Globalization;
using Microsoft.Extensions.Localization;
using TechBridge.Modules.TechMarket.Contracts;
using TechBridge.Platform.Time;

namespace TechBridge.Pages.TechMarket;

// Names for the technology market's codes in the page's language; pages never show a code.
internal static class TechMarketText
{
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static string Status(IStringLocalizer t, string code) => t[code switch
    {
        "submitted" => "Awaiting review",
        "expert-review" => "Under expert review",
        "registered" => "Registered",
        "not-registered" => "Not registered",
        "cancelled" => "Cancelled",
        "negotiating" => "Negotiating",
        "agreed" => "Terms agreed",
        "signed" => "Contract signed",
        "applied" => "Registration applied for",
        _ => code,
    }];

    public static string Role(IStringLocalizer t, string code) => t[code switch
    {
        "applicant" => "Applicant",
        "party" => "Party to the contract",
        "authority" => "Registration authority",
        "expert" => "Expert reviewer",
        "seller" => "Seller",
        "buyer" => "Buyer",
        _ => code,
    }];

    public static string Event(IStringLocalizer t, string code) => t[code switch
    {
        "submitted" => "Application submitted",
        "expert-review" => "Sent to expert review",
        "expert-opinion" => "Expert opinion",
        "registered" => "Registered",
        "not-registered" => "Not registered",
        "changed" => "Change recorded",
        "cancelled" => "Cancelled",
        "objection" => "Objection",
        _ => code,
    }];

    public static string Type(string code) => ContractCatalog.TypeName(code, Chinese);

    public static string Subtype(string type, string subtype) => ContractCatalog.SubtypeName(type, subtype, Chinese);

    public static string Entity(string code) => ContractCatalog.Name(ContractCatalog.EntityKinds, code, Chinese);

    public static string Ip(string code) => ContractCatalog.Name(ContractCatalog.IpKinds, code, Chinese);

    public static string Funding(string code) => ContractCatalog.Name(ContractCatalog.FundingSources, code, Chinese);

    public static string Item(string code) => ContractCatalog.Name(ContractCatalog.ItemKinds, code, Chinese);

    public static string Day(DateOnly date) => BeijingTime.Format(date, CultureInfo.CurrentUICulture);

    public static string Percent(decimal? share) => share is { } s ? (s * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Jurisdiction(IStringLocalizer t, string code, IReadOnlyDictionary<string, string> names) => code switch
    {
        "11" => t["Beijing"],
        "12" => t["Tianjin"],
        "13" => t["Hebei"],
        "XIONGAN" => t["Xiong'an New Area"],
        _ => names.GetValueOrDefault(code, code),
    };

    public static string Region(IStringLocalizer t, string code, IReadOnlyDictionary<string, string> names) =>
        code == ContractCatalog.Foreign ? t["Abroad"] : names.GetValueOrDefault(code, code.Length >= 2 ? names.GetValueOrDefault(code[..2], code) : code);
}
