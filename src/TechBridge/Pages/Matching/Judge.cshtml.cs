using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Engagements.JudgeMatches;

namespace TechBridge.Pages.Matching;

// A broker's verdict on one suggested match, posted from the matches of a listing (verdict = "decision:reason"),
// through the same handler as POST /api/v1/match-judgements; back to the listing's matches afterwards.
[Authorize]
internal sealed class JudgeModel(JudgeMatchesHandler judgements) : PageModel
{
    public async Task<IActionResult> OnPostAsync(string? queryKind, Guid queryListingId, Guid candidateListingId, string? verdict, CancellationToken cancellationToken)
    {
        var (decision, reason) = (verdict ?? "").Split(':', 2) is [var d, var r] ? (d, r) : (null, null);
        await judgements.JudgeAsync(new JudgementRequest(queryListingId, candidateListingId, decision, reason), cancellationToken);
        var kind = queryKind is "offering" or "demand" or "achievement" ? queryKind : "demand";
        return Redirect($"/Listings/Detail?kind={kind}&id={queryListingId}&judged={candidateListingId}#matches-heading");
    }
}
