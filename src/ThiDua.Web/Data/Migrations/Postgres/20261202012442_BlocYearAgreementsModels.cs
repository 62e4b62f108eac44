using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThiDua.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BlocYearAgreementsModels : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementSignatories");

            migrationBuilder.DropTable(
                name: "ModelMovements");

            migrationBuilder.DropTable(
                name: "ModelStageEntries");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "ExemplaryModels");
        }
    }
}
