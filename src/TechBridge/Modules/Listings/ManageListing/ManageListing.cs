using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Listings.ChangeListingStatus;
using TechBridge.Modules.Listings.Data;

namespace TechBridge.Modules.Listings.ManageListing;

// Writing and reading one listing of any kind: create and edit (draft or rejected) for the acting organization, with
// the kind's rules; read with the visibility rules (published for everyone, the rest for the owner's members and the
// reviewing admins). The API and the pages both come through here.
internal sealed class ManageListingHandler(ListingLifecycle lifecycle, ListingViewer viewer, IAccess access, IOrganizationFacts facts, IReferenceData reference)
{
    private static readonly ListingView Own = new(SeesIdentity: true, InList: false);

    // submit: save and submit for review in one transaction (the pages' "save and submit").
    public async Task<TResponse> CreateAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, TRequest request, bool submit, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        _ = access.UserId;
        var owner = await facts.FindAsync(access.ActingOrganizationId, cancellationToken) ?? throw new NotFoundException("The organization");
        kind.RequirePoster(owner);
        var listing = kind.New(owner, lifecycle.Now());
        await ApplyAsync(kind, listing, request, owner, cancellationToken);
        lifecycle.Db.Add(listing);
        if (submit)
        {
            lifecycle.Submit(listing);
            await lifecycle.NotifyAsync(listing, cancellationToken);
        }

        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return kind.ToResponse(listing, owner, Own);
    }

    public async Task<TResponse> UpdateAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, Guid id, TRequest request, bool submit, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var listing = await lifecycle.LoadOwnedAsync<TEntity>(kind.Kind, id, cancellationToken);
        ListingLifecycle.RequireEditable(listing);
        var owner = await facts.FindAsync(listing.OrganizationId, cancellationToken) ?? throw new NotFoundException("The organization");
        await ApplyAsync(kind, listing, request, owner, cancellationToken);
        if (submit)
        {
            lifecycle.Submit(listing);
            await lifecycle.NotifyAsync(listing, cancellationToken);
        }

        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return kind.ToResponse(listing, owner, Own);
    }

    // Create (id null) or update, as the edit page saves.
    public Task<TResponse> SaveAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, Guid? id, TRequest request, bool submit, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse =>
        id is { } existing ? UpdateAsync(kind, existing, request, submit, cancellationToken) : CreateAsync(kind, request, submit, cancellationToken);

    // The listing as its owner edits it: 404 unless the caller acts for the owning organization.
    public async Task<TResponse> GetOwnedAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, Guid id, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var listing = await lifecycle.LoadOwnedAsync<TEntity>(kind.Kind, id, cancellationToken);
        return kind.ToResponse(listing, await facts.FindAsync(listing.OrganizationId, cancellationToken), Own);
    }

    public async Task<TResponse> GetAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, Guid id, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse =>
        (await ReadAsync(kind, id, cancellationToken)).Response;

    // For the detail page, which takes the kind as a string.
    public async Task<ListingDetail> DetailAsync(string? kindName, Guid id, CancellationToken cancellationToken) =>
        ListingKinds.Find(kindName) is { } kind
            ? await kind.DetailAsync(this, id, cancellationToken)
            : throw new NotFoundException("The listing");

    public async Task<ListingDetail> DetailAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, Guid id, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var (listing, response) = await ReadAsync(kind, id, cancellationToken);
        return new ListingDetail(kind.Name, listing.Id, listing.OrganizationId, listing.Status == ListingStatus.Published,
            await viewer.IsMemberAsync(listing.OrganizationId, cancellationToken), response!);
    }

    // Makes the enterprise behind an anonymous demand visible to everyone (owner).
    public async Task<DemandResponse> RevealAsync(Guid id, CancellationToken cancellationToken)
    {
        var demand = await lifecycle.LoadOwnedAsync<TechnologyDemand>(ListingKind.Demand, id, cancellationToken);
        if (!demand.IdentityHidden)
        {
            throw new ConflictException("not_anonymous", "The demand's enterprise is already shown.");
        }

        demand.IdentityRevealedAt = lifecycle.Now();
        lifecycle.Touch(demand);
        if (demand.Status == ListingStatus.Published)
        {
            lifecycle.Announce(demand, ListingChange.Updated);
        }

        await lifecycle.Db.SaveChangesAsync(cancellationToken);
        return ListingKinds.Demand.ToResponse(demand, await facts.FindAsync(demand.OrganizationId, cancellationToken), Own);
    }

    private async Task<(TEntity Listing, TResponse Response)> ReadAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, Guid id, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        if (await kind.FindAsync(lifecycle.Db, id, tracking: false, cancellationToken) is not TEntity listing || !await viewer.SeesAsync(listing, cancellationToken))
        {
            throw new NotFoundException($"The {kind.Name}");
        }

        var sees = await viewer.SeesIdentityAsync(listing, cancellationToken);
        var owner = sees ? await facts.FindAsync(listing.OrganizationId, cancellationToken) : null;
        return (listing, kind.ToResponse(listing, owner, new ListingView(sees, InList: false)));
    }

    private async Task ApplyAsync<TEntity, TRequest, TResponse>(ListingKindDefinition<TEntity, TRequest, TResponse> kind, TEntity listing, TRequest request, OrganizationFacts owner, CancellationToken cancellationToken)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var context = new ListingEditContext(owner, reference, lifecycle.Now());
        (await kind.ValidateAsync(request, listing, context, cancellationToken)).ThrowIfInvalid();
        kind.Apply(listing, request, context);
        lifecycle.Touch(listing);
    }
}

// /api/v1/{offerings|demands|achievements}: create, edit, read, list and export, the same five routes for each kind.
internal static class ManageListingEndpoints
{
    public static RouteGroupBuilder MapManageListing<TEntity, TRequest, TResponse>(this RouteGroupBuilder group, ListingKindDefinition<TEntity, TRequest, TResponse> kind)
        where TEntity : Listing
        where TResponse : IListingResponse
    {
        var text = kind.ApiText;
        // The route-handler analyzer throws on lambdas over a generic method's type parameters (AD0001, in some
        // builds only): the handlers go to Map* as Delegate values, which it leaves alone.
        Delegate create = async Task<Created<TResponse>> (TRequest request, ManageListingHandler handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(kind, request, submit: false, ct);
            return TypedResults.Created($"/api/v1/{kind.Plural}/{created.Id}", created);
        };
        Delegate update = async Task<Ok<TResponse>> (Guid id, TRequest request, ManageListingHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.UpdateAsync(kind, id, request, submit: false, ct));
        Delegate get = async Task<Ok<TResponse>> (Guid id, ManageListingHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.GetAsync(kind, id, ct));
        Delegate list = async Task<Ok<ListListings.ListingPage<TResponse>>> ([AsParameters] ListListings.ListingFilter filter, ListListings.ListListingsHandler lists, CancellationToken ct) =>
            TypedResults.Ok(await lists.ListAsync(kind, filter, ct));
        Delegate export = async Task<FileContentHttpResult> ([AsParameters] ListListings.ListingFilter filter, ListListings.ListListingsHandler lists, CancellationToken ct) =>
            TypedResults.File(await lists.ExportAsync(kind, filter, ct), "text/csv; charset=utf-8", $"{kind.Plural}.csv");
        Delegate exportXlsx = async Task<IResult> ([AsParameters] ListListings.ListingFilter filter, ListListings.ExportListingsHandler exports, CancellationToken ct) =>
            Platform.Files.TableExport.File((await exports.TableAsync(kind.Name, filter, ct)).Table, "xlsx", kind.Plural);

        group.MapPost("/", create)
            .WithName($"Create{kind.RouteName}")
            .WithSummary(text.Create)
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", update)
            .WithName($"Update{kind.RouteName}")
            .WithSummary($"Edits a draft or rejected {kind.Name} (members of the owning organization acting for it).")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}", get)
            .WithName($"Get{kind.RouteName}")
            .WithSummary(text.Get)
            .AllowAnonymous()
            .ProducesProblems(StatusCodes.Status404NotFound);
        group.MapGet("/", list)
            .WithName($"List{kind.RouteName}s")
            .WithSummary(text.List)
            .AllowAnonymous()
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/export.csv", export)
            .WithName($"Export{kind.RouteName}s")
            .WithSummary(text.Export)
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        group.MapGet("/export.xlsx", exportXlsx)
            .WithName($"Export{kind.RouteName}sXlsx")
            .WithSummary($"The same published {kind.Plural} as an Excel workbook for people: headers in the request's language (?culture= or Accept-Language), names instead of codes.")
            .AllowAnonymous()
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .ProducesProblems(StatusCodes.Status400BadRequest);
        return group;
    }

    public static RouteGroupBuilder MapRevealDemand(this RouteGroupBuilder demands)
    {
        demands.MapPost("/{id:guid}/reveal", async Task<Ok<DemandResponse>> (Guid id, ManageListingHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RevealAsync(id, ct)))
            .WithName("RevealDemandIdentity")
            .WithSummary("Reveals the enterprise behind an anonymous demand to everyone (owner).")
            .RequireAuthorization()
            .ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return demands;
    }

}
