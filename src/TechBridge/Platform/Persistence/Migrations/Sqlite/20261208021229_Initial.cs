using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TechBridge.Platform.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Directory_Organizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ForeignRegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalRepresentative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ActualController = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Verification = table.Column<int>(type: "INTEGER", nullable: false),
                    VerificationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_Organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Directory_Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Directory_Roles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_Roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Directory_Users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Engagements_Engagements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListingTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ListingOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InterestedOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionRegion = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdentityRevealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BrokerUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementProposedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AgreementProposedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DeclineNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements_Engagements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Engagements_MatchJudgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueryListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateListingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BrokerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements_MatchJudgements", x => x.Id);
                    table.CheckConstraint("CK_Engagements_MatchJudgements_Grade", "\"Grade\" IN (0, 2)");
                });

            migrationBuilder.CreateTable(
                name: "Engagements_Orders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EngagementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClientOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientIdentityHidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RefusedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveryNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DeliveryEvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DeliveryEvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DisputeReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DisputedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements_Orders", x => x.Id);
                    table.CheckConstraint("CK_Engagements_Orders_Amount", "\"AmountFen\" > 0");
                    table.CheckConstraint("CK_Engagements_Orders_Source", "\"EngagementId\" IS NOT NULL OR \"ProposalId\" IS NOT NULL");
                });

            migrationBuilder.CreateTable(
                name: "Instruments_Instruments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Manufacturer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OriginalValueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PurchaseDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FundingSourceCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenForExternalUse = table.Column<bool>(type: "INTEGER", nullable: false),
                    Technicians = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Specialised = table.Column<bool>(type: "INTEGER", nullable: false),
                    RatedHoursPerYear = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredTraining = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Rules_MinDurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules_MaxDurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules_MinNoticeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules_MaxAdvanceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules_BufferMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules_CancellationWindowHours = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules_CancellationFeeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Rules_ApprovalRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rules_ExternalBookingAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeeMode = table.Column<int>(type: "INTEGER", nullable: false),
                    DepreciationYears = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsumablesPerHourFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments_Instruments", x => x.Id);
                    table.CheckConstraint("CK_Instruments_Instruments_Durations", "\"Rules_MinDurationMinutes\" > 0 AND \"Rules_MaxDurationMinutes\" >= \"Rules_MinDurationMinutes\"");
                    table.CheckConstraint("CK_Instruments_Instruments_Value", "\"OriginalValueFen\" > 0");
                });

            migrationBuilder.CreateTable(
                name: "Listings_Achievements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Abstract = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TechnologyFieldCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Trl = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedIp = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TransferModes = table.Column<int>(type: "INTEGER", nullable: false),
                    AskingPriceFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ImportJobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Listings_Achievements", x => x.Id);
                    table.CheckConstraint("CK_Listings_Achievements_Price", "\"AskingPriceFen\" IS NULL OR \"AskingPriceFen\" >= 0");
                    table.CheckConstraint("CK_Listings_Achievements_Trl", "\"Trl\" BETWEEN 1 AND 9");
                });

            migrationBuilder.CreateTable(
                name: "Listings_Demands",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    TechnologyFieldCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    BudgetMinFen = table.Column<long>(type: "INTEGER", nullable: true),
                    BudgetMaxFen = table.Column<long>(type: "INTEGER", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    IdentityRevealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsOpenCall = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenCallDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SelectedProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Listings_Demands", x => x.Id);
                    table.CheckConstraint("CK_Listings_Demands_Budget", "(\"BudgetMinFen\" IS NULL OR \"BudgetMinFen\" >= 0) AND (\"BudgetMaxFen\" IS NULL OR \"BudgetMaxFen\" >= 0) AND (\"BudgetMinFen\" IS NULL OR \"BudgetMaxFen\" IS NULL OR \"BudgetMinFen\" <= \"BudgetMaxFen\")");
                });

            migrationBuilder.CreateTable(
                name: "Listings_ImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Imported = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PendingRows = table.Column<string>(type: "TEXT", nullable: true),
                    Errors = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Listings_ImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Listings_Offerings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BranchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ServiceItems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PriceModel = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceFen = table.Column<long>(type: "INTEGER", nullable: true),
                    RegionsServed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LeadTimeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptsInnovationVouchers = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Listings_Offerings", x => x.Id);
                    table.CheckConstraint("CK_Listings_Offerings_LeadTime", "\"LeadTimeDays\" >= 0");
                    table.CheckConstraint("CK_Listings_Offerings_Price", "\"PriceFen\" IS NULL OR \"PriceFen\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "Matching_Vocabulary",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Matching_Vocabulary", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Monitoring_IndicatorRollups",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedFor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReadingJson = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RefreshMilliseconds = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Monitoring_IndicatorRollups", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Monitoring_Kpis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionZh = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DefinitionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Formula = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    Comparison = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceKind = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponsibleUnits = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PlanReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IndicatorKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContextSeriesCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContextNoteZh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ContextNoteEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PendingReasonZh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PendingReasonEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    FromPlan = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Monitoring_Kpis", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Monitoring_PlanGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    TextZh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    KpiCodes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Monitoring_PlanGoals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_AuditRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ClientAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChainSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_AuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_FileUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_FileUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_IdempotencyKeys",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_IdempotencyKeys", x => new { x.Scope, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "Platform_Jobs",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastFinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCount = table.Column<int>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RunRequestedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_Jobs", x => new { x.Name, x.Node });
                });

            migrationBuilder.CreateTable(
                name: "Platform_Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_Leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Platform_Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Parameters = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platform_OutboxCursors",
                columns: table => new
                {
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Node = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastRunAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastErrorAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platform_OutboxCursors", x => new { x.Consumer, x.Node });
                });

            migrationBuilder.CreateTable(
                name: "Supervision_Tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SectionZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    KpiCodes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_Tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervision_Tasks_Supervision_Tasks_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Supervision_Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TechMarket_CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechMarket_CalendarDays", x => x.Date);
                    table.CheckConstraint("CK_TechMarket_CalendarDays_Kind", "\"Kind\" IN (1, 2)");
                });

            migrationBuilder.CreateTable(
                name: "TechMarket_CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AddedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechMarket_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "TechMarket_ContractEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ByOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechMarket_ContractEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TechMarket_Contracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubtypeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SellerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SellerCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    SellerRegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SellerEntityKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BuyerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BuyerCreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    BuyerRegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    BuyerEntityKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ApplicantOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorityJurisdiction = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    RegistrantRegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TotalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    NonTechnicalFen = table.Column<long>(type: "INTEGER", nullable: false),
                    TechnologyAmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    TechnologyFieldCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IndustryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    IpKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaymentSchedule = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BrokerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContractFileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishPartyNames = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Disputed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpertReviewRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpertUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExpertOpinion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RefusalReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechMarket_Contracts", x => x.Id);
                    table.CheckConstraint("CK_TechMarket_Contracts_Amounts", "\"TotalFen\" >= 0 AND \"NonTechnicalFen\" >= 0 AND \"NonTechnicalFen\" <= \"TotalFen\" AND \"TechnologyAmountFen\" = \"TotalFen\" - \"NonTechnicalFen\"");
                    table.CheckConstraint("CK_TechMarket_Contracts_Status", "\"Status\" BETWEEN 1 AND 5");
                });

            migrationBuilder.CreateTable(
                name: "TechMarket_Deals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SellerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuyerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreedTerms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AgreedTotalFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ContractFileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechMarket_Deals", x => x.Id);
                    table.CheckConstraint("CK_TechMarket_Deals_Status", "\"Status\" BETWEEN 1 AND 4");
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BalanceFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Accounts", x => x.Id);
                    table.CheckConstraint("CK_Vouchers_Accounts_NotNegative", "\"BalanceFen\" >= 0 OR \"Kind\" = 0");
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Parties = table.Column<string>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_ChainHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_ChainHead", x => x.Id);
                    table.CheckConstraint("CK_Vouchers_ChainHead_One", "\"Id\" = 1");
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Programs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    BudgetFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    RateBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionRates = table.Column<string>(type: "TEXT", nullable: false),
                    CapPerApplicationFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnualCapPerEnterpriseFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnualCapPerControllerFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FullCoverageAtOrBelowFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidityMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiresAgreedOrder = table.Column<bool>(type: "INTEGER", nullable: false),
                    EligibleSectors = table.Column<string>(type: "TEXT", nullable: false),
                    CoversInstrumentUse = table.Column<bool>(type: "INTEGER", nullable: false),
                    CoversTesting = table.Column<bool>(type: "INTEGER", nullable: false),
                    EligibleOrganizationTypes = table.Column<string>(type: "TEXT", nullable: false),
                    RequiredRecognitions = table.Column<string>(type: "TEXT", nullable: false),
                    EligibleRegions = table.Column<string>(type: "TEXT", nullable: false),
                    ExcludeFundedLastYear = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaymentCycle = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Programs", x => x.Id);
                    table.CheckConstraint("CK_Vouchers_Programs_Budget", "\"BudgetFen\" > 0");
                    table.CheckConstraint("CK_Vouchers_Programs_Rate", "\"RateBasisPoints\" BETWEEN 1 AND 10000");
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Transfers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IsPending = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResolvesPendingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReversesTransferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Transfers", x => x.Id);
                    table.CheckConstraint("CK_Vouchers_Transfers_Amount", "\"AmountFen\" > 0");
                    table.CheckConstraint("CK_Vouchers_Transfers_NotPendingResolution", "NOT (\"IsPending\" AND \"ResolvesPendingId\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_Vouchers_Transfers_Vouchers_Transfers_ResolvesPendingId",
                        column: x => x.ResolvesPendingId,
                        principalTable: "Vouchers_Transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Directory_Branches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_Branches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_Branches_Directory_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Directory_Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_Groups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    LeadOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReferenceCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_Groups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_Groups_Directory_Organizations_LeadOrganizationId",
                        column: x => x.LeadOrganizationId,
                        principalTable: "Directory_Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Directory_InstitutionApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ServiceDescription = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstReviewedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    NoticeStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NoticeEndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_InstitutionApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_InstitutionApplications_Directory_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Directory_Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_OrganizationSectors",
                columns: table => new
                {
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_OrganizationSectors", x => new { x.OrganizationId, x.SectorCode });
                    table.ForeignKey(
                        name: "FK_Directory_OrganizationSectors_Directory_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Directory_Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_Recognitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    KindCode = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiryRemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_Recognitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_Recognitions_Directory_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Directory_Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_RoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_RoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_RoleClaims_Directory_Roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "Directory_Roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_AdminGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Permission = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_AdminGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_AdminGrants_Directory_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Directory_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_ApiTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_ApiTokens_Directory_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Directory_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_MembershipRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_MembershipRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_MembershipRequests_Directory_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Directory_Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Directory_MembershipRequests_Directory_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Directory_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_Memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_Memberships_Directory_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Directory_Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Directory_Memberships_Directory_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Directory_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_UserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_UserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_UserClaims_Directory_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Directory_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_UserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_UserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_Directory_UserLogins_Directory_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Directory_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_UserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_UserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_Directory_UserRoles_Directory_Roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "Directory_Roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Directory_UserRoles_Directory_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Directory_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_UserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_UserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_Directory_UserTokens_Directory_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Directory_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Engagements_Messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EngagementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorSide = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagements_Messages_Engagements_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements_Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Engagements_Complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FiledByOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiledByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomeCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResolvedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagements_Complaints_Engagements_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Engagements_Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Engagements_Milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements_Milestones", x => x.Id);
                    table.CheckConstraint("CK_Engagements_Milestones_Amount", "\"AmountFen\" > 0");
                    table.ForeignKey(
                        name: "FK_Engagements_Milestones_Engagements_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Engagements_Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Engagements_Ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stars = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements_Ratings", x => x.Id);
                    table.CheckConstraint("CK_Engagements_Ratings_Stars", "\"Stars\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_Engagements_Ratings_Engagements_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Engagements_Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Instruments_Bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstrumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimatedFeeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ChargedFeeFen = table.Column<long>(type: "INTEGER", nullable: true),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancellationFeeFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments_Bookings", x => x.Id);
                    table.CheckConstraint("CK_Instruments_Bookings_Interval", "\"EndsAt\" > \"StartsAt\"");
                    table.ForeignKey(
                        name: "FK_Instruments_Bookings_Instruments_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments_Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Instruments_FeeRates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InstrumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PriceGroup = table.Column<int>(type: "INTEGER", nullable: false),
                    FromMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    HourlyFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments_FeeRates", x => x.Id);
                    table.CheckConstraint("CK_Instruments_FeeRates_Positive", "\"HourlyFen\" >= 0 AND \"FromMinutes\" >= 0");
                    table.ForeignKey(
                        name: "FK_Instruments_FeeRates_Instruments_Instruments_InstrumentId",
                        column: x => x.InstrumentId,
                        principalTable: "Instruments_Instruments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Listings_Proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Approach = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    PriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Listings_Proposals", x => x.Id);
                    table.CheckConstraint("CK_Listings_Proposals_Duration", "\"DurationDays\" > 0");
                    table.CheckConstraint("CK_Listings_Proposals_Price", "\"PriceFen\" >= 0");
                    table.ForeignKey(
                        name: "FK_Listings_Proposals_Listings_Demands_DemandId",
                        column: x => x.DemandId,
                        principalTable: "Listings_Demands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Monitoring_KpiTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KpiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EnteredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Monitoring_KpiTargets", x => x.Id);
                    table.CheckConstraint("CK_Monitoring_KpiTargets_Year", "\"Year\" BETWEEN 2000 AND 2100");
                    table.ForeignKey(
                        name: "FK_Monitoring_KpiTargets_Monitoring_Kpis_KpiId",
                        column: x => x.KpiId,
                        principalTable: "Monitoring_Kpis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Monitoring_KpiValues",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KpiId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReportedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedForOrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Monitoring_KpiValues", x => x.Id);
                    table.CheckConstraint("CK_Monitoring_KpiValues_Value", "\"Value\" >= 0");
                    table.ForeignKey(
                        name: "FK_Monitoring_KpiValues_Monitoring_Kpis_KpiId",
                        column: x => x.KpiId,
                        principalTable: "Monitoring_Kpis",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_Milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_Milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervision_Milestones_Supervision_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Supervision_Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_Reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    KpiCodes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CompletedMilestoneId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_Reports", x => x.Id);
                    table.CheckConstraint("CK_Supervision_Reports_Percent", "\"Percent\" BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "FK_Supervision_Reports_Supervision_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Supervision_Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_TaskUnits",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    NameInPlan = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_TaskUnits", x => new { x.TaskId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_Supervision_TaskUnits_Supervision_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Supervision_Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TechMarket_NonTechnicalItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechMarket_NonTechnicalItems", x => x.Id);
                    table.CheckConstraint("CK_TechMarket_NonTechnicalItems_Amount", "\"AmountFen\" >= 0");
                    table.ForeignKey(
                        name: "FK_TechMarket_NonTechnicalItems_TechMarket_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "TechMarket_Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_RecognisedProviders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JurisdictionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_RecognisedProviders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vouchers_RecognisedProviders_Vouchers_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Vouchers_Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    RequestedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EligibilityJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Applications", x => x.Id);
                    table.CheckConstraint("CK_Vouchers_Applications_Requested", "\"RequestedFen\" > 0");
                    table.ForeignKey(
                        name: "FK_Vouchers_Applications_Vouchers_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Vouchers_Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Entries", x => x.Id);
                    table.CheckConstraint("CK_Vouchers_Entries_NotZero", "\"AmountFen\" <> 0");
                    table.ForeignKey(
                        name: "FK_Vouchers_Entries_Vouchers_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Vouchers_Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vouchers_Entries_Vouchers_Transfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "Vouchers_Transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Directory_GroupMembers",
                columns: table => new
                {
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_GroupMembers", x => new { x.GroupId, x.OrganizationId });
                    table.ForeignKey(
                        name: "FK_Directory_GroupMembers_Directory_Groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "Directory_Groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Directory_GroupMembers_Directory_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Directory_Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Directory_InstitutionObjections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directory_InstitutionObjections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Directory_InstitutionObjections_Directory_InstitutionApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Directory_InstitutionApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Vouchers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ActualController = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    QuotaFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Vouchers", x => x.Id);
                    table.CheckConstraint("CK_Vouchers_Vouchers_Quota", "\"QuotaFen\" > 0");
                    table.ForeignKey(
                        name: "FK_Vouchers_Vouchers_Vouchers_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Vouchers_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vouchers_Vouchers_Vouchers_Programs_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Vouchers_Programs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Uses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoucherId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnterpriseOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SectorCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OrderAmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReservedFen = table.Column<long>(type: "INTEGER", nullable: false),
                    FormulaJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReservationTransferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Uses", x => x.Id);
                    table.CheckConstraint("CK_Vouchers_Uses_Reserved", "\"ReservedFen\" > 0 AND \"ReservedFen\" <= \"OrderAmountFen\"");
                    table.ForeignKey(
                        name: "FK_Vouchers_Uses_Vouchers_Vouchers_VoucherId",
                        column: x => x.VoucherId,
                        principalTable: "Vouchers_Vouchers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Evidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vouchers_Evidence_Vouchers_Uses_UseId",
                        column: x => x.UseId,
                        principalTable: "Vouchers_Uses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vouchers_Redemptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PayeeOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PostedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PostingTransferId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReversalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReversedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReversedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vouchers_Redemptions", x => x.Id);
                    table.CheckConstraint("CK_Vouchers_Redemptions_Amount", "\"AmountFen\" > 0");
                    table.CheckConstraint("CK_Vouchers_Redemptions_FourEyes", "\"PostedByUserId\" IS NULL OR \"PostedByUserId\" <> \"ReviewedByUserId\"");
                    table.ForeignKey(
                        name: "FK_Vouchers_Redemptions_Vouchers_Uses_UseId",
                        column: x => x.UseId,
                        principalTable: "Vouchers_Uses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Vouchers_ChainHead",
                columns: new[] { "Id", "Hash", "Sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Directory_AdminGrants_UserId_Permission_JurisdictionCode",
                table: "Directory_AdminGrants",
                columns: new[] { "UserId", "Permission", "JurisdictionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directory_ApiTokens_TokenHash",
                table: "Directory_ApiTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directory_ApiTokens_UserId",
                table: "Directory_ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Branches_OrganizationId",
                table: "Directory_Branches",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Branches_RegionCode",
                table: "Directory_Branches",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_GroupMembers_OrganizationId",
                table: "Directory_GroupMembers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Groups_Kind_Name",
                table: "Directory_Groups",
                columns: new[] { "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Groups_LeadOrganizationId",
                table: "Directory_Groups",
                column: "LeadOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Groups_RegionCode",
                table: "Directory_Groups",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_InstitutionApplications_OrganizationId",
                table: "Directory_InstitutionApplications",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directory_InstitutionApplications_State_RegionCode",
                table: "Directory_InstitutionApplications",
                columns: new[] { "State", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Directory_InstitutionObjections_ApplicationId_Status",
                table: "Directory_InstitutionObjections",
                columns: new[] { "ApplicationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Directory_MembershipRequests_OrganizationId_Status",
                table: "Directory_MembershipRequests",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Directory_MembershipRequests_UserId",
                table: "Directory_MembershipRequests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "UX_Directory_MembershipRequests_Open",
                table: "Directory_MembershipRequests",
                columns: new[] { "OrganizationId", "UserId" },
                unique: true,
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Memberships_OrganizationId",
                table: "Directory_Memberships",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Memberships_UserId_OrganizationId",
                table: "Directory_Memberships",
                columns: new[] { "UserId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Organizations_Country_ForeignRegistrationNumber",
                table: "Directory_Organizations",
                columns: new[] { "Country", "ForeignRegistrationNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Organizations_CreditCode",
                table: "Directory_Organizations",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Organizations_RegionCode",
                table: "Directory_Organizations",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Organizations_Verification_RegionCode",
                table: "Directory_Organizations",
                columns: new[] { "Verification", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Directory_OrganizationSectors_SectorCode",
                table: "Directory_OrganizationSectors",
                column: "SectorCode");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Recognitions_KindCode_Status",
                table: "Directory_Recognitions",
                columns: new[] { "KindCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Recognitions_OrganizationId_KindCode_CertificateNumber",
                table: "Directory_Recognitions",
                columns: new[] { "OrganizationId", "KindCode", "CertificateNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Recognitions_Status_ValidUntil",
                table: "Directory_Recognitions",
                columns: new[] { "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Directory_Regions_ParentCode",
                table: "Directory_Regions",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_RoleClaims_RoleId",
                table: "Directory_RoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "Directory_Roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Directory_UserClaims_UserId",
                table: "Directory_UserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_UserLogins_UserId",
                table: "Directory_UserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Directory_UserRoles_RoleId",
                table: "Directory_UserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "Directory_Users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "Directory_Users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Complaints_OrderId",
                table: "Engagements_Complaints",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Complaints_Status_ProviderRegionCode",
                table: "Engagements_Complaints",
                columns: new[] { "Status", "ProviderRegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Engagements_BrokerUserId",
                table: "Engagements_Engagements",
                column: "BrokerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Engagements_InterestedOrganizationId",
                table: "Engagements_Engagements",
                column: "InterestedOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Engagements_ListingId_InterestedOrganizationId",
                table: "Engagements_Engagements",
                columns: new[] { "ListingId", "InterestedOrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Engagements_ListingOrganizationId",
                table: "Engagements_Engagements",
                column: "ListingOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_MatchJudgements_At",
                table: "Engagements_MatchJudgements",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_MatchJudgements_QueryListingId_CandidateListingId_BrokerUserId",
                table: "Engagements_MatchJudgements",
                columns: new[] { "QueryListingId", "CandidateListingId", "BrokerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Messages_EngagementId_CreatedAt",
                table: "Engagements_Messages",
                columns: new[] { "EngagementId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Milestones_OrderId_Sequence",
                table: "Engagements_Milestones",
                columns: new[] { "OrderId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Orders_ClientOrganizationId",
                table: "Engagements_Orders",
                column: "ClientOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Orders_DeliveryEvidenceSha256",
                table: "Engagements_Orders",
                column: "DeliveryEvidenceSha256");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Orders_EngagementId",
                table: "Engagements_Orders",
                column: "EngagementId",
                unique: true,
                filter: "\"Status\" <> 6");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Orders_ProposalId",
                table: "Engagements_Orders",
                column: "ProposalId",
                unique: true,
                filter: "\"Status\" <> 6");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Orders_ProviderOrganizationId",
                table: "Engagements_Orders",
                column: "ProviderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Ratings_OrderId",
                table: "Engagements_Ratings",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_Ratings_ProviderOrganizationId",
                table: "Engagements_Ratings",
                column: "ProviderOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Bookings_InstrumentId_EndsAt",
                table: "Instruments_Bookings",
                columns: new[] { "InstrumentId", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Bookings_OrganizationId",
                table: "Instruments_Bookings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Bookings_SeriesId",
                table: "Instruments_Bookings",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Bookings_Status_StartsAt",
                table: "Instruments_Bookings",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Bookings_UserId",
                table: "Instruments_Bookings",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_FeeRates_InstrumentId_PriceGroup_FromMinutes",
                table: "Instruments_FeeRates",
                columns: new[] { "InstrumentId", "PriceGroup", "FromMinutes" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Instruments_OwnerOrganizationId",
                table: "Instruments_Instruments",
                column: "OwnerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Instruments_RegionCode",
                table: "Instruments_Instruments",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Achievements_OrganizationId",
                table: "Listings_Achievements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Achievements_OwnerRegionCode",
                table: "Listings_Achievements",
                column: "OwnerRegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Achievements_Status_ExpiresAt",
                table: "Listings_Achievements",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Achievements_TechnologyFieldCode",
                table: "Listings_Achievements",
                column: "TechnologyFieldCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Demands_OrganizationId",
                table: "Listings_Demands",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Demands_OwnerRegionCode",
                table: "Listings_Demands",
                column: "OwnerRegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Demands_RegionCode",
                table: "Listings_Demands",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Demands_Status_ExpiresAt",
                table: "Listings_Demands",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Demands_TechnologyFieldCode",
                table: "Listings_Demands",
                column: "TechnologyFieldCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_ImportJobs_OrganizationId",
                table: "Listings_ImportJobs",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Offerings_OrganizationId",
                table: "Listings_Offerings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Offerings_OwnerRegionCode",
                table: "Listings_Offerings",
                column: "OwnerRegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Offerings_SectorCode",
                table: "Listings_Offerings",
                column: "SectorCode");

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Offerings_Status_ExpiresAt",
                table: "Listings_Offerings",
                columns: new[] { "Status", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Listings_Proposals_DemandId_OrganizationId",
                table: "Listings_Proposals",
                columns: new[] { "DemandId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Matching_Vocabulary_Kind_Value",
                table: "Matching_Vocabulary",
                columns: new[] { "Kind", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Monitoring_Kpis_Code",
                table: "Monitoring_Kpis",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Monitoring_KpiTargets_KpiId_Year",
                table: "Monitoring_KpiTargets",
                columns: new[] { "KpiId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Monitoring_KpiValues_KpiId_Year",
                table: "Monitoring_KpiValues",
                columns: new[] { "KpiId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Monitoring_PlanGoals_Code",
                table: "Monitoring_PlanGoals",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_AuditRecords_ChainSequence",
                table: "Platform_AuditRecords",
                column: "ChainSequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_AuditRecords_EntityType_EntityId",
                table: "Platform_AuditRecords",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_AuditRecords_OccurredAt",
                table: "Platform_AuditRecords",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_FileUploads_Sha256_UserId",
                table: "Platform_FileUploads",
                columns: new[] { "Sha256", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platform_IdempotencyKeys_CreatedAt",
                table: "Platform_IdempotencyKeys",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Notifications_UserId_ReadAt_CreatedAt",
                table: "Platform_Notifications",
                columns: new[] { "UserId", "ReadAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Platform_Outbox_EventType_Id",
                table: "Platform_Outbox",
                columns: new[] { "EventType", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Milestones_CompletedAt_DueOn",
                table: "Supervision_Milestones",
                columns: new[] { "CompletedAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Milestones_TaskId",
                table: "Supervision_Milestones",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Reports_TaskId_ReportedAt",
                table: "Supervision_Reports",
                columns: new[] { "TaskId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Tasks_Number_RegionCode",
                table: "Supervision_Tasks",
                columns: new[] { "Number", "RegionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Tasks_ParentId",
                table: "Supervision_Tasks",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_TaskUnits_OrganizationId",
                table: "Supervision_TaskUnits",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_TechMarket_ContractEvents_ContractId_At",
                table: "TechMarket_ContractEvents",
                columns: new[] { "ContractId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TechMarket_Contracts_ApplicantOrganizationId",
                table: "TechMarket_Contracts",
                column: "ApplicantOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_TechMarket_Contracts_ApplicationNumber",
                table: "TechMarket_Contracts",
                column: "ApplicationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TechMarket_Contracts_CertificateNumber",
                table: "TechMarket_Contracts",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TechMarket_Contracts_RegisteredOn",
                table: "TechMarket_Contracts",
                column: "RegisteredOn");

            migrationBuilder.CreateIndex(
                name: "IX_TechMarket_Contracts_Status_DueOn",
                table: "TechMarket_Contracts",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TechMarket_Deals_BuyerOrganizationId",
                table: "TechMarket_Deals",
                column: "BuyerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_TechMarket_Deals_SellerOrganizationId",
                table: "TechMarket_Deals",
                column: "SellerOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_TechMarket_NonTechnicalItems_ContractId_Sequence",
                table: "TechMarket_NonTechnicalItems",
                columns: new[] { "ContractId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Accounts_ProgramId_Kind_OwnerOrganizationId",
                table: "Vouchers_Accounts",
                columns: new[] { "ProgramId", "Kind", "OwnerOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Applications_EnterpriseOrganizationId",
                table: "Vouchers_Applications",
                column: "EnterpriseOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Applications_ProgramId_Status",
                table: "Vouchers_Applications",
                columns: new[] { "ProgramId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Entries_AccountId",
                table: "Vouchers_Entries",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Entries_TransferId_Line",
                table: "Vouchers_Entries",
                columns: new[] { "TransferId", "Line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Evidence_Sha256",
                table: "Vouchers_Evidence",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Evidence_UseId_Kind",
                table: "Vouchers_Evidence",
                columns: new[] { "UseId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Programs_JurisdictionCode_Year",
                table: "Vouchers_Programs",
                columns: new[] { "JurisdictionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_RecognisedProviders_AgreementId_OrganizationId",
                table: "Vouchers_RecognisedProviders",
                columns: new[] { "AgreementId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_RecognisedProviders_OrganizationId",
                table: "Vouchers_RecognisedProviders",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Redemptions_ProgramId_Status",
                table: "Vouchers_Redemptions",
                columns: new[] { "ProgramId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Redemptions_UseId",
                table: "Vouchers_Redemptions",
                column: "UseId",
                unique: true,
                filter: "\"Status\" <> 4");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Transfers_ProgramId_Kind",
                table: "Vouchers_Transfers",
                columns: new[] { "ProgramId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Transfers_ResolvesPendingId",
                table: "Vouchers_Transfers",
                column: "ResolvesPendingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Transfers_ReversesTransferId",
                table: "Vouchers_Transfers",
                column: "ReversesTransferId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Transfers_Sequence",
                table: "Vouchers_Transfers",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Uses_EnterpriseOrganizationId_Status",
                table: "Vouchers_Uses",
                columns: new[] { "EnterpriseOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Uses_ItemKind_ItemId",
                table: "Vouchers_Uses",
                columns: new[] { "ItemKind", "ItemId" },
                unique: true,
                filter: "\"Status\" IN (1, 2, 3, 4)");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Uses_ProviderOrganizationId_Status",
                table: "Vouchers_Uses",
                columns: new[] { "ProviderOrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Uses_ReservationTransferId",
                table: "Vouchers_Uses",
                column: "ReservationTransferId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Uses_VoucherId_Status",
                table: "Vouchers_Uses",
                columns: new[] { "VoucherId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Vouchers_AccountId",
                table: "Vouchers_Vouchers",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Vouchers_ApplicationId",
                table: "Vouchers_Vouchers",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Vouchers_EnterpriseOrganizationId",
                table: "Vouchers_Vouchers",
                column: "EnterpriseOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Vouchers_ProgramId",
                table: "Vouchers_Vouchers",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_Vouchers_Status_ExpiresAt",
                table: "Vouchers_Vouchers",
                columns: new[] { "Status", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Directory_AdminGrants");

            migrationBuilder.DropTable(
                name: "Directory_ApiTokens");

            migrationBuilder.DropTable(
                name: "Directory_Branches");

            migrationBuilder.DropTable(
                name: "Directory_GroupMembers");

            migrationBuilder.DropTable(
                name: "Directory_InstitutionObjections");

            migrationBuilder.DropTable(
                name: "Directory_MembershipRequests");

            migrationBuilder.DropTable(
                name: "Directory_Memberships");

            migrationBuilder.DropTable(
                name: "Directory_OrganizationSectors");

            migrationBuilder.DropTable(
                name: "Directory_Recognitions");

            migrationBuilder.DropTable(
                name: "Directory_Regions");

            migrationBuilder.DropTable(
                name: "Directory_RoleClaims");

            migrationBuilder.DropTable(
                name: "Directory_UserClaims");

            migrationBuilder.DropTable(
                name: "Directory_UserLogins");

            migrationBuilder.DropTable(
                name: "Directory_UserRoles");

            migrationBuilder.DropTable(
                name: "Directory_UserTokens");

            migrationBuilder.DropTable(
                name: "Engagements_Complaints");

            migrationBuilder.DropTable(
                name: "Engagements_MatchJudgements");

            migrationBuilder.DropTable(
                name: "Engagements_Messages");

            migrationBuilder.DropTable(
                name: "Engagements_Milestones");

            migrationBuilder.DropTable(
                name: "Engagements_Ratings");

            migrationBuilder.DropTable(
                name: "Instruments_Bookings");

            migrationBuilder.DropTable(
                name: "Instruments_FeeRates");

            migrationBuilder.DropTable(
                name: "Listings_Achievements");

            migrationBuilder.DropTable(
                name: "Listings_ImportJobs");

            migrationBuilder.DropTable(
                name: "Listings_Offerings");

            migrationBuilder.DropTable(
                name: "Listings_Proposals");

            migrationBuilder.DropTable(
                name: "Matching_Vocabulary");

            migrationBuilder.DropTable(
                name: "Monitoring_IndicatorRollups");

            migrationBuilder.DropTable(
                name: "Monitoring_KpiTargets");

            migrationBuilder.DropTable(
                name: "Monitoring_KpiValues");

            migrationBuilder.DropTable(
                name: "Monitoring_PlanGoals");

            migrationBuilder.DropTable(
                name: "Platform_AuditRecords");

            migrationBuilder.DropTable(
                name: "Platform_FileUploads");

            migrationBuilder.DropTable(
                name: "Platform_IdempotencyKeys");

            migrationBuilder.DropTable(
                name: "Platform_Jobs");

            migrationBuilder.DropTable(
                name: "Platform_Leases");

            migrationBuilder.DropTable(
                name: "Platform_Notifications");

            migrationBuilder.DropTable(
                name: "Platform_Outbox");

            migrationBuilder.DropTable(
                name: "Platform_OutboxCursors");

            migrationBuilder.DropTable(
                name: "Supervision_Milestones");

            migrationBuilder.DropTable(
                name: "Supervision_Reports");

            migrationBuilder.DropTable(
                name: "Supervision_TaskUnits");

            migrationBuilder.DropTable(
                name: "TechMarket_CalendarDays");

            migrationBuilder.DropTable(
                name: "TechMarket_CalendarYears");

            migrationBuilder.DropTable(
                name: "TechMarket_ContractEvents");

            migrationBuilder.DropTable(
                name: "TechMarket_Deals");

            migrationBuilder.DropTable(
                name: "TechMarket_NonTechnicalItems");

            migrationBuilder.DropTable(
                name: "Vouchers_ChainHead");

            migrationBuilder.DropTable(
                name: "Vouchers_Entries");

            migrationBuilder.DropTable(
                name: "Vouchers_Evidence");

            migrationBuilder.DropTable(
                name: "Vouchers_RecognisedProviders");

            migrationBuilder.DropTable(
                name: "Vouchers_Redemptions");

            migrationBuilder.DropTable(
                name: "Directory_Groups");

            migrationBuilder.DropTable(
                name: "Directory_InstitutionApplications");

            migrationBuilder.DropTable(
                name: "Directory_Roles");

            migrationBuilder.DropTable(
                name: "Directory_Users");

            migrationBuilder.DropTable(
                name: "Engagements_Engagements");

            migrationBuilder.DropTable(
                name: "Engagements_Orders");

            migrationBuilder.DropTable(
                name: "Instruments_Instruments");

            migrationBuilder.DropTable(
                name: "Listings_Demands");

            migrationBuilder.DropTable(
                name: "Monitoring_Kpis");

            migrationBuilder.DropTable(
                name: "Supervision_Tasks");

            migrationBuilder.DropTable(
                name: "TechMarket_Contracts");

            migrationBuilder.DropTable(
                name: "Vouchers_Accounts");

            migrationBuilder.DropTable(
                name: "Vouchers_Transfers");

            migrationBuilder.DropTable(
                name: "Vouchers_Agreements");

            migrationBuilder.DropTable(
                name: "Vouchers_Uses");

            migrationBuilder.DropTable(
                name: "Directory_Organizations");

            migrationBuilder.DropTable(
                name: "Vouchers_Vouchers");

            migrationBuilder.DropTable(
                name: "Vouchers_Applications");

            migrationBuilder.DropTable(
                name: "Vouchers_Programs");
        }
    }
}
