using Microsoft.AspNetCore.Http.HttpResults;
using TechBridge.Modules.Vouchers.ApplyForVouchers;
using TechBridge.Modules.Vouchers.Ledger;
using TechBridge.Modules.Vouchers.ManagePrograms;
using TechBridge.Modules.Vouchers.RedeemVouchers;
using TechBridge.Modules.Vouchers.UseVouchers;

namespace TechBridge.Modules.Vouchers;

// /api/v1/vouchers: programs and agreements, applications and issuance, uses, redemptions, the ledger's verification.
// Endpoints bind, call the slice's handler and wrap its answer; the rules live in the handlers.
internal static class VoucherEndpoints
{
    private static RouteHandlerBuilder Documented(this RouteHandlerBuilder route, string name, string summary, params int[] problems)
    {
        route.WithName(name).WithSummary(summary).ProducesProblem(StatusCodes.Status401Unauthorized);
        foreach (var status in problems)
        {
            route.ProducesProblem(status);
        }

        return route;
    }

    public static RouteGroupBuilder MapVouchers(this RouteGroupBuilder group)
    {
        group.MapGet("/programs", async Task<Ok<IReadOnlyList<ProgramResponse>>> (bool? open, ProgramsHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(open ?? false, ct)))
            .Documented("ListVoucherPrograms", "Voucher programs with their rules in plain words (open=true: those accepting applications).");
        group.MapGet("/programs/{id:guid}", async Task<Ok<ProgramResponse>> (Guid id, ProgramsHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .Documented("GetVoucherProgram", "One program with its configuration and its rules in plain words.", 404);
        group.MapPost("/programs", async Task<Created<ProgramResponse>> (ProgramRequest request, ProgramsHandler h, CancellationToken ct) =>
            {
                var program = await h.CreateAsync(request, ct);
                return TypedResults.Created($"/api/v1/vouchers/programs/{program.Id}", program);
            })
            .Documented("CreateVoucherProgram", "An admin of the jurisdiction creates a draft program; every rule is validated on save.", 400, 403);
        group.MapPut("/programs/{id:guid}", async Task<Ok<ProgramResponse>> (Guid id, ProgramRequest request, ProgramsHandler h, CancellationToken ct) => TypedResults.Ok(await h.UpdateAsync(id, request, ct)))
            .Documented("UpdateVoucherProgram", "Changes a program's configuration (budget, jurisdiction and year only while a draft).", 400, 403, 404, 409);
        group.MapPost("/programs/{id:guid}/opening", async Task<Ok<ProgramResponse>> (Guid id, ProgramsHandler h, CancellationToken ct) => TypedResults.Ok(await h.OpenAsync(id, ct)))
            .Documented("OpenVoucherProgram", "Opens a draft program for applications and funds its budget in the ledger.", 403, 404, 409);
        group.MapPost("/programs/{id:guid}/closing", async Task<Ok<ProgramResponse>> (Guid id, ProgramsHandler h, CancellationToken ct) => TypedResults.Ok(await h.CloseAsync(id, ct)))
            .Documented("CloseVoucherProgram", "Closes an open program: no more applications or uses.", 403, 404, 409);
        group.MapGet("/agreements", async Task<Ok<IReadOnlyList<AgreementResponse>>> (ProgramsHandler h, CancellationToken ct) => TypedResults.Ok(await h.AgreementsAsync(ct)))
            .Documented("ListRecognitionAgreements", "Mutual-recognition agreements with their parties, dates and recognised providers.");
        group.MapPost("/agreements", async Task<Created<AgreementResponse>> (AgreementRequest request, ProgramsHandler h, CancellationToken ct) =>
            {
                var agreement = await h.CreateAgreementAsync(request, ct);
                return TypedResults.Created($"/api/v1/vouchers/agreements/{agreement.Id}", agreement);
            })
            .Documented("CreateRecognitionAgreement", "An admin of a party records a mutual-recognition agreement and its recognised providers.", 400, 403);

        group.MapGet("/programs/{id:guid}/eligibility", async Task<Ok<EligibilityResponse>> (Guid id, string? itemKind, Guid? itemId, ApplicationsHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.EligibilityAsync(id, new ApplicationRequest(null, null, itemKind, itemId), ct)))
            .Documented("CheckVoucherEligibility", "Each eligibility rule of the program for the acting organization, passed or not, explained.", 400, 404);
        group.MapPost("/programs/{id:guid}/applications", async Task<Created<ApplicationResponse>> (Guid id, ApplicationRequest request, ApplicationsHandler h, CancellationToken ct) =>
            {
                var application = await h.ApplyAsync(id, request, ct);
                return TypedResults.Created($"/api/v1/vouchers/applications/{application.Id}", application);
            })
            .Documented("ApplyForVoucher", "The acting enterprise applies; a failed eligibility rule is a 400 naming the rule.", 400, 403, 404);
        group.MapGet("/applications", async Task<Ok<IReadOnlyList<ApplicationResponse>>> (ApplicationsHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListMineAsync(ct)))
            .Documented("ListMyVoucherApplications", "The acting organization's applications.", 400);
        group.MapGet("/applications/queue", async Task<Ok<IReadOnlyList<ApplicationResponse>>> (ApplicationsHandler h, CancellationToken ct) => TypedResults.Ok(await h.QueueAsync(ct)))
            .Documented("ListVoucherApplicationQueue", "Submitted applications of enterprises in the admin's jurisdictions.", 403);
        group.MapPost("/applications/{id:guid}/decision", async Task<Ok<ApplicationResponse>> (Guid id, DecisionRequest request, ApplicationsHandler h, CancellationToken ct) => TypedResults.Ok(await h.DecideAsync(id, request, ct)))
            .Documented("DecideVoucherApplication", "An admin approves (issuing the voucher: budget → voucher) or rejects with a reason.", 400, 403, 404, 409);
        group.MapGet("/issued", async Task<Ok<IReadOnlyList<VoucherResponse>>> (ApplicationsHandler h, CancellationToken ct) => TypedResults.Ok(await h.MyVouchersAsync(ct)))
            .Documented("ListMyVouchers", "The acting enterprise's vouchers: quota, available, reserved, used, expiry.", 400);

        group.MapPost("/issued/{voucherId:guid}/uses", async Task<Created<UseResponse>> (Guid voucherId, UseRequest request, UsesHandler h, CancellationToken ct) =>
            {
                var use = await h.ReserveAsync(voucherId, request, ct);
                return TypedResults.Created($"/api/v1/vouchers/uses/{use.Id}", use);
            })
            .Documented("ReserveVoucherUse", "The enterprise uses a voucher on an order with an accepted provider: the formula's amount is reserved.", 400, 403, 404, 409, 503);
        group.MapGet("/uses", async Task<Ok<IReadOnlyList<UseResponse>>> (string? state, UsesHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(state, ct)))
            .Documented("ListVoucherUses", "The acting organization's voucher uses; state=redeemable: those whose redemption it may request now.", 400);
        group.MapGet("/uses/{id:guid}", async Task<Ok<UseResponse>> (Guid id, UsesHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .Documented("GetVoucherUse", "One voucher use (its parties and reviewers).", 404);
        group.MapPost("/uses/{id:guid}/cancellation", async Task<Ok<UseResponse>> (Guid id, UsesHandler h, CancellationToken ct) => TypedResults.Ok(await h.CancelAsync(id, ct)))
            .Documented("CancelVoucherUse", "The enterprise cancels a use before redemption: the reservation is voided.", 403, 404, 409, 503);
        group.MapPost("/uses/{id:guid}/evidence", async Task<Ok<UseResponse>> (Guid id, EvidenceItem request, UsesHandler h, CancellationToken ct) => TypedResults.Ok(await h.AddEvidenceAsync(id, request, ct)))
            .Documented("AddVoucherEvidence", "Attaches a contract, invoice or payment proof (an uploaded file's sha256) to a use.", 400, 403, 404, 409);
        group.MapPost("/uses/{id:guid}/redemptions", async Task<Created<RedemptionResponse>> (Guid id, RedemptionRequest? request, RedemptionsHandler h, CancellationToken ct) =>
            {
                var redemption = await h.RequestAsync(id, request ?? new RedemptionRequest(null), ct);
                return TypedResults.Created($"/api/v1/vouchers/redemptions/{redemption.Id}", redemption);
            })
            .Documented("RequestVoucherRedemption", "The party the mode names asks for redemption: 201, 409 when one exists, 400 naming the rule otherwise.", 400, 403, 404, 409, 503);

        group.MapGet("/redemptions", async Task<Ok<IReadOnlyList<RedemptionResponse>>> (string? status, RedemptionsHandler h, CancellationToken ct) => TypedResults.Ok(await h.QueueAsync(status, ct)))
            .Documented("ListVoucherRedemptions", "Admin queues: requested (first review), reviewed (four-eyes posting, with the first decision), posted.", 400, 403);
        group.MapGet("/redemptions/{id:guid}", async Task<Ok<RedemptionResponse>> (Guid id, RedemptionsHandler h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)))
            .Documented("GetVoucherRedemption", "One redemption with its decisions.", 403, 404);
        group.MapPost("/redemptions/{id:guid}/review", async Task<Ok<RedemptionResponse>> (Guid id, ReviewRequest request, RedemptionsHandler h, CancellationToken ct) => TypedResults.Ok(await h.ReviewAsync(id, request, ct)))
            .Documented("ReviewVoucherRedemption", "The first admin approves a redemption for posting or rejects it with a reason.", 400, 403, 404, 409);
        group.MapPost("/redemptions/{id:guid}/posting", async Task<Ok<RedemptionResponse>> (Guid id, RedemptionsHandler h, CancellationToken ct) => TypedResults.Ok(await h.PostAsync(id, ct)))
            .Documented("PostVoucherRedemption", "A second, different admin posts the reviewed redemption: reserved → payable (four eyes).", 403, 404, 409, 503);
        group.MapPost("/redemptions/{id:guid}/reversal", async Task<Ok<RedemptionResponse>> (Guid id, ReversalRequest request, RedemptionsHandler h, CancellationToken ct) => TypedResults.Ok(await h.ReverseAsync(id, request, ct)))
            .Documented("ReverseVoucherRedemption", "Corrects a posted redemption by a reversing transfer with a reason; nothing is edited.", 400, 403, 404, 409, 503);

        group.MapGet("/ledger/verify", async Task<Ok<LedgerVerification>> (VerifyLedgerHandler h, CancellationToken ct) => TypedResults.Ok(await h.VerifyAsync(ct)))
            .Documented("VerifyVoucherLedger", "Recomputes every balance from the entries, the hash chain and the resolutions of reservations (auditor, province admins).", 403);
        return group;
    }
}
