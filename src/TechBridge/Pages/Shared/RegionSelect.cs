using TechBridge.Modules.Directory.Contracts;
// Superseded by <region-picker> (Pages/Shared/Pickers); kept only until Pages/Listings/Index moves to it.

namespace TechBridge.Pages.Shared;

// Model of _RegionSelect: the choices, the code the list is filtered by and its name (for a code not among the choices).
internal sealed record RegionSelect(IReadOnlyList<RegionChoice> Choices, string? Selected, string? SelectedName);
