using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThiDua.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Nominations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CivilServantCode",
                table: "People",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalId",
                table: "People",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationGround",
                table: "Awards",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "Awards",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevokedBy",
                table: "Awards",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RevokedOn",
                table: "Awards",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Councils",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: true),
                    BlocId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    QuorumNumerator = table.Column<int>(type: "integer", nullable: false),
                    QuorumDenominator = table.Column<int>(type: "integer", nullable: false),
                    QuorumSource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Councils", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Councils_Blocs_BlocId",
                        column: x => x.BlocId,
                        principalTable: "Blocs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Councils_Units_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssuerAgencyId = table.Column<int>(type: "integer", nullable: false),
                    BlocId = table.Column<int>(type: "integer", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: true),
                    NumberText = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodFrom = table.Column<int>(type: "integer", nullable: true),
                    PeriodTo = table.Column<int>(type: "integer", nullable: true),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Grounds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    System = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HigherAuthority = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Register = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RegisterYear = table.Column<int>(type: "integer", nullable: true),
                    IssuedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Distribution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Blocs_BlocId",
                        column: x => x.BlocId,
                        principalTable: "Blocs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Units_IssuerAgencyId",
                        column: x => x.IssuerAgencyId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    BlocId = table.Column<int>(type: "integer", nullable: true),
                    MovementId = table.Column<int>(type: "integer", nullable: true),
                    Basis = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodFrom = table.Column<int>(type: "integer", nullable: true),
                    PeriodTo = table.Column<int>(type: "integer", nullable: true),
                    Achievement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReportBackground = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ReportAchievements = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    ReportMeasures = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ReportPriorAwards = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Justification = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StateChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicCommentFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicCommentUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RecallRequest = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecallRequestedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HigherDecisionNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HigherDecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    HigherAuthority = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_Blocs_BlocId",
                        column: x => x.BlocId,
                        principalTable: "Blocs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Movements_MovementId",
                        column: x => x.MovementId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Nominations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Units_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Url = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DedupKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EmailedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CouncilMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CouncilId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ActiveTo = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CouncilMembers_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CouncilId = table.Column<int>(type: "integer", nullable: false),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VoteDeadlineUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedHow = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilSessions_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilThresholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CouncilId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    MoreThan = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilThresholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilThresholds_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecisionId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    NominationId = table.Column<int>(type: "integer", nullable: true),
                    VoteProposalId = table.Column<int>(type: "integer", nullable: true),
                    PersonId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DisplayPosition = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Achievement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Coefficient = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    BaseSalaryVnd = table.Column<long>(type: "bigint", nullable: false),
                    AmountVnd = table.Column<long>(type: "bigint", nullable: false),
                    AwardId = table.Column<int>(type: "integer", nullable: true),
                    CertificateNumber = table.Column<int>(type: "integer", nullable: true),
                    VerificationCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HigherGranted = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionRecipients_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionRecipients_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionRecipients_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionRecipients_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionRecipients_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionRecipients_VoteProposals_VoteProposalId",
                        column: x => x.VoteProposalId,
                        principalTable: "VoteProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DossierDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DossierDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DossierDocuments_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NominationTransitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    To = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationTransitions_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AuthorContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Ruling = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RulingReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RuledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RuledUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicComments_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilAgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Agree = table.Column<int>(type: "integer", nullable: true),
                    Disagree = table.Column<int>(type: "integer", nullable: true),
                    Other = table.Column<int>(type: "integer", nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: true),
                    QuorumMet = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilAgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilAgendaItems_CouncilSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CouncilSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilAgendaItems_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilAttendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilAttendances_CouncilMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "CouncilMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CouncilAttendances_CouncilSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CouncilSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilBallots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Choice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilBallots_CouncilAgendaItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CouncilAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilParticipations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Written = table.Column<bool>(type: "boolean", nullable: false),
                    WrittenReference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilParticipations_CouncilAgendaItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CouncilAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilParticipations_CouncilMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "CouncilMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncilRecusals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilRecusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilRecusals_CouncilAgendaItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CouncilAgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilRecusals_CouncilMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "CouncilMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarDays_Date",
                table: "CalendarDays",
                column: "Date",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAgendaItems_NominationId",
                table: "CouncilAgendaItems",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAgendaItems_SessionId_NominationId",
                table: "CouncilAgendaItems",
                columns: new[] { "SessionId", "NominationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAttendances_MemberId",
                table: "CouncilAttendances",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilAttendances_SessionId_MemberId",
                table: "CouncilAttendances",
                columns: new[] { "SessionId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilBallots_ItemId",
                table: "CouncilBallots",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMembers_CouncilId_UserId",
                table: "CouncilMembers",
                columns: new[] { "CouncilId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMembers_UserId",
                table: "CouncilMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilParticipations_ItemId_MemberId",
                table: "CouncilParticipations",
                columns: new[] { "ItemId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilParticipations_MemberId",
                table: "CouncilParticipations",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilRecusals_ItemId_MemberId",
                table: "CouncilRecusals",
                columns: new[] { "ItemId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilRecusals_MemberId",
                table: "CouncilRecusals",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Councils_AgencyId",
                table: "Councils",
                column: "AgencyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Councils_BlocId",
                table: "Councils",
                column: "BlocId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilSessions_CouncilId_MeetingDate",
                table: "CouncilSessions",
                columns: new[] { "CouncilId", "MeetingDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilThresholds_CouncilId_Code",
                table: "CouncilThresholds",
                columns: new[] { "CouncilId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecipients_AwardId",
                table: "DecisionRecipients",
                column: "AwardId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecipients_DecisionId_Order",
                table: "DecisionRecipients",
                columns: new[] { "DecisionId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecipients_NominationId",
                table: "DecisionRecipients",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecipients_PersonId",
                table: "DecisionRecipients",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecipients_UnitId",
                table: "DecisionRecipients",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecipients_VerificationCode",
                table: "DecisionRecipients",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionRecipients_VoteProposalId",
                table: "DecisionRecipients",
                column: "VoteProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_BlocId",
                table: "Decisions",
                column: "BlocId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_IssuerAgencyId_Year",
                table: "Decisions",
                columns: new[] { "IssuerAgencyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Register_RegisterYear_Number",
                table: "Decisions",
                columns: new[] { "Register", "RegisterYear", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Year_State",
                table: "Decisions",
                columns: new[] { "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_DossierDocuments_NominationId",
                table: "DossierDocuments",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_AgencyId_Year_State",
                table: "Nominations",
                columns: new[] { "AgencyId", "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_BlocId_Year_State",
                table: "Nominations",
                columns: new[] { "BlocId", "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_MovementId",
                table: "Nominations",
                column: "MovementId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_PersonId",
                table: "Nominations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_State_DueOn",
                table: "Nominations",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_UnitId",
                table: "Nominations",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_Year_Code_PersonId",
                table: "Nominations",
                columns: new[] { "Year", "Code", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_Year_Code_UnitId",
                table: "Nominations",
                columns: new[] { "Year", "Code", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_NominationTransitions_NominationId_AtUtc",
                table: "NominationTransitions",
                columns: new[] { "NominationId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EmailedUtc",
                table: "Notifications",
                column: "EmailedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_DedupKey",
                table: "Notifications",
                columns: new[] { "UserId", "DedupKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadUtc_CreatedUtc",
                table: "Notifications",
                columns: new[] { "UserId", "ReadUtc", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicComments_NominationId_Ruling",
                table: "PublicComments",
                columns: new[] { "NominationId", "Ruling" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CouncilAttendances");

            migrationBuilder.DropTable(
                name: "CouncilBallots");

            migrationBuilder.DropTable(
                name: "CouncilParticipations");

            migrationBuilder.DropTable(
                name: "CouncilRecusals");

            migrationBuilder.DropTable(
                name: "CouncilThresholds");

            migrationBuilder.DropTable(
                name: "DecisionRecipients");

            migrationBuilder.DropTable(
                name: "DossierDocuments");

            migrationBuilder.DropTable(
                name: "NominationTransitions");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "PublicComments");

            migrationBuilder.DropTable(
                name: "CouncilAgendaItems");

            migrationBuilder.DropTable(
                name: "CouncilMembers");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "CouncilSessions");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "Councils");

            migrationBuilder.DropColumn(
                name: "CivilServantCode",
                table: "People");

            migrationBuilder.DropColumn(
                name: "NationalId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "RevocationGround",
                table: "Awards");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "Awards");

            migrationBuilder.DropColumn(
                name: "RevokedBy",
                table: "Awards");

            migrationBuilder.DropColumn(
                name: "RevokedOn",
                table: "Awards");
        }
    }
}
