using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.Directory.ManageUsers;

internal sealed record RoleRequest(string? Role);

internal sealed record GrantRequest(string? Permission, string? Jurisdiction);

// /api/v1/admin/users: account administration for the system admin only; the auditor reads it (and, as everywhere,
// writes nothing: AuditorReadOnly).
internal static class ManageUsersEndpoints
{
    public static RouteGroupBuilder MapManageUsers(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/users").WithTags("Account administration")
            .RequireAuthorization(policy => policy.RequireRole(Roles.SystemAdmin, Roles.Auditor))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        admin.MapGet("/", async (string? name, string? role, ManageUsersHandler users, CancellationToken ct) =>
                TypedResults.Ok(await users.ListAsync(name, role, ct)))
            .WithName("ListUsers")
            .WithSummary($"Lists users (at most {ManageUsersHandler.PageSize}), filtered by name and role; e-mail and phone masked.");
        admin.MapGet("/export.csv", async (string? name, string? role, ManageUsersHandler users, CancellationToken ct) =>
                TypedResults.Text(await users.ExportCsvAsync(name, role, ct), "text/csv; charset=utf-8"))
            .WithName("ExportUsers")
            .WithSummary("The user list as CSV (masked); the export is audited.");
        admin.MapGet("/export.xlsx", async (string? name, string? role, ManageUsersHandler users, CancellationToken ct) =>
                TableExport.File(await users.ExportTableAsync(name, role, ct), "xlsx", "users"))
            .WithName("ExportUsersXlsx")
            .WithSummary("The user list as an Excel workbook for people: headers in the reader's language, roles as words (masked); audited.");
        admin.MapGet("/{id:guid}", async (Guid id, ManageUsersHandler users, CancellationToken ct) =>
                TypedResults.Ok(await users.GetAsync(id, ct)))
            .WithName("GetUser")
            .WithSummary("One user's detail with roles and admin grants, contact data unmasked.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{id:guid}/roles", async Task<NoContent> (Guid id, RoleRequest request, ManageUsersHandler users) =>
            {
                await users.AddRoleAsync(id, request.Role);
                return TypedResults.NoContent();
            })
            .WithName("AddUserRole")
            .WithSummary("Gives the user a platform role.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/{id:guid}/roles/{role}", async Task<NoContent> (Guid id, string role, ManageUsersHandler users, IAccess access) =>
            {
                await users.RemoveRoleAsync(id, role, access.UserId);
                return TypedResults.NoContent();
            })
            .WithName("RemoveUserRole")
            .WithSummary("Takes a platform role away from the user (not the system admin role from oneself).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/grants", async Task<NoContent> (Guid id, GrantRequest request, ManageUsersHandler users, CancellationToken ct) =>
            {
                await users.GrantAsync(id, request.Permission, request.Jurisdiction, ct);
                return TypedResults.NoContent();
            })
            .WithName("GrantAdminPermission")
            .WithSummary("Grants an admin permission for a jurisdiction (and everything below it).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/{id:guid}/grants", async Task<NoContent> (Guid id, string? permission, string? jurisdiction, ManageUsersHandler users, CancellationToken ct) =>
            {
                await users.RevokeAsync(id, permission, jurisdiction, ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeAdminPermission")
            .WithSummary("Revokes an admin permission for a jurisdiction (query: permission, jurisdiction).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{id:guid}/lock", async Task<NoContent> (Guid id, ManageUsersHandler users, IAccess access) =>
            {
                await users.LockAsync(id, access.UserId);
                return TypedResults.NoContent();
            })
            .WithName("LockUser")
            .WithSummary("Locks the account until unlocked; its bearer tokens stop working.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/unlock", async Task<NoContent> (Guid id, ManageUsersHandler users) =>
            {
                await users.UnlockAsync(id);
                return TypedResults.NoContent();
            })
            .WithName("UnlockUser")
            .WithSummary("Unlocks the account and clears its failed attempts.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{id:guid}/reset-totp", async Task<NoContent> (Guid id, ManageUsersHandler users) =>
            {
                await users.ResetTotpAsync(id);
                return TypedResults.NoContent();
            })
            .WithName("ResetUserTotp")
            .WithSummary("Switches TOTP off and discards the authenticator key (lost device); admin roles must enrol again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
