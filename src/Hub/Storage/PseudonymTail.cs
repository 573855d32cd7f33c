using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Storage;

/// <summary>
/// On SQLite the match keys of <c>subject_keys</c> are indexed on <c>(ConvenantId, substr(Pseudonym, -11))</c>: the last
/// <see cref="Length"/> characters of the pseudonym, 64 bits of its keyed hash, instead of the whole 48-character text. Every new
/// subject inserts four keys at random places of that index, and each insert dirties a page that is written to the WAL and
/// again by the checkpoint; with entries less than half as long the index has fewer pages, so a batch dirties fewer of them and
/// each lookup compares a short key (docs/PERFORMANCE.md, "Signal ingress"). A lookup still compares the whole pseudonym, so two
/// pseudonyms that share a tail never match each other. EF does not model expression indexes: the SQLite migration
/// <c>SubjectKeyPseudonymTail</c> creates it with SQL, and the SQLite model leaves out the <c>(ConvenantId, Pseudonym)</c> index
/// that PostgreSQL keeps.
/// </summary>
internal static class PseudonymTail
{
    /// <summary>Characters of the pseudonym's end that the index holds.</summary>
    public const int Length = 11;

    public const string IndexName = "IX_subject_keys_ConvenantId_PseudonymTail";

    /// <summary>The tail of <paramref name="pseudonym"/> as SQLite's <c>substr(pseudonym, -11)</c> computes it.</summary>
    public static string Of(string pseudonym)
    {
        ArgumentNullException.ThrowIfNull(pseudonym);
        return pseudonym.Length <= Length ? pseudonym : pseudonym[^Length..];
    }

    /// <summary>In a LINQ query on SQLite: <c>substr(pseudonym, -11)</c>, the expression the index is on. Not for use in code.</summary>
    public static string Sql(string pseudonym) =>
        throw new InvalidOperationException($"{nameof(PseudonymTail)}.{nameof(Sql)} is translated to SQL by the SQLite model only.");

    /// <summary>The SQLite model: no <c>(ConvenantId, Pseudonym)</c> index on <c>subject_keys</c>, and <see cref="Sql"/> translated.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var keys = modelBuilder.Entity<SubjectKey>().Metadata;
        var index = keys.FindIndex([keys.FindProperty(nameof(SubjectKey.ConvenantId))!, keys.FindProperty(nameof(SubjectKey.Pseudonym))!]);
        if (index is not null)
        {
            keys.RemoveIndex(index);
        }

        modelBuilder.HasDbFunction(typeof(PseudonymTail).GetMethod(nameof(Sql))!)
            .HasTranslation(arguments => new SqlFunctionExpression(
                "substr",
                [arguments[0], new SqlConstantExpression(-Length, typeof(int), new IntTypeMapping("INTEGER"))],
                nullable: true,
                argumentsPropagateNullability: [true, false],
                typeof(string),
                arguments[0].TypeMapping));
    }
}
