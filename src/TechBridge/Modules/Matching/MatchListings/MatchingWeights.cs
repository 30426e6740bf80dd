namespace TechBridge.Modules.Matching.MatchListings;

// Points each signal can add to a match score (configuration "Matching:Weights:*"). A signal's contribution is its
// weight times its value in [0, 1]; the score is the sum of the contributions.
internal sealed class MatchingWeights
{
    public const string Section = "Matching:Weights";

    public decimal Text { get; set; } = 40m;

    public decimal Field { get; set; } = 10m;

    public decimal Sector { get; set; } = 8m;

    public decimal Industry { get; set; } = 5m;

    public decimal Region { get; set; } = 10m;

    public decimal Voucher { get; set; } = 5m;

    public decimal Standing { get; set; } = 4m;

    public decimal Recognitions { get; set; } = 3m;

    public decimal Trl { get; set; } = 4m;

    public decimal Budget { get; set; } = 6m;

    // Provider ratings come with service orders; until then every provider's rating value is 0.
    public decimal Rating { get; set; } = 5m;
}
