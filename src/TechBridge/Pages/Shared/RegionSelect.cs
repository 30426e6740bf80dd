using TechBridge.Modules.Directory.Contracts;

namespace TechBridge.Pages.Shared;

// Model of _RegionSelect: the choices, the code the list is filtered by and its name (for a code not among the choices).
internal sealed record RegionSelect(IReadOnlyList<RegionChoice> Choices, string? Selected, string? SelectedName);
