using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TechBridge.Modules.Monitoring.ManageKpis;

namespace TechBridge.Pages.Monitoring;

// /Monitoring/NewKpi: a province admin adds a KPI of a later plan with its first target (the handler checks the grant).
[Authorize(Roles = Roles.Admin)]
internal sealed class NewKpiModel(ManageKpisHandler manage) : PageModel
{
    public async Task<IActionResult> OnPostAsync(AddKpiRequest request, CancellationToken cancellationToken)
    {
        var created = await manage.AddAsync(request, cancellationToken);
        return Redirect($"/Monitoring/Kpi/{created.Code}");
    }
}
