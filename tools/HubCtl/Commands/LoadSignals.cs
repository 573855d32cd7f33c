using System.Globalization;
using System.Text;
using System.Text.Json;
using Bogus;

namespace SharingHub.HubCtl.Commands;

/// <summary>Synthetic signal batches (Bogus "nl", seeded): persons with an elfproef BSN, name, date of birth and address.</summary>
internal static class LoadSignals
{
    private const string PostcodeLetters = "ABCDEGHJKLMNPRTVWXZ";

    /// <summary>The request bodies of every batch, serialised before the clock starts.</summary>
    public static List<(byte[] Body, int Count)> CreateBatches(LoadOptions options)
    {
        var faker = new Faker("nl") { Random = new Randomizer(options.Seed) };
        var batches = new List<(byte[], int)>();
        for (var start = 0; start < options.Signals; start += options.Batch)
        {
            var count = Math.Min(options.Batch, options.Signals - start);
            using var buffer = new MemoryStream(count * 400);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("signals");
                for (var i = 0; i < count; i++)
                {
                    WriteSignal(writer, faker, options);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            batches.Add((buffer.ToArray(), count));
        }

        return batches;
    }

    private static void WriteSignal(Utf8JsonWriter writer, Faker faker, LoadOptions options)
    {
        var given = faker.Name.FirstName();
        var surname = faker.Name.LastName();
        var prefix = string.Empty;
        var space = surname.LastIndexOf(' ');
        if (space > 0)
        {
            prefix = surname[..space];
            surname = surname[(space + 1)..];
        }

        writer.WriteStartObject();
        writer.WriteString("subjectType", "person");
        writer.WriteStartObject("identifiers");
        writer.WriteString("bsn", Bsn(faker.Random));
        writer.WriteString("givenNames", given);
        if (prefix.Length > 0)
        {
            writer.WriteString("surnamePrefix", prefix);
        }

        writer.WriteString("surname", surname);
        var dob = new DateOnly(1940, 1, 1).AddDays(faker.Random.Int(0, 365 * 65));
        writer.WriteString("dateOfBirth", dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteStartObject("address");
        writer.WriteString("postcode", faker.Random.Int(1000, 9999).ToString(CultureInfo.InvariantCulture) + faker.Random.String2(2, PostcodeLetters));
        writer.WriteString("houseNumber", faker.Random.Int(1, 250).ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString("purpose", options.Purpose);
        writer.WriteStartArray("categories");
        foreach (var category in options.Categories)
        {
            writer.WriteStringValue(category);
        }

        writer.WriteEndArray();
        writer.WriteString("phase", "signal");
        writer.WriteString("summary", new StringBuilder("Melding over ").Append(given).Append(' ').Append(surname)
            .Append(": ").Append(faker.Lorem.Sentence(8)).ToString());
        writer.WriteEndObject();
    }

    /// <summary>A random 9-digit number that passes the elfproef.</summary>
    public static string Bsn(Randomizer random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<int> digits = stackalloc int[8];
        while (true)
        {
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                digits[i] = random.Int(i == 0 ? 1 : 0, 9);
                sum += digits[i] * (9 - i);
            }

            var last = sum % 11;
            if (last <= 9)
            {
                var text = new StringBuilder(9);
                foreach (var digit in digits)
                {
                    text.Append((char)('0' + digit));
                }

                return text.Append((char)('0' + last)).ToString();
            }
        }
    }
}
