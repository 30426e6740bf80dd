namespace TechBridge.Modules.Instruments.Data;

// What EF cannot declare: the rule that two active bookings (requested, approved, in use) of one instrument never
// overlap, enforced by the database itself so that no race and no direct SQL insert gets past it. PostgreSQL: an
// exclusion constraint over the half-open range [StartsAt, EndsAt) (btree_gist for the uuid equality). SQLite: triggers
// on insert and update (instants are UTC ticks there, so plain integer comparison is the half-open overlap). Runs after
// every migration; each statement is idempotent, because the one pre-release migration is regenerated (ADR 3).
internal sealed class InstrumentsDatabaseObjects(PlatformDbContext db) : IStartupDataLoader
{
    public const string OverlapConstraint = "EX_Instruments_Bookings_NoOverlap";

    // The message of the SQLite trigger's RAISE; the handler recognises the refusal by it.
    public const string OverlapMessage = "instrument_booking_overlap";

    private const string SqliteOverlap =
        "SELECT RAISE(ABORT, '" + OverlapMessage + "') WHERE EXISTS (SELECT 1 FROM \"Instruments_Bookings\" AS b " +
        "WHERE b.\"InstrumentId\" = NEW.\"InstrumentId\" AND b.\"Id\" <> NEW.\"Id\" AND b.\"Status\" IN (1, 2, 3) " +
        "AND b.\"StartsAt\" < NEW.\"EndsAt\" AND NEW.\"StartsAt\" < b.\"EndsAt\");";

    public int Order => 50;

    public async Task LoadAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS btree_gist;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                $"""
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = '{OverlapConstraint}') THEN
                        ALTER TABLE "Instruments_Bookings" ADD CONSTRAINT "{OverlapConstraint}"
                            EXCLUDE USING gist ("InstrumentId" WITH =, tstzrange("StartsAt", "EndsAt", '[)') WITH &&)
                            WHERE ("Status" IN (1, 2, 3));
                    END IF;
                END $$;
                """, cancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER IF NOT EXISTS \"TR_Instruments_Bookings_NoOverlap_Insert\" BEFORE INSERT ON \"Instruments_Bookings\" " +
                "WHEN NEW.\"Status\" IN (1, 2, 3) BEGIN " + SqliteOverlap + " END;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER IF NOT EXISTS \"TR_Instruments_Bookings_NoOverlap_Update\" BEFORE UPDATE OF \"InstrumentId\", \"StartsAt\", \"EndsAt\", \"Status\" ON \"Instruments_Bookings\" " +
                "WHEN NEW.\"Status\" IN (1, 2, 3) BEGIN " + SqliteOverlap + " END;", cancellationToken);
        }

        progress?.Report("instrument booking overlap rule in place");
    }
}
