using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Matching.ManageVocabulary;

namespace TechBridge.Pages.Admin;

// /Admin/SearchVocabulary: domain terms and synonym groups; changes apply to search at once, without a restart.
[Authorize(Roles = Roles.AdminOrAuditor)]
internal sealed class SearchVocabularyModel(ManageVocabularyHandler admin) : PageModel, IReloadAfterProblem
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Words { get; set; }

    public IReadOnlyList<VocabularyEntryResponse> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await admin.ListAsync(cancellationToken);

    public Task ReloadAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var words = (Words ?? "").Split([' ', ',', '，', '、', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        await admin.AddAsync(new AddVocabularyRequest(Kind, words), cancellationToken);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        await admin.RemoveAsync(id, cancellationToken);
        return RedirectToPage();
    }
}
