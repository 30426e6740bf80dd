using Microsoft.AspNetCore.Mvc.ModelBinding;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Platform.Values;

namespace TechBridge.Pages.Listings;

// What the listing forms share: the organization a page request acts for, an error by field name (the forms use the
// API's field names), and amounts shown back as typed yuan.
internal static class ListingForms
{
    // The organization the request acts for, as ActingOrganization chose it (the switcher's choice, else the user's
    // first membership); the handlers behind the forms check ownership against it exactly as for an API call.
    public static async Task<OrganizationFacts?> ActAsync(ActorContext actor, IOrganizationFacts facts, CancellationToken cancellationToken) =>
        actor.OrganizationId is { } organizationId ? await facts.FindAsync(organizationId, cancellationToken) : null;

    public static string? ErrorFor(this ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    public static string? Yuan(long? fen) => fen is { } f ? new Money(f).ToYuanString().Replace(",", "", StringComparison.Ordinal) : null;
}
