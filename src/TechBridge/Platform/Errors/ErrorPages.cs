using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TechBridge.Platform.Errors;

// Pages never show JSON: a page request that ends in an error status gets the error page (/Error/{status}) in the
// site's layout; API requests keep ProblemDetails.
internal static class ErrorPages
{
    public const string Path = "/Error";

    public static bool IsApiRequest(HttpRequest request) => IsApiPath(request.Path);

    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(Path);
        app.UseWhen(context => IsApiRequest(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApiRequest(context.Request), pages => pages.UseStatusCodePagesWithReExecute(Path + "/{0}"));
        return app;
    }

    // The problem a page handler ran into, kept for the error page that the status code pages render.
    public static IActionResult Show(HttpContext context, Problem problem)
    {
        context.Items[typeof(Problem)] = problem;
        return new StatusCodeResult(problem.Status);
    }

    public static Problem? Of(HttpContext context) => context.Items.TryGetValue(typeof(Problem), out var problem) ? problem as Problem : null;
}

// A page model whose page needs more than the posted fields to render again (the item it acts on) reloads it here
// when a handler was refused with field errors.
internal interface IReloadAfterProblem
{
    Task ReloadAsync(CancellationToken cancellationToken);
}

// The one place where pages handle the error table: broken rules become errors next to the fields they name (in the
// reader's language) on the same page; not found, not allowed, conflicts and contention become the error page.
internal sealed class ProblemPageFilter(ErrorTexts texts) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not { } exception || executed.ExceptionHandled || Problem.From(exception) is not { } problem)
        {
            return;
        }

        executed.ExceptionHandled = true;
        // Whatever the refused handler left tracked must not be saved by anything that renders next.
        context.HttpContext.RequestServices.GetService<PlatformDbContext>()?.ChangeTracker.Clear();
        if (problem.Status == StatusCodes.Status401Unauthorized)
        {
            executed.Result = new ChallengeResult();
            return;
        }

        if (problem.Violations.Count > 0 && executed.HandlerInstance is PageModel page)
        {
            foreach (var violation in problem.Violations)
            {
                page.ModelState.AddModelError(violation.Field, texts.Describe(violation));
            }

            if (page is IReloadAfterProblem reload)
            {
                await reload.ReloadAsync(context.HttpContext.RequestAborted);
            }

            executed.Result = page.Page();
            return;
        }

        executed.Result = ErrorPages.Show(context.HttpContext, problem);
    }
}
