using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThiDua.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BlocYear : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BlocId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Content = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CopyStoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CopyFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    CopyKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CopyLength = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Blocs_BlocId",
                        column: x => x.BlocId,
                        principalTable: "Blocs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Directives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FileStoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    FileLength = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Directives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExemplaryModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OnPortal = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExemplaryModels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExemplaryModels_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplaryModels_Units_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExemplaryModels_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Movements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Theme = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Criteria = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    BlocId = table.Column<int>(type: "integer", nullable: true),
                    LaunchedByUnitId = table.Column<int>(type: "integer", nullable: true),
                    IsNational = table.Column<bool>(type: "boolean", nullable: false),
                    NationalAuthority = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Scope = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Duration = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Method = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Funding = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LaunchedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClonedFromId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Movements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Movements_Blocs_BlocId",
                        column: x => x.BlocId,
                        principalTable: "Blocs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Movements_Movements_ClonedFromId",
                        column: x => x.ClonedFromId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Movements_Units_LaunchedByUnitId",
                        column: x => x.LaunchedByUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BlocId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SelfScoreDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    TieBreaks = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TieBreakSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AppliedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreSheets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreSheets_Blocs_BlocId",
                        column: x => x.BlocId,
                        principalTable: "Blocs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoteSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BlocId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CountingBoard = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteSessions_Blocs_BlocId",
                        column: x => x.BlocId,
                        principalTable: "Blocs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSignatories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    RepresentativeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RepresentativePosition = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSignatories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementSignatories_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementSignatories_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModelStageEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModelId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FromStage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OnDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceStoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    EvidenceKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EvidenceLength = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelStageEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelStageEntries_ExemplaryModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "ExemplaryModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Contests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MovementId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ParticipantKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contests_Movements_MovementId",
                        column: x => x.MovementId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModelMovements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ModelId = table.Column<int>(type: "integer", nullable: false),
                    MovementId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelMovements_ExemplaryModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "ExemplaryModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ModelMovements_Movements_MovementId",
                        column: x => x.MovementId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MovementDirectives",
                columns: table => new
                {
                    MovementId = table.Column<int>(type: "integer", nullable: false),
                    DirectiveId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MovementDirectives", x => new { x.MovementId, x.DirectiveId });
                    table.ForeignKey(
                        name: "FK_MovementDirectives_Directives_DirectiveId",
                        column: x => x.DirectiveId,
                        principalTable: "Directives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MovementDirectives_Movements_MovementId",
                        column: x => x.MovementId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MovementTargets",
                columns: table => new
                {
                    MovementId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MovementTargets", x => new { x.MovementId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_MovementTargets_Movements_MovementId",
                        column: x => x.MovementId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MovementTargets_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NationalParticipations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MovementId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Participating = table.Column<bool>(type: "boolean", nullable: false),
                    Activities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AmountVnd = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NationalParticipations_Movements_MovementId",
                        column: x => x.MovementId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NationalParticipations_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    MovementId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registrations_Movements_MovementId",
                        column: x => x.MovementId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreCards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SheetId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewerUnitId = table.Column<int>(type: "integer", nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Total = table.Column<decimal>(type: "numeric(8,1)", precision: 8, scale: 1, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreCards_ScoreSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreCards_Units_ReviewerUnitId",
                        column: x => x.ReviewerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreCards_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SheetId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreGroups_ScoreSheets_SheetId",
                        column: x => x.SheetId,
                        principalTable: "ScoreSheets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    Spoiled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ballots_VoteSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "VoteSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteDelegates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Used = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteDelegates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteDelegates_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteDelegates_VoteSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "VoteSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    AwardCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false),
                    QuorumPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    ThresholdPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    ThresholdOf = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteQuestions_VoteSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "VoteSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContestParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestParticipants_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestParticipants_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContestParticipants_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContestRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContestId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestRounds_Contests_ContestId",
                        column: x => x.ContestId,
                        principalTable: "Contests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectUnitId = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationLines_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistrationLines_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegistrationLines_Units_SubjectUnitId",
                        column: x => x.SubjectUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScoreCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    EvidenceRequired = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreCriteria_ScoreGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "ScoreGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteCandidates_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteCandidates_VoteQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "VoteQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    AwardId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteProposals_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VoteProposals_VoteQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "VoteQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteProposals_VoteSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "VoteSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContestResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Prize = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContestResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContestResults_ContestParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "ContestParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContestResults_ContestRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ContestRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CardId = table.Column<int>(type: "integer", nullable: false),
                    CriterionId = table.Column<int>(type: "integer", nullable: false),
                    SelfPoints = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceStoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    EvidenceKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    EvidenceLength = table.Column<long>(type: "bigint", nullable: true),
                    PeerPoints = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    PeerComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FinalPoints = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    FinalSource = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreEntries_ScoreCards_CardId",
                        column: x => x.CardId,
                        principalTable: "ScoreCards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScoreEntries_ScoreCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "ScoreCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BallotMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BallotId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BallotMarks_Ballots_BallotId",
                        column: x => x.BallotId,
                        principalTable: "Ballots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BallotMarks_VoteCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "VoteCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_BlocId_Year",
                table: "Agreements",
                columns: new[] { "BlocId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Year",
                table: "Agreements",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatories_AgreementId_UnitId",
                table: "AgreementSignatories",
                columns: new[] { "AgreementId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatories_UnitId_AgreementId",
                table: "AgreementSignatories",
                columns: new[] { "UnitId", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_BallotMarks_BallotId",
                table: "BallotMarks",
                column: "BallotId");

            migrationBuilder.CreateIndex(
                name: "IX_BallotMarks_CandidateId",
                table: "BallotMarks",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_SessionId",
                table: "Ballots",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestParticipants_ContestId_PersonId_UnitId",
                table: "ContestParticipants",
                columns: new[] { "ContestId", "PersonId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestParticipants_PersonId",
                table: "ContestParticipants",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestParticipants_UnitId",
                table: "ContestParticipants",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestResults_ParticipantId",
                table: "ContestResults",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_ContestResults_RoundId_ParticipantId",
                table: "ContestResults",
                columns: new[] { "RoundId", "ParticipantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContestRounds_ContestId_Order",
                table: "ContestRounds",
                columns: new[] { "ContestId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_Contests_MovementId",
                table: "Contests",
                column: "MovementId");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_IssuedOn",
                table: "Directives",
                column: "IssuedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Directives_Number",
                table: "Directives",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExemplaryModels_AgencyId_Year",
                table: "ExemplaryModels",
                columns: new[] { "AgencyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ExemplaryModels_OnPortal",
                table: "ExemplaryModels",
                column: "OnPortal");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplaryModels_PersonId",
                table: "ExemplaryModels",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplaryModels_UnitId",
                table: "ExemplaryModels",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ExemplaryModels_Year_Stage",
                table: "ExemplaryModels",
                columns: new[] { "Year", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelMovements_ModelId_MovementId",
                table: "ModelMovements",
                columns: new[] { "ModelId", "MovementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModelMovements_MovementId",
                table: "ModelMovements",
                column: "MovementId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelStageEntries_ModelId_Id",
                table: "ModelStageEntries",
                columns: new[] { "ModelId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_MovementDirectives_DirectiveId",
                table: "MovementDirectives",
                column: "DirectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_BlocId",
                table: "Movements",
                column: "BlocId");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_ClonedFromId",
                table: "Movements",
                column: "ClonedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_IsNational_Year",
                table: "Movements",
                columns: new[] { "IsNational", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Movements_LaunchedByUnitId_Year",
                table: "Movements",
                columns: new[] { "LaunchedByUnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Movements_Year_State",
                table: "Movements",
                columns: new[] { "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MovementTargets_UnitId",
                table: "MovementTargets",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_NationalParticipations_MovementId_Year_UnitId",
                table: "NationalParticipations",
                columns: new[] { "MovementId", "Year", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NationalParticipations_UnitId",
                table: "NationalParticipations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationLines_PersonId_Code",
                table: "RegistrationLines",
                columns: new[] { "PersonId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationLines_RegistrationId",
                table: "RegistrationLines",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationLines_SubjectUnitId_Code",
                table: "RegistrationLines",
                columns: new[] { "SubjectUnitId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_MovementId",
                table: "Registrations",
                column: "MovementId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_UnitId_Year",
                table: "Registrations",
                columns: new[] { "UnitId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Year_State",
                table: "Registrations",
                columns: new[] { "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreCards_ReviewerUnitId",
                table: "ScoreCards",
                column: "ReviewerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreCards_SheetId_ReviewerUnitId",
                table: "ScoreCards",
                columns: new[] { "SheetId", "ReviewerUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreCards_SheetId_UnitId",
                table: "ScoreCards",
                columns: new[] { "SheetId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreCards_UnitId",
                table: "ScoreCards",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreCriteria_GroupId_Order",
                table: "ScoreCriteria",
                columns: new[] { "GroupId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreEntries_CardId_CriterionId",
                table: "ScoreEntries",
                columns: new[] { "CardId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreEntries_CriterionId",
                table: "ScoreEntries",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreGroups_SheetId_Order",
                table: "ScoreGroups",
                columns: new[] { "SheetId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ScoreSheets_BlocId_Year",
                table: "ScoreSheets",
                columns: new[] { "BlocId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteCandidates_QuestionId_UnitId",
                table: "VoteCandidates",
                columns: new[] { "QuestionId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteCandidates_UnitId",
                table: "VoteCandidates",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteDelegates_SessionId",
                table: "VoteDelegates",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteDelegates_TokenHash",
                table: "VoteDelegates",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteDelegates_UnitId",
                table: "VoteDelegates",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteProposals_AwardId",
                table: "VoteProposals",
                column: "AwardId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteProposals_QuestionId",
                table: "VoteProposals",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteProposals_SessionId",
                table: "VoteProposals",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteQuestions_SessionId_AwardCode",
                table: "VoteQuestions",
                columns: new[] { "SessionId", "AwardCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoteSessions_BlocId_Year",
                table: "VoteSessions",
                columns: new[] { "BlocId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementSignatories");

            migrationBuilder.DropTable(
                name: "BallotMarks");

            migrationBuilder.DropTable(
                name: "ContestResults");

            migrationBuilder.DropTable(
                name: "ModelMovements");

            migrationBuilder.DropTable(
                name: "ModelStageEntries");

            migrationBuilder.DropTable(
                name: "MovementDirectives");

            migrationBuilder.DropTable(
                name: "MovementTargets");

            migrationBuilder.DropTable(
                name: "NationalParticipations");

            migrationBuilder.DropTable(
                name: "RegistrationLines");

            migrationBuilder.DropTable(
                name: "ScoreEntries");

            migrationBuilder.DropTable(
                name: "VoteDelegates");

            migrationBuilder.DropTable(
                name: "VoteProposals");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "VoteCandidates");

            migrationBuilder.DropTable(
                name: "ContestParticipants");

            migrationBuilder.DropTable(
                name: "ContestRounds");

            migrationBuilder.DropTable(
                name: "ExemplaryModels");

            migrationBuilder.DropTable(
                name: "Directives");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "ScoreCards");

            migrationBuilder.DropTable(
                name: "ScoreCriteria");

            migrationBuilder.DropTable(
                name: "VoteQuestions");

            migrationBuilder.DropTable(
                name: "Contests");

            migrationBuilder.DropTable(
                name: "ScoreGroups");

            migrationBuilder.DropTable(
                name: "VoteSessions");

            migrationBuilder.DropTable(
                name: "Movements");

            migrationBuilder.DropTable(
                name: "ScoreSheets");
        }
    }
}
