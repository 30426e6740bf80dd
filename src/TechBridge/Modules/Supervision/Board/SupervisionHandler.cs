using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Supervision.Contracts;
using TechBridge.Modules.Supervision.Data;
using TechBridge.Platform.Files;
using TechBridge.Platform.Time;

namespace TechBridge.Modules.Supervision.Board;

internal sealed record UnitView(Guid OrganizationId, string Name, string Role);

internal sealed record MilestoneView(Guid Id, string Title, DateOnly DueOn, DateTimeOffset? CompletedAt, bool Overdue, DateTimeOffset? EscalatedAt);

internal sealed record ReportView(Guid Id, string Organization, string ReportedBy, DateTimeOffset ReportedAt, string Text, int Percent, string? EvidenceSha256, IReadOnlyList<string> KpiCodes, string? CompletedMilestone);

// Status: done (every milestone completed), overdue (a milestone past due), in-progress (reported on), not-started.
internal sealed record TaskRow(
    Guid Id,
    Guid? ParentId,
    string Number,
    string SectionZh,
    string TitleZh,
    string TitleEn,
    string? RegionCode,
    string? RegionName,
    IReadOnlyList<UnitView> Units,
    string Status,
    int OverdueMilestones,
    DateOnly? NextDue,
    DateTimeOffset? LastReportAt,
    int? LastPercent,
    string? LastReportText,
    IReadOnlyList<string> KpiCodes);

internal sealed record TaskDetail(TaskRow Task, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<ReportView> Reports, IReadOnlyList<TaskRow> SubTasks, bool MayReport, bool MayManage);

internal sealed record FileReportRequest(string? Text, int? Percent, string? EvidenceSha256, IReadOnlyList<string>? KpiCodes, Guid? CompletedMilestoneId);

internal sealed record AddMilestoneRequest(string? Title, DateOnly? DueOn);

internal sealed record AddSubTaskRequest(string? RegionCode, string? AgencyName);

internal sealed record SupervisionItemCreated(Guid Id);

// The leading group's supervision: the board (filter by agency and city), a task with its milestones and reports,
// progress reports by the responsible agencies (only for their own tasks), milestones and city sub-tasks by admins.
internal sealed class SupervisionHandler(PlatformDbContext db, IAccess access, IOrganizationFacts organizations, IGovernmentAgencies agencies, IReferenceData reference, TimeProvider clock)
{
    public async Task<IReadOnlyList<TaskRow>> BoardAsync(Guid? agencyId, string? city, CancellationToken cancellationToken)
    {
        await RequireViewerAsync(cancellationToken);
        var tasks = await LoadAsync(cancellationToken);
        IEnumerable<PlanTask> selected = tasks;
        if (agencyId is { } agency)
        {
            selected = selected.Where(t => t.Units.Any(u => u.OrganizationId == agency));
        }

        if (!string.IsNullOrWhiteSpace(city))
        {
            // A city's view: its sub-tasks and the province tasks they belong to.
            var parents = tasks.Where(t => t.RegionCode == city).Select(t => t.ParentId).ToHashSet();
            selected = selected.Where(t => t.RegionCode == city || parents.Contains(t.Id));
        }

        return await RowsAsync(selected.ToList(), cancellationToken);
    }

    public async Task<TaskDetail> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await RequireViewerAsync(cancellationToken);
        var tasks = await LoadAsync(cancellationToken);
        var task = tasks.FirstOrDefault(t => t.Id == id) ?? throw new NotFoundException("The task");
        var subTasks = tasks.Where(t => t.ParentId == id).ToList();
        var rows = await RowsAsync([task, .. subTasks], cancellationToken);
        var today = Today();
        var reports = await db.Set<ProgressReport>().AsNoTracking().Where(r => r.TaskId == id).OrderByDescending(r => r.ReportedAt).ToListAsync(cancellationToken);
        var orgNames = await organizations.FindManyAsync(reports.Select(r => r.OrganizationId).ToList(), cancellationToken);
        var userIds = reports.Select(r => r.ReportedBy).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new TaskDetail(
            rows[0],
            task.Milestones.OrderBy(m => m.DueOn).Select(m => new MilestoneView(m.Id, m.Title, m.DueOn, m.CompletedAt, m.CompletedAt is null && m.DueOn < today, m.EscalatedAt)).ToList(),
            reports.Select(r => new ReportView(r.Id, orgNames.GetValueOrDefault(r.OrganizationId)?.LegalName ?? "", userNames.GetValueOrDefault(r.ReportedBy, ""), r.ReportedAt, r.Text, r.Percent,
                r.EvidenceSha256, Codes(r.KpiCodes), task.Milestones.FirstOrDefault(m => m.Id == r.CompletedMilestoneId)?.Title)).ToList(),
            rows.Skip(1).ToList(),
            await IsUnitMemberAsync(task, cancellationToken),
            await MayManageAsync(task, cancellationToken));
    }

    // A responsible agency reports on its own task: the acting organization must be one of the task's units.
    public async Task<SupervisionItemCreated> FileReportAsync(Guid taskId, FileReportRequest request, CancellationToken cancellationToken)
    {
        var task = await db.Set<PlanTask>().Include(t => t.Units).Include(t => t.Milestones).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new NotFoundException("The task");
        var acting = access.ActingOrganizationId;
        if (task.Units.All(u => u.OrganizationId != acting))
        {
            throw new ForbiddenException("Only the task's responsible units report on it.");
        }

        var validation = new Validation().Required("text", request.Text).MaxLength("text", request.Text, 4000);
        if (request.Percent is not { } percent || percent < 0 || percent > 100)
        {
            validation.Add("percent", "range", "The percentage is between 0 and 100.");
        }

        var sha = string.IsNullOrWhiteSpace(request.EvidenceSha256) ? null : request.EvidenceSha256.Trim();
        if (sha is not null && (!FileStore.IsSha256(sha) || !await db.Set<FileUpload>().AnyAsync(f => f.Sha256 == sha && f.UserId == access.UserId, cancellationToken)))
        {
            validation.Add("evidenceSha256", "unknown", "Upload the evidence with POST /api/v1/files first and give its sha256.");
        }

        var milestone = request.CompletedMilestoneId is { } milestoneId ? task.Milestones.FirstOrDefault(m => m.Id == milestoneId) : null;
        if (request.CompletedMilestoneId is not null && milestone is null)
        {
            validation.Add("completedMilestoneId", "unknown", "Not a milestone of this task.");
        }

        var kpis = (request.KpiCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToList();
        validation.MaxLength("kpiCodes", string.Join(';', kpis), 300);

        validation.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        var report = new ProgressReport
        {
            TaskId = task.Id,
            OrganizationId = acting,
            ReportedBy = access.UserId,
            ReportedAt = now,
            Text = request.Text!.Trim(),
            Percent = request.Percent!.Value,
            EvidenceSha256 = sha,
            KpiCodes = kpis.Count == 0 ? null : string.Join(';', kpis),
            CompletedMilestoneId = milestone?.Id,
        };
        if (milestone is { CompletedAt: null })
        {
            milestone.CompletedAt = now;
        }

        db.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return new SupervisionItemCreated(report.Id);
    }

    public async Task<SupervisionItemCreated> AddMilestoneAsync(Guid taskId, AddMilestoneRequest request, CancellationToken cancellationToken)
    {
        var task = await db.Set<PlanTask>().Include(t => t.Units).FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken) ?? throw new NotFoundException("The task");
        if (!await MayManageAsync(task, cancellationToken))
        {
            throw new ForbiddenException("Milestones are set by the task's lead unit or the admins who oversee it.");
        }

        var validation = new Validation().Required("title", request.Title).MaxLength("title", request.Title, 200);
        if (request.DueOn is null)
        {
            validation.Add("dueOn", "required", "Give the due date.");
        }

        validation.ThrowIfInvalid();
        var milestone = new Milestone { TaskId = task.Id, Title = request.Title!.Trim(), DueOn = request.DueOn!.Value };
        db.Add(milestone);
        await db.SaveChangesAsync(cancellationToken);
        return new SupervisionItemCreated(milestone.Id);
    }

    // 省、市协调推进: a city's part of a province task, with the city's agency (registered if new) responsible beside
    // the task's lead unit.
    public async Task<SupervisionItemCreated> AddSubTaskAsync(Guid taskId, AddSubTaskRequest request, CancellationToken cancellationToken)
    {
        await access.RequirePermissionAsync(SupervisionPermissions.OverseeTasks, Jurisdictions.Hebei, cancellationToken);
        var parent = await db.Set<PlanTask>().Include(t => t.Units).Include(t => t.Milestones).FirstOrDefaultAsync(t => t.Id == taskId && t.ParentId == null, cancellationToken)
            ?? throw new NotFoundException("The task");
        var validation = new Validation().Required("agencyName", request.AgencyName).MaxLength("agencyName", request.AgencyName, 100);
        var city = request.RegionCode?.Trim();
        if (city is not { Length: 4 } || !city.StartsWith(Jurisdictions.Hebei, StringComparison.Ordinal) || !await reference.RegionExistsAsync(city, cancellationToken))
        {
            validation.Add("regionCode", "city", "Choose a city of Hebei.");
        }

        validation.ThrowIfInvalid();
        if (await db.Set<PlanTask>().AnyAsync(t => t.ParentId == taskId && t.RegionCode == city, cancellationToken))
        {
            throw new ConflictException("subtask_exists", "The city already has its part of this task.");
        }

        var agencyName = request.AgencyName!.Trim();
        var ids = await agencies.EnsureAsync([new AgencySpec(agencyName, city + "00")], cancellationToken);
        var lead = parent.Units.First(u => u.Role == UnitRole.Lead);
        var sub = new PlanTask
        {
            ParentId = parent.Id,
            Number = parent.Number,
            SectionZh = parent.SectionZh,
            TitleZh = parent.TitleZh,
            TitleEn = parent.TitleEn,
            RegionCode = city,
            KpiCodes = parent.KpiCodes,
            SortOrder = parent.SortOrder,
            CreatedAt = clock.GetUtcNow(),
        };
        sub.Units.Add(new TaskUnit { OrganizationId = ids[agencyName], Role = UnitRole.Lead, NameInPlan = agencyName });
        if (lead.OrganizationId != ids[agencyName])
        {
            sub.Units.Add(new TaskUnit { OrganizationId = lead.OrganizationId, Role = UnitRole.CoResponsible, NameInPlan = lead.NameInPlan });
        }

        foreach (var milestone in parent.Milestones.Where(m => m.CompletedAt is null))
        {
            sub.Milestones.Add(new Milestone { Title = milestone.Title, DueOn = milestone.DueOn });
        }

        db.Add(sub);
        await db.SaveChangesAsync(cancellationToken);
        return new SupervisionItemCreated(sub.Id);
    }

    // The agencies that appear as responsible units, for the board's filter.
    public async Task<IReadOnlyList<(Guid Id, string Name)>> AgenciesAsync(CancellationToken cancellationToken)
    {
        var units = await db.Set<TaskUnit>().AsNoTracking().Select(u => new { u.OrganizationId, u.NameInPlan }).ToListAsync(cancellationToken);
        return units.GroupBy(u => u.OrganizationId).Select(g => (g.Key, g.First().NameInPlan)).OrderBy(u => u.NameInPlan, StringComparer.Ordinal).ToList();
    }

    public DateOnly Today() => DateOnly.FromDateTime(AdjustableClock.ToChina(clock.GetUtcNow()).DateTime);

    private async Task<List<PlanTask>> LoadAsync(CancellationToken cancellationToken) =>
        await db.Set<PlanTask>().AsNoTracking().AsSplitQuery().Include(t => t.Units).Include(t => t.Milestones)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.RegionCode).ToListAsync(cancellationToken);

    private async Task<List<TaskRow>> RowsAsync(List<PlanTask> tasks, CancellationToken cancellationToken)
    {
        var ids = tasks.Select(t => t.Id).ToList();
        var reports = await db.Set<ProgressReport>().AsNoTracking().Where(r => ids.Contains(r.TaskId))
            .Select(r => new { r.TaskId, r.ReportedAt, r.Percent, r.Text }).ToListAsync(cancellationToken);
        var last = reports.GroupBy(r => r.TaskId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ReportedAt).First());
        var regionNames = await reference.RegionNamesAsync(tasks.Where(t => t.RegionCode is not null).Select(t => t.RegionCode!), cancellationToken);
        var today = Today();
        return tasks.Select(t =>
        {
            var overdue = t.Milestones.Count(m => m.CompletedAt is null && m.DueOn < today);
            var report = last.GetValueOrDefault(t.Id);
            var status = t.Milestones.Count > 0 && t.Milestones.All(m => m.CompletedAt is not null) ? "done"
                : overdue > 0 ? "overdue"
                : report is not null ? "in-progress"
                : "not-started";
            return new TaskRow(t.Id, t.ParentId, t.Number, t.SectionZh, t.TitleZh, t.TitleEn, t.RegionCode,
                t.RegionCode is null ? null : regionNames.GetValueOrDefault(t.RegionCode, t.RegionCode),
                t.Units.OrderBy(u => u.Role).Select(u => new UnitView(u.OrganizationId, u.NameInPlan, u.Role == UnitRole.Lead ? "lead" : "co-responsible")).ToList(),
                status, overdue, t.Milestones.Where(m => m.CompletedAt is null).OrderBy(m => m.DueOn).Select(m => (DateOnly?)m.DueOn).FirstOrDefault(),
                report?.ReportedAt, report?.Percent, report?.Text, Codes(t.KpiCodes));
        }).ToList();
    }

    private static List<string> Codes(string? codes) => (codes ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();

    // The board is for those who oversee (admins holding the permission somewhere) and the responsible agencies.
    private async Task RequireViewerAsync(CancellationToken cancellationToken)
    {
        if ((await access.JurisdictionsWithAsync(SupervisionPermissions.OverseeTasks, cancellationToken)).Count > 0 || access.IsInRole(Roles.Auditor))
        {
            return;
        }

        var memberships = await organizations.MembershipsOfAsync(access.UserId, cancellationToken);
        if (!memberships.Any(m => m.Type == OrganizationType.GovernmentAgency && m.IsVerified))
        {
            throw new ForbiddenException("The supervision board is for the admins who oversee the plan and the responsible agencies.");
        }
    }

    private async Task<bool> IsUnitMemberAsync(PlanTask task, CancellationToken cancellationToken)
    {
        var memberships = await organizations.MembershipsOfAsync(access.UserId, cancellationToken);
        return memberships.Any(m => task.Units.Any(u => u.OrganizationId == m.Id));
    }

    private async Task<bool> MayManageAsync(PlanTask task, CancellationToken cancellationToken)
    {
        if (await access.HasPermissionAsync(SupervisionPermissions.OverseeTasks, task.RegionCode ?? Jurisdictions.Hebei, cancellationToken))
        {
            return true;
        }

        var lead = task.Units.FirstOrDefault(u => u.Role == UnitRole.Lead);
        if (lead is null)
        {
            return false;
        }

        var memberships = await organizations.MembershipsOfAsync(access.UserId, cancellationToken);
        return memberships.Any(m => m.Id == lead.OrganizationId);
    }
}
