using Microsoft.AspNetCore.Mvc.ModelBinding;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Platform.Errors;
using TechBridge.Platform.Security;
using TechBridge.Platform.Values;

namespace TechBridge.Pages.Listings;

// What the listing forms share: the organization a page request acts for, and turning the API's violations into
// errors shown next to the fields they name (the forms use the API's field names).
internal static class ListingForms
{
    // The organization the request acts for, as ActingOrganization chose it (the switcher's choice, else the user's
    // first membership); the handlers behind the forms check ownership against it exactly as for an API call.
    public static async Task<OrganizationFacts?> ActAsync(ActorContext actor, IOrganizationFacts facts, CancellationToken cancellationToken) =>
        actor.OrganizationId is { } organizationId ? await facts.FindAsync(organizationId, cancellationToken) : null;

    public static void Show(this ModelStateDictionary state, ProblemException problem)
    {
        if (problem is InvalidRequestException invalid)
        {
            foreach (var v in invalid.Violations)
            {
                state.AddModelError(v.Field, v.Message);
            }
        }
        else
        {
            state.AddModelError("", problem.Message);
        }
    }

    public static string? ErrorFor(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    // A yuan amount typed in a form → fen; a blank field is null; text that is not an amount is an error on field.
    public static long? Fen(this ModelStateDictionary state, string field, string? yuan)
    {
        if (string.IsNullOrWhiteSpace(yuan))
        {
            return null;
        }

        if (Money.TryParseYuan(yuan, out var money) && !money.IsNegative)
        {
            return money.Fen;
        }

        state.AddModelError(field, PlatformErrorTexts.Catalog.Describe(new Violation(field, "amount", "Enter an amount in yuan, e.g. 120000 or 1,250.50.")));
        return null;
    }

    public static string? Yuan(long? fen) => fen is { } f ? new Money(f).ToYuanString().Replace(",", "", StringComparison.Ordinal) : null;
}
