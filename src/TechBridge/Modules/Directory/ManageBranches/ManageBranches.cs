using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;
using TechBridge.Modules.Directory.GetOrganization;

namespace TechBridge.Modules.Directory.ManageBranches;

internal sealed record AddBranchRequest(string? Name, string? RegionCode, string? Address);

// 分支机构 / 服务窗口: owners add and remove branches, each in a county-level region.
internal static class ManageBranchesEndpoints
{
    public static RouteGroupBuilder MapManageBranches(this RouteGroupBuilder organizations)
    {
        organizations.MapPost("/{id:guid}/branches", async Task<Created<BranchView>> (Guid id, AddBranchRequest request, ManageBranchesHandler handler, CancellationToken ct) =>
            {
                var branch = await handler.AddAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/organizations/{id}/branches/{branch.Id}", branch);
            })
            .WithName("AddBranch")
            .WithSummary("Adds a branch or service window in a county-level region (owners only).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        organizations.MapDelete("/{id:guid}/branches/{branchId:guid}", async Task<NoContent> (Guid id, Guid branchId, ManageBranchesHandler handler, CancellationToken ct) =>
            {
                await handler.RemoveAsync(id, branchId, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveBranch")
            .WithSummary("Removes a branch (owners only).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return organizations;
    }
}

// The branch changes the API and the organization page share; owners only.
internal sealed class ManageBranchesHandler(PlatformDbContext db, IAccess access, IReferenceData regions)
{
    public async Task<BranchView> AddAsync(Guid id, AddBranchRequest request, CancellationToken ct)
    {
        await access.RequireMemberAsync(id, ownerOnly: true, ct);
        var validation = new Validation().Required("name", request.Name).MaxLength("name", request.Name, 200)
            .Required("regionCode", request.RegionCode).MaxLength("address", request.Address, 300);
        if (request.RegionCode is { Length: > 0 } region && !await regions.IsCountyLevelAsync(region, ct))
        {
            validation.Add("regionCode", "countyRegion", "regionCode must be an existing county-level region (6 digits).");
        }

        validation.ThrowIfInvalid();
        var branch = new Branch { OrganizationId = id, Name = request.Name!.Trim(), RegionCode = request.RegionCode!, Address = request.Address?.Trim() };
        db.Add(branch);
        await db.SaveChangesAsync(ct);
        return new BranchView(branch.Id, branch.Name, branch.RegionCode, branch.Address);
    }

    public async Task RemoveAsync(Guid id, Guid branchId, CancellationToken ct)
    {
        await access.RequireMemberAsync(id, ownerOnly: true, ct);
        var branch = await db.Set<Branch>().FirstOrDefaultAsync(b => b.Id == branchId && b.OrganizationId == id, ct)
            ?? throw new NotFoundException("The branch");
        db.Remove(branch);
        await db.SaveChangesAsync(ct);
    }
}
