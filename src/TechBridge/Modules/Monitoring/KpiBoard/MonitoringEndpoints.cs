using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Monitoring.ExportKpis;
using TechBridge.Modules.Monitoring.ManageKpis;
using TechBridge.Modules.Monitoring.Statistics;

namespace TechBridge.Modules.Monitoring.KpiBoard;

internal sealed record KpiList(IReadOnlyList<KpiSummary> Items, IReadOnlyList<GoalView> Goals, string StatusRule);

internal sealed record SeriesView(string Code, string TitleZh, string TitleEn, string Definition, string UnitZh, string UnitEn, string SourceZh, string SourceEn, IReadOnlyList<ContextLine> Provinces);

// /api/v1/monitoring: the KPI catalog with values, targets, forecasts and status; official series; exports; and the
// writes of admins (KPIs, targets, confirmation) and agencies (reported values).
internal static class MonitoringEndpoints
{
    public const string StatusRule =
        "achieved: the latest value meets the target; off-track: the target year has passed without it, or neither projection meets it; "
        + "on-track: both the linear trend and the CAGR projection meet it by the target year; at-risk: only one of them does; not-assessable: no value or fewer than two years.";

    public static RouteGroupBuilder MapMonitoring(this RouteGroupBuilder group)
    {
        group.MapGet("/kpis", async (KpiBoardHandler board, CancellationToken ct) =>
                TypedResults.Ok(new KpiList(await board.ListAsync(ct), await board.GoalsAsync(ct), StatusRule)))
            .WithName("ListKpis")
            .WithSummary("Lists the plan's KPIs with the latest value, the target measured against, both forecasts (linear trend, CAGR), the gap and the status.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/kpis/{code}", async (string code, KpiBoardHandler board, CancellationToken ct) => TypedResults.Ok(await board.GetAsync(code, ct)))
            .WithName("GetKpi")
            .WithSummary("One KPI: definition, formula, targets, every value with its provenance, breakdown by city and region group, context series.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/kpis.{format}", async (string format, KpiExportHandler export, CancellationToken ct) =>
            {
                var file = await export.KpisAsync(format, ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("ExportKpis")
            .WithSummary("Exports the KPI table as xlsx or csv (Chinese headers); the export is audited.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/kpis/{code}/export.{format}", async (string code, string format, KpiExportHandler export, CancellationToken ct) =>
            {
                var file = await export.KpiAsync(code, format, ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithName("ExportKpi")
            .WithSummary("Exports one KPI's values (csv) or values, targets, breakdowns and context series (xlsx); the export is audited.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/series", () => TypedResults.Ok(OfficialStatistics.Shipped.Series.Select(s => new SeriesView(s.Code, s.TitleZh, s.TitleEn, KpiBoardHandler.DefinitionCode(s.Definition),
                s.UnitZh, s.UnitEn, s.SourceZh, s.SourceEn,
                s.ByProvince.Select(p => new ContextLine(p.Key, p.Value.Select(v => new YearValue(v.Key, v.Value, false)).ToList())).ToList())).ToList()))
            .WithName("ListOfficialSeries")
            .WithSummary("The official statistics series shipped with the app, by province and year, with source and definition (output 输出 / absorption 吸纳).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/kpis", async Task<Created<KpiCreated>> (AddKpiRequest request, ManageKpisHandler handler, CancellationToken ct) =>
            {
                var created = await handler.AddAsync(request, ct);
                return TypedResults.Created($"/api/v1/monitoring/kpis/{created.Code}", created);
            })
            .WithName("AddKpi")
            .WithSummary("Adds a KPI (e.g. of a later plan) with its first target; province admins only. Its values are reported by agencies.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/kpis/{code}/targets", async Task<Ok<TargetSet>> (string code, SetTargetRequest request, ManageKpisHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.SetTargetAsync(code, request, ct)))
            .WithName("SetKpiTarget")
            .WithSummary("Sets a KPI's target for a year (replacing an earlier one for the same year); province admins only.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/kpis/{code}/values", async Task<Created<ValueReported>> (string code, ReportValueRequest request, ManageKpisHandler handler, CancellationToken ct) =>
            {
                var reported = await handler.ReportAsync(code, request, ct);
                return TypedResults.Created($"/api/v1/monitoring/kpis/{code}", reported);
            })
            .WithName("ReportKpiValue")
            .WithSummary("Reports a value of a reported KPI with its source and evidence (a responsible agency, or a province admin); it counts once confirmed.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/values/{id:guid}/confirmation", async Task<Ok<ValueReported>> (Guid id, ManageKpisHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ConfirmAsync(id, ct)))
            .WithName("ConfirmKpiValue")
            .WithSummary("Confirms a reported value; a province admin other than the one who entered it.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
