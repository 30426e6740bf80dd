using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechBridge.Pages;

// /Error/{status}: what happened, what to do and a way back, in the layout. Reached by re-execution from the error
// pages middleware (a handler refused, a bad URL, an exception), never linked to.
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel(ErrorTexts texts) : PageModel
{
    public int Status { get; private set; }

    public string What { get; private set; } = "";

    public string? Back { get; private set; }

    public IActionResult OnGet(int? status) => Show(status);

    public IActionResult OnPost(int? status) => Show(status);

    private PageResult Show(int? status)
    {
        var problem = ErrorPages.Of(HttpContext)
            ?? (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error ? Problem.From(error) : null);
        Status = problem?.Status ?? status ?? StatusCodes.Status500InternalServerError;
        if (Status < 400)
        {
            Status = StatusCodes.Status404NotFound;
        }

        What = problem is null ? ErrorTexts.StatusSentence(Status) : texts.Describe(problem);
        Back = SameSiteReferer();
        Response.StatusCode = Status;
        return Page();
    }

    private string? SameSiteReferer() =>
        Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
        && string.Equals(referer.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && referer.PathAndQuery != HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ? referer.PathAndQuery
            : null;
}
