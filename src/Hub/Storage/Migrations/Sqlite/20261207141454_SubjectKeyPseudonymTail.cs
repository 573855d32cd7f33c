using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SharingHub.Hub.Storage.Migrations.Sqlite
{
    /// <summary>
    /// The match keys are indexed on the pseudonym's last 11 characters instead of the whole text (<see cref="PseudonymTail"/>).
    /// EF does not model expression indexes, so the index is created with SQL.
    /// </summary>
    public partial class SubjectKeyPseudonymTail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_subject_keys_ConvenantId_Pseudonym",
                table: "subject_keys");

            // Literal SQL (a migration must not change when PseudonymTail does): the index PseudonymTail.IndexName on PseudonymTail.Length characters.
            migrationBuilder.Sql("CREATE INDEX \"IX_subject_keys_ConvenantId_PseudonymTail\" ON \"subject_keys\" (\"ConvenantId\", substr(\"Pseudonym\", -11));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_subject_keys_ConvenantId_PseudonymTail\";");

            migrationBuilder.CreateIndex(
                name: "IX_subject_keys_ConvenantId_Pseudonym",
                table: "subject_keys",
                columns: new[] { "ConvenantId", "Pseudonym" });
        }
    }
}
