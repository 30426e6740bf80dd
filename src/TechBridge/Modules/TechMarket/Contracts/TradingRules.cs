using System.Text.Json;

namespace TechBridge.Modules.TechMarket.Contracts;

internal sealed record LocalizedRule(string Code, string Zh, string En);

internal sealed record RequiredDocument(string Stage, string Zh, string En);

internal sealed record RegistrationRules(int ReviewWorkingDays, int ExpertReviewWorkingDays, long ExpertThresholdFen);

internal sealed record BasisText(string Zh, string En);

// The trading rules the three jurisdictions share, as configuration (Data/techmarket/trading-rules.json): the public
// rules page is generated from it and the registration review reads its deadlines and threshold from it.
internal sealed record TradingRules(
    string Version,
    DateOnly EffectiveFrom,
    IReadOnlyList<string> Jurisdictions,
    BasisText Basis,
    RegistrationRules Registration,
    IReadOnlyList<LocalizedRule> DealStates,
    IReadOnlyList<RequiredDocument> Documents,
    IReadOnlyList<LocalizedRule> ListingFields)
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "techmarket", "trading-rules.json");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TradingRules Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<TradingRules>(stream, Json) ?? throw new InvalidOperationException($"{path} is empty");
    }
}
