using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.TechMarket.Data;
using TechBridge.Platform.Files;

namespace TechBridge.Modules.TechMarket.Deals;

// SourceKind: engagement, order, achievement, demand or direct; OurSide: seller or buyer (the acting organization).
internal sealed record DealRequest(string? SourceKind, Guid? SourceId, string? Title, Guid? CounterpartOrganizationId, string? OurSide);

internal sealed record TermsRequest(string? Terms, long? TotalFen);

internal sealed record SignRequest(string? ContractFileSha256);

internal sealed record DealResponse(
    Guid Id,
    string SourceKind,
    Guid? SourceId,
    string Title,
    Guid SellerOrganizationId,
    string SellerName,
    Guid BuyerOrganizationId,
    string BuyerName,
    string Status,
    string? AgreedTerms,
    long? AgreedTotalFen,
    string? ContractFileSha256,
    Guid? ContractId,
    string YourSide,
    DateTimeOffset CreatedAt);

// Deals between two organizations on the platform: negotiating → agreed terms → signed contract uploaded → the
// registration application (RegisterContractsHandler with the deal's id) marks it applied.
internal sealed class DealsHandler(PlatformDbContext db, IAccess access, IOrganizationFacts facts, TimeProvider clock)
{
    public static readonly string[] SourceKinds = ["engagement", "order", "achievement", "demand", "direct"];

    public async Task<DealResponse> CreateAsync(DealRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("title", request.Title).MaxLength("title", request.Title, 200);
        if (!SourceKinds.Contains(request.SourceKind))
        {
            validation.Add("sourceKind", "unknown", "A deal comes from an engagement, an order, an achievement, a demand, or is direct.");
        }
        else if (request.SourceKind != "direct" && request.SourceId is null)
        {
            validation.Add("sourceId", "required", "Name the engagement, order or listing the deal comes from.");
        }

        if (request.OurSide is not ("seller" or "buyer"))
        {
            validation.Add("ourSide", "unknown", "Say whether your organization sells or buys the technology.");
        }

        if (request.CounterpartOrganizationId is null)
        {
            validation.Add("counterpartOrganizationId", "required", "Name the other party.");
        }

        validation.ThrowIfInvalid();
        var acting = await access.RequireVerifiedActingOrganizationAsync(cancellationToken);
        var counterpart = await facts.FindAsync(request.CounterpartOrganizationId!.Value, cancellationToken);
        if (counterpart is null || counterpart.Id == acting)
        {
            throw InvalidRequestException.For("counterpartOrganizationId", "unknown", "The other party is another registered organization.");
        }

        var now = clock.GetUtcNow();
        var deal = new Deal
        {
            SourceKind = request.SourceKind!,
            SourceId = request.SourceKind == "direct" ? null : request.SourceId,
            Title = request.Title!.Trim(),
            SellerOrganizationId = request.OurSide == "seller" ? acting : counterpart.Id,
            BuyerOrganizationId = request.OurSide == "seller" ? counterpart.Id : acting,
            CreatedByUserId = access.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(deal);
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(deal, request.OurSide!, cancellationToken);
    }

    public async Task<IReadOnlyList<DealResponse>> ListMineAsync(CancellationToken cancellationToken)
    {
        var mine = (await facts.MembershipsOfAsync(access.UserId, cancellationToken)).Select(m => m.Id).ToList();
        var deals = await db.Set<Deal>().AsNoTracking().Where(d => mine.Contains(d.SellerOrganizationId) || mine.Contains(d.BuyerOrganizationId))
            .OrderByDescending(d => d.UpdatedAt).Take(200).ToListAsync(cancellationToken);
        var names = await facts.FindManyAsync(deals.SelectMany(d => new[] { d.SellerOrganizationId, d.BuyerOrganizationId }).Distinct().ToList(), cancellationToken);
        return deals.Select(d => ToResponse(d, mine.Contains(d.SellerOrganizationId) ? "seller" : "buyer", names)).ToList();
    }

    public async Task<DealResponse> AgreeAsync(Guid id, TermsRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().Required("terms", request.Terms).MaxLength("terms", request.Terms, 4000);
        if (request.TotalFen is not > 0)
        {
            validation.Add("totalFen", "positive", "The agreed price is more than zero.");
        }

        validation.ThrowIfInvalid();
        var (deal, side) = await LoadAsync(id, cancellationToken);
        Transition(deal, DealStatus.Agreed, DealStatus.Negotiating);
        deal.AgreedTerms = request.Terms!.Trim();
        deal.AgreedTotalFen = request.TotalFen;
        return await SaveAsync(deal, side, cancellationToken);
    }

    public async Task<DealResponse> SignAsync(Guid id, SignRequest request, CancellationToken cancellationToken)
    {
        var sha = request.ContractFileSha256?.Trim().ToLowerInvariant();
        if (!FileStore.IsSha256(sha) || !await db.Set<FileUpload>().AnyAsync(f => f.Sha256 == sha && f.UserId == access.UserId, cancellationToken))
        {
            throw InvalidRequestException.For("contractFileSha256", "unknown", "Upload the signed contract with POST /api/v1/files first and give its sha256.");
        }

        var (deal, side) = await LoadAsync(id, cancellationToken);
        Transition(deal, DealStatus.Signed, DealStatus.Agreed);
        deal.ContractFileSha256 = sha;
        return await SaveAsync(deal, side, cancellationToken);
    }

    private async Task<(Deal Deal, string Side)> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var deal = await db.Set<Deal>().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException("The deal");
        var mine = (await facts.MembershipsOfAsync(access.UserId, cancellationToken)).Select(m => m.Id).ToHashSet();
        return mine.Contains(deal.SellerOrganizationId) ? (deal, "seller") : mine.Contains(deal.BuyerOrganizationId) ? (deal, "buyer") : throw new NotFoundException("The deal");
    }

    private async Task<DealResponse> SaveAsync(Deal deal, string side, CancellationToken cancellationToken)
    {
        deal.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return await ToResponseAsync(deal, side, cancellationToken);
    }

    // Status is the concurrency token: a racing step → 409.
    private static void Transition(Deal deal, DealStatus to, DealStatus from)
    {
        if (deal.Status != from)
        {
            throw new ConflictException("transition_not_allowed", $"A deal that is {Name(deal.Status)} cannot become {Name(to)}.");
        }

        deal.Status = to;
    }

    public static string Name(DealStatus status) => status switch
    {
        DealStatus.Negotiating => "negotiating",
        DealStatus.Agreed => "agreed",
        DealStatus.Signed => "signed",
        _ => "applied",
    };

    private async Task<DealResponse> ToResponseAsync(Deal deal, string side, CancellationToken cancellationToken) =>
        ToResponse(deal, side, await facts.FindManyAsync([deal.SellerOrganizationId, deal.BuyerOrganizationId], cancellationToken));

    private static DealResponse ToResponse(Deal d, string side, IReadOnlyDictionary<Guid, OrganizationFacts> names) => new(
        d.Id, d.SourceKind, d.SourceId, d.Title, d.SellerOrganizationId, names.GetValueOrDefault(d.SellerOrganizationId)?.LegalName ?? "",
        d.BuyerOrganizationId, names.GetValueOrDefault(d.BuyerOrganizationId)?.LegalName ?? "", Name(d.Status), d.AgreedTerms, d.AgreedTotalFen,
        d.ContractFileSha256, d.ContractId, side, d.CreatedAt);
}

internal static class DealEndpoints
{
    public static RouteGroupBuilder MapDeals(this RouteGroupBuilder group)
    {
        group.MapPost("/deals", async Task<Created<DealResponse>> (DealRequest request, DealsHandler deals, CancellationToken ct) =>
            {
                var deal = await deals.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/techmarket/deals/{deal.Id}", deal);
            })
            .WithName("CreateDeal")
            .WithSummary("Opens a technology deal with another organization, from an engagement, order, achievement or demand, or directly.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/deals", async Task<Ok<IReadOnlyList<DealResponse>>> (DealsHandler deals, CancellationToken ct) => TypedResults.Ok(await deals.ListMineAsync(ct)))
            .WithName("ListMyDeals")
            .WithSummary("Deals of the caller's organizations.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/deals/{id:guid}/terms", async Task<Ok<DealResponse>> (Guid id, TermsRequest request, DealsHandler deals, CancellationToken ct) => TypedResults.Ok(await deals.AgreeAsync(id, request, ct)))
            .WithName("AgreeDealTerms")
            .WithSummary("A party records the agreed terms and price.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/deals/{id:guid}/contract", async Task<Ok<DealResponse>> (Guid id, SignRequest request, DealsHandler deals, CancellationToken ct) => TypedResults.Ok(await deals.SignAsync(id, request, ct)))
            .WithName("SignDeal")
            .WithSummary("A party uploads the signed written contract (its sha256 from POST /api/v1/files).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }
}
