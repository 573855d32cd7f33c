using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingHub.Hub.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LinkerBatchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_subject_encodings_ConvenantId_LinkedAt",
                table: "subject_encodings");

            migrationBuilder.CreateIndex(
                name: "IX_subject_encodings_ConvenantId_LinkedAt_CreatedAt_SignalId",
                table: "subject_encodings",
                columns: new[] { "ConvenantId", "LinkedAt", "CreatedAt", "SignalId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_subject_encodings_ConvenantId_LinkedAt_CreatedAt_SignalId",
                table: "subject_encodings");

            migrationBuilder.CreateIndex(
                name: "IX_subject_encodings_ConvenantId_LinkedAt",
                table: "subject_encodings",
                columns: new[] { "ConvenantId", "LinkedAt" });
        }
    }
}
