using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BlocYearScoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScoreSheets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BlocId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SelfScoreDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TieBreaks = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TieBreakSource = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AppliedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "ScoreCards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewerUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 8, scale: 1, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SheetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: false)
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
                name: "ScoreCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: false),
                    EvidenceRequired = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "ScoreEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CardId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SelfPoints = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceStoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    EvidenceKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    EvidenceLength = table.Column<long>(type: "INTEGER", nullable: true),
                    PeerPoints = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    PeerComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FinalPoints = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    FinalSource = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScoreEntries");

            migrationBuilder.DropTable(
                name: "ScoreCards");

            migrationBuilder.DropTable(
                name: "ScoreCriteria");

            migrationBuilder.DropTable(
                name: "ScoreGroups");

            migrationBuilder.DropTable(
                name: "ScoreSheets");
        }
    }
}
