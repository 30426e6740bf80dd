using TechBridge.Modules.Directory.Contracts;
using TechBridge.Modules.Directory.Data;

namespace TechBridge.Modules.Directory.GetOrganization;

internal sealed record PublicBranch(string Name, string RegionCode);

internal sealed record PublicRecognition(string KindCode, string Level, string Authority, string CertificateNumber, DateOnly IssuedOn, DateOnly? ValidUntil, bool Valid);

// An organization as anyone may see it: registration facts that are public anyway (name, credit code, region,
// sectors, industry, founding date), its branches, confirmed recognitions with validity, and its admission.
// No contact person, phone, e-mail, legal representative or evidence file (PIPL): those stay on the members' page.
internal sealed record PublicProfile(
    Guid Id, string Kind, string LegalName, string? CreditCode, string RegionCode, string? IndustryCode, DateOnly? EstablishedOn,
    IReadOnlyList<string> Sectors, IReadOnlyList<PublicBranch> Branches, IReadOnlyList<PublicRecognition> Recognitions,
    bool AdmittedInstitution, DateTimeOffset? AdmittedAt, bool CallerSeesRegistration);

// The public profile of a verified organization (404 for one that is not verified, unless the caller is a member or
// an admin who may see its registration, who then reads the same profile).
internal sealed class PublicProfileHandler(PlatformDbContext db, IAccess access, ActorContext actor, TimeProvider clock)
{
    public async Task<PublicProfile> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var o = await db.Set<Organization>().AsNoTracking().Include(x => x.Sectors).Include(x => x.Branches).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw new NotFoundException("The organization");
        var seesRegistration = await SeesRegistrationAsync(o, cancellationToken);
        if (o.Verification != VerificationStatus.Verified && !seesRegistration)
        {
            throw new NotFoundException("The organization");
        }

        var today = DateOnly.FromDateTime(Platform.Time.AdjustableClock.ToChina(clock.GetUtcNow()).Date);
        var recognitions = await db.Set<Recognition>().AsNoTracking().Where(r => r.OrganizationId == id && r.Status == RecognitionStatus.Confirmed)
            .ToListAsync(cancellationToken);
        var admission = await db.Set<InstitutionApplication>().AsNoTracking().Where(a => a.OrganizationId == id && a.State == InstitutionState.Approved)
            .OrderByDescending(a => a.SubmittedAt).Select(a => new { a.DecidedAt }).FirstOrDefaultAsync(cancellationToken);
        return new PublicProfile(o.Id, o.Kind.ToString(), o.LegalName, o.CreditCode, o.RegionCode, o.IndustryCode, o.EstablishedOn,
            o.Sectors.Select(s => s.SectorCode).Order(StringComparer.Ordinal).ToList(),
            o.Branches.OrderBy(b => b.Name, StringComparer.Ordinal).Select(b => new PublicBranch(b.Name, b.RegionCode)).ToList(),
            recognitions.OrderBy(r => r.KindCode, StringComparer.Ordinal).ThenByDescending(r => r.IssuedOn)
                .Select(r => new PublicRecognition(r.KindCode, r.Level.ToString(), r.Authority, r.CertificateNumber, r.IssuedOn, r.ValidUntil, r.ValidUntil is null || r.ValidUntil >= today))
                .ToList(),
            admission is not null, admission?.DecidedAt, seesRegistration);
    }

    private async Task<bool> SeesRegistrationAsync(Organization o, CancellationToken cancellationToken)
    {
        if (actor.UserId is not { } userId)
        {
            return false;
        }

        return await db.Set<Membership>().AnyAsync(m => m.OrganizationId == o.Id && m.UserId == userId, cancellationToken)
            || await access.HasPermissionAsync(DirectoryPermissions.VerifyOrganizations, o.RegionCode, cancellationToken);
    }
}
