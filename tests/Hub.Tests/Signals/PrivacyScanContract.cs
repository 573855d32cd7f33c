using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bogus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Data.Sqlite;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>
/// Ingests Bogus (nl) persons through the API, with summaries and text documents that name them, then searches the
/// database (SQLite file bytes or every text/bytea value of PostgreSQL), the document store and the captured logs for
/// every plaintext identifier used: zero hits.
/// </summary>
public abstract class PrivacyScanContract(ISignalsHub hub)
{
    private const int Persons = 60;

    [Fact]
    public async Task Ingest_BogusPersons_NoPlaintextIdentifierInDatabaseDocumentsOrLogs()
    {
        var faker = new Faker("nl") { Random = new Randomizer(20261125) };
        var people = Enumerable.Range(0, Persons).Select(i => FakePerson.Create(faker, i)).ToList();
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var batch = new StringBuilder("{\"signals\":[");
        batch.AppendJoin(',', people.Select(p => p.Json()));
        batch.Append("]}");

        using var response = await SignalApi.PostAsync(http, SignalApi.BatchPath, token, batch.ToString());

        var body = await SignalApi.JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Persons == body.GetProperty("accepted").GetInt32(), body.ToString());
        var signalIds = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("signalId").GetString()!).ToArray();
        for (var i = 0; i < 5; i++)
        {
            var note = $"Melding over {people[i].Given} {people[i].Surname}, geboren {people[i].Dob:dd-MM-yyyy}, woont op {people[i].Postcode}. Tel {people[i].Phone}.";
            using var upload = await SignalApi.UploadAsync(http, signalIds[i], token, Encoding.UTF8.GetBytes(note), "text/plain");
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var database = hub.IsPostgres ? await SignalApi.DumpAsync(hub.Factory) : SqliteBytes(hub.Factory.DataDirectory);
        var documents = await SignalApi.DocumentsTextAsync(hub.Factory);
        var logs = string.Join('\n', hub.Factory.Services.GetFakeLogCollector().GetSnapshot()
            .Select(r => r.Message + " " + r.Exception + " " + string.Join(' ', r.StructuredState?.Select(p => p.Value) ?? [])));
        Assert.True(database.Length > 10_000, "the database scan read almost nothing");

        var hits = new List<string>();
        foreach (var person in people)
        {
            foreach (var (kind, needle) in person.Needles())
            {
                foreach (var (where, haystack) in new[] { ("database", database), ("documents", documents), ("logs", logs) })
                {
                    if (Found(haystack, needle, kind))
                    {
                        hits.Add($"{kind} in {where}");
                    }
                }
            }
        }

        Assert.Empty(hits);
    }

    /// <summary>Names are matched as whole words (a 4-letter name could occur inside base64 text by chance); numbers exactly.</summary>
    private static bool Found(string haystack, string needle, string kind) => kind == "name"
        ? Regex.IsMatch(haystack, "(?<![A-Za-z0-9_-])" + Regex.Escape(needle) + "(?![A-Za-z0-9_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10))
        : haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);

    private static string SqliteBytes(string dataDirectory)
    {
        SqliteConnection.ClearAllPools();
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(dataDirectory, "*.db*"))
        {
            var bytes = File.ReadAllBytes(file);
            text.Append(Encoding.Latin1.GetString(bytes)).Append('\n').Append(Encoding.UTF8.GetString(bytes)).Append('\n');
        }

        return text.ToString();
    }

    private sealed record FakePerson(string Bsn, string Given, string Surname, DateOnly Dob, string Postcode, int House, string Phone, string Email, string Iban)
    {
        public static FakePerson Create(Faker faker, int index)
        {
            var given = faker.Name.FirstName();
            var surname = faker.Name.LastName().Split(' ')[^1];
            var dob = DateOnly.FromDateTime(faker.Date.Between(new DateTime(1950, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2005, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
            var postcode = faker.Random.Int(1000, 9999).ToString(CultureInfo.InvariantCulture) + faker.Random.String2(2, "ABCDEGHJKLMNPRTVWXZ");
            var phone = "06" + faker.Random.Int(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            var email = $"{Ascii(given)}.{Ascii(surname)}{index}@example.nl".ToLowerInvariant();
            return new FakePerson(NewBsn(faker), given, surname, dob, postcode, faker.Random.Int(1, 300), phone, email, NewIban(faker));
        }

        public string Json() =>
            $$"""
            {"subjectType":"person","identifiers":{"bsn":"{{Bsn}}","givenNames":"{{Given}}","surname":"{{Surname}}","dateOfBirth":"{{Dob:yyyy-MM-dd}}",
             "address":{"postcode":"{{Postcode}}","houseNumber":"{{House}}"},"phone":"{{Phone}}","email":"{{Email}}","iban":"{{Iban}}"},
             "purpose":"aanpak-georganiseerde-criminaliteit","categories":["signaal","identificatie","bsn"],
             "summary":"{{Given}} {{Surname}} (BSN {{Bsn}}) is bereikbaar op {{Phone}} en {{Email}}."}
            """;

        public IEnumerable<(string Kind, string Needle)> Needles()
        {
            yield return ("bsn", Bsn);
            if (Given.Length >= 4)
            {
                yield return ("name", Given);
            }

            if (Surname.Length >= 4)
            {
                yield return ("name", Surname);
            }

            foreach (var format in new[] { "yyyy-MM-dd", "dd-MM-yyyy", "ddMMyyyy", "yyyyMMdd", "dd/MM/yyyy" })
            {
                yield return ("dob", Dob.ToString(format, CultureInfo.InvariantCulture));
            }

            yield return ("postcode", Postcode);
            yield return ("postcode", Postcode[..4] + " " + Postcode[4..]);
            yield return ("phone", Phone);
            yield return ("phone", "+31" + Phone[1..]);
            yield return ("email", Email);
            yield return ("iban", Iban);
        }

        private static string Ascii(string value) => new([.. value.Normalize(NormalizationForm.FormD).Where(char.IsAsciiLetter)]);

        private static string NewBsn(Faker faker)
        {
            while (true)
            {
                var digits = Enumerable.Range(0, 8).Select(i => faker.Random.Int(i == 0 ? 1 : 0, 9)).ToArray();
                var sum = digits.Select((d, i) => d * (9 - i)).Sum();
                var last = sum % 11;
                if (last <= 9)
                {
                    return string.Concat(digits) + last.ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        private static string NewIban(Faker faker)
        {
            var account = faker.Random.Long(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
            // Check digits per ISO 13616: move "NL00" behind the BBAN, letters to numbers, 98 - mod 97.
            var numeric = string.Concat(("ABNA" + account + "NL00").Select(c => char.IsAsciiLetter(c) ? (c - 'A' + 10).ToString(CultureInfo.InvariantCulture) : c.ToString()));
            var remainder = numeric.Aggregate(0, (r, c) => ((r * 10) + (c - '0')) % 97);
            return "NL" + (98 - remainder).ToString("00", CultureInfo.InvariantCulture) + "ABNA" + account;
        }
    }
}

public sealed class SqlitePrivacyScanTests(SqliteFilesSignalsHub hub) : PrivacyScanContract(hub), IClassFixture<SqliteFilesSignalsHub>;

public sealed class PostgresPrivacyScanTests(PostgresAzuriteSignalsHub hub) : PrivacyScanContract(hub), IClassFixture<PostgresAzuriteSignalsHub>;
