using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Directory.Contracts;

namespace TechBridge.Pages.Reference;

// /Reference: the ten sectors with their statistical mapping, the technology fields and the county clusters.
internal sealed class IndexModel(IReferenceData reference) : PageModel
{
    public IReferenceData Data => reference;

    public IReadOnlyDictionary<string, StatisticalCategory> Categories { get; private set; } = new Dictionary<string, StatisticalCategory>();

    public void OnGet() => Categories = reference.StatisticalCategories.ToDictionary(c => c.Code);
}
