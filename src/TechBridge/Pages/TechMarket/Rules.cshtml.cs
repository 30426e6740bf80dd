using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.TechMarket.Contracts;

namespace TechBridge.Pages.TechMarket;

// /TechMarket/Rules: the trading rules the three jurisdictions share, generated from their configuration.
internal sealed class RulesModel(TradingRules rules) : PageModel
{
    public TradingRules Rules { get; } = rules;
}
