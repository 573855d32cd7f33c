using System.Globalization;
using System.Text.Json;
using SharingHub.HubCtl;
using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Tests.Commands.Link;

public sealed class LinkCommandTests : IDisposable
{
    private const string Header = "record_id,bsn,given_names,surname_prefix,surname,date_of_birth,gender,street,house_number,house_number_suffix,postcode,city,phone,email";
    private readonly string _dir = Directory.CreateTempSubdirectory("hubctl-link-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_dir, name);

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HubCtlApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Bsn(int n)
    {
        // 8 digits + a check digit that passes the 11-proef; skip numbers where no digit fits.
        for (var k = n; ; k++)
        {
            var digits = (10000000 + (k % 89999999)).ToString("D8", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (digits[i] - '0');
            }

            var check = sum % 11;
            if (check < 10)
            {
                return digits + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>A small two-partner set with realistic variation, written as `hubctl synth` would.</summary>
    private void WriteSet(int n)
    {
        string[] given = ["Jan", "Willem", "Pieter", "Anna", "Maria", "Sophie", "Daan", "Sem", "Lotte", "Emma", "Thijs", "Ruben", "Fleur", "Noah"];
        string[] surnames = ["Berg", "Jansen", "Bijl", "Smit", "Dijk", "Vries", "Bakker", "Visser", "Meijer", "Boer", "Mulder", "Groot", "Bos", "Vos", "Peters", "Dekker"];
        string[] prefixes = ["", "", "", "van der", "de", "van"];
        var s = 0x9E3779B97F4A7C15UL;
        int Next(int max)
        {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            return (int)(s % (ulong)max);
        }

        var left = new List<PersonRecord>();
        var right = new List<PersonRecord>();
        var truth = new List<TruthRecord>();
        for (var i = 0; i < n; i++)
        {
            var dob = new DateOnly(1950 + Next(60), 1 + Next(12), 1 + Next(28));
            var p = new PersonRecord
            {
                RecordId = $"p1-{i}",
                Bsn = Bsn(1000 + (i * 7919)),
                GivenNames = given[Next(given.Length)] + (Next(3) == 0 ? " " + given[Next(given.Length)] : string.Empty),
                SurnamePrefix = prefixes[Next(prefixes.Length)],
                Surname = surnames[Next(surnames.Length)] + (Next(2) == 0 ? "s" : string.Empty),
                DateOfBirth = dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                HouseNumber = (1 + Next(150)).ToString(CultureInfo.InvariantCulture),
                Postcode = $"{1000 + Next(9000)}{(char)('A' + Next(26))}{(char)('A' + Next(26))}",
            };
            left.Add(p);
            truth.Add(new TruthRecord(p.RecordId, "e" + i));
            if (i % 5 == 0)
            {
                continue;
            }

            var q = p with { RecordId = $"p2-{i}" };
            switch (Next(6))
            {
                case 0:
                    q = q with { Bsn = string.Empty, SurnamePrefix = string.Empty };
                    break;
                case 1 when dob.Day <= 12:
                    q = q with { Bsn = string.Empty, DateOfBirth = new DateOnly(dob.Year, dob.Day, dob.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
                    break;
                case 2:
                    q = q with { Bsn = string.Empty, Surname = q.Surname + "e" };
                    break;
                case 3:
                    q = q with { Bsn = string.Empty, Postcode = "9999ZZ" };
                    break;
                default:
                    break;
            }

            right.Add(q);
            truth.Add(new TruthRecord(q.RecordId, "e" + i));
        }

        for (var i = 0; i < n / 5; i++)
        {
            var x = new PersonRecord { RecordId = $"p2-x{i}", GivenNames = "Kees", Surname = "Onbekend" + i, DateOfBirth = "1970-01-01" };
            right.Add(x);
            truth.Add(new TruthRecord(x.RecordId, "x" + i));
        }

        using (var w = new StreamWriter(Path("partner_1.csv")))
        {
            PersonRecordCsv.Write(w, left);
        }

        using (var w = new StreamWriter(Path("partner_2.csv")))
        {
            PersonRecordCsv.Write(w, right);
        }

        using (var w = new StreamWriter(Path("truth.csv")))
        {
            TruthCsv.Write(w, truth);
        }
    }

    [Fact]
    public async Task LinkThenEval_SmallPartnerSet_HighF1AndAutoBeatsExact()
    {
        WriteSet(400);
        var (exit, _, err) = await Run("link", "--left", Path("partner_1.csv"), "--right", Path("partner_2.csv"), "--out", Path("auto.csv"));
        Assert.True(exit == 0, err);
        (exit, _, err) = await Run("link", "--left", Path("partner_1.csv"), "--right", Path("partner_2.csv"), "--out", Path("exact.csv"), "--mode", "exact");
        Assert.True(exit == 0, err);

        var (evalExit, json, evalErr) = await Run("eval", "--links", Path("auto.csv"), "--truth", Path("truth.csv"));
        Assert.True(evalExit == 0, evalErr);
        var auto = JsonDocument.Parse(json).RootElement;
        var (_, exactJson, _) = await Run("eval", "--links", Path("exact.csv"), "--truth", Path("truth.csv"));
        var exact = JsonDocument.Parse(exactJson).RootElement;
        Assert.True(auto.GetProperty("f1").GetDouble() >= 0.97, json);
        Assert.True(auto.GetProperty("f1").GetDouble() > exact.GetProperty("f1").GetDouble(), json + exactJson);

        var links = LinksCsv.ReadAll(Path("auto.csv"));
        Assert.True(links.IsSuccess);
        Assert.Contains(links.Records, l => l.Reason == "bsn");
        Assert.Contains(links.Records, l => l.Reason.StartsWith("fuzzy:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SynthLinkEval_TypoRate01_F1AtLeast098()
    {
        var (exit, _, err) = await Run("synth", "--persons", "2000", "--partners", "2", "--overlap", "0.8", "--typo-rate", "0.1", "--seed", "5", "--out", _dir);
        Assert.True(exit == 0, err);
        (exit, _, err) = await Run("link", "--left", Path("partner_1.csv"), "--right", Path("partner_2.csv"), "--out", Path("links.csv"));
        Assert.True(exit == 0, err);
        var (evalExit, json, evalErr) = await Run("eval", "--links", Path("links.csv"), "--truth", Path("truth.csv"));
        Assert.True(evalExit == 0, evalErr);
        Assert.True(JsonDocument.Parse(json).RootElement.GetProperty("f1").GetDouble() >= 0.98, json);
    }

    [Fact]
    public async Task Link_MalformedCsv_RowNumberedErrorAndNothingWritten()
    {
        await File.WriteAllTextAsync(Path("a.csv"), Header + "\np1-1,,Jan,,Berg,1980-01-01,,,1,,1234AB,,,\np1-2,\"unterminated\n");
        await File.WriteAllTextAsync(Path("b.csv"), Header + "\n");
        var (exit, _, err) = await Run("link", "--left", Path("a.csv"), "--right", Path("b.csv"), "--out", Path("links.csv"));
        Assert.Equal(1, exit);
        Assert.Contains("SH91", err, StringComparison.Ordinal);
        Assert.Contains("row", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("links.csv")));
    }

    [Fact]
    public async Task Link_MalformedRowAfterFirstStreamedChunk_RowNumberedErrorAndNothingWritten()
    {
        // More rows than one streamed chunk (32,768), then a malformed row: the error must still name its row.
        var text = new System.Text.StringBuilder(Header).Append('\n');
        for (var i = 0; i < 40_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"p1-{i},,Jan,,Berg,1980-01-{1 + (i % 28):D2},,,{1 + (i % 200)},,1234AB,,,\n");
        }

        text.Append("p1-x,\"unterminated\n");
        await File.WriteAllTextAsync(Path("a.csv"), text.ToString());
        await File.WriteAllTextAsync(Path("b.csv"), Header + "\np2-1,,Jan,,Berg,1980-01-01,,,1,,1234AB,,,\n");
        var (exit, _, err) = await Run("link", "--left", Path("a.csv"), "--right", Path("b.csv"), "--out", Path("links.csv"));
        Assert.Equal(1, exit);
        Assert.Contains("SH91", err, StringComparison.Ordinal);
        Assert.Contains("40001", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("links.csv")));
    }

    [Fact]
    public async Task Link_TimingsOption_PrintsPhasesWithoutPlaintext()
    {
        WriteSet(400);
        var (exit, output, err) = await Run("link", "--left", Path("partner_1.csv"), "--right", Path("partner_2.csv"), "--out", Path("links.csv"), "--timings");
        Assert.True(exit == 0, err);
        var lines = output.Split('\n').Where(l => l.StartsWith("timings:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        var leftCount = File.ReadLines(Path("partner_1.csv")).Count() - 1;
        Assert.Contains($"left: {leftCount} records", lines[0], StringComparison.Ordinal);
        Assert.Contains("pseudonymise+encode", lines[0], StringComparison.Ordinal);
        foreach (var surname in new[] { "Berg", "Jansen", "Bijl", "Visser" })
        {
            Assert.DoesNotContain(surname, output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Link_EmptyInputs_WritesHeaderOnly()
    {
        await File.WriteAllTextAsync(Path("a.csv"), Header + "\n");
        await File.WriteAllTextAsync(Path("b.csv"), Header + "\n");
        var (exit, _, err) = await Run("link", "--left", Path("a.csv"), "--right", Path("b.csv"), "--out", Path("links.csv"));
        Assert.True(exit == 0, err);
        Assert.Equal("left_id,right_id,score,reason", (await File.ReadAllTextAsync(Path("links.csv"))).TrimEnd());
    }

    [Fact]
    public async Task Link_RecordWithoutIdentifier_ReportedByIdWithoutContent()
    {
        await File.WriteAllTextAsync(Path("a.csv"), Header + "\np1-1,,Jan,,Berg,1980-01-01,,,1,,1234AB,,,\np1-2,,,,,,M,Geheimstraat,,,,Geheimstad,0612345678,x@example.org\n");
        await File.WriteAllTextAsync(Path("b.csv"), Header + "\np2-1,,Jan,,Berg,1980-01-01,,,1,,1234AB,,,\n");
        var (exit, output, err) = await Run("link", "--left", Path("a.csv"), "--right", Path("b.csv"), "--out", Path("links.csv"));
        Assert.True(exit == 0, err);
        Assert.Contains("SH9401", err, StringComparison.Ordinal);
        Assert.Contains("p1-2", err, StringComparison.Ordinal);
        foreach (var secret in new[] { "Geheim", "0612345678", "example.org", "Berg", "1980", "1234AB" })
        {
            Assert.DoesNotContain(secret, err, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
        }

        var links = LinksCsv.ReadAll(Path("links.csv"));
        Assert.Equal([new LinkRecord("p1-1", "p2-1", 1.0, "name+dob")], links.Records);
    }

    [Fact]
    public async Task Link_ThresholdOutOfRange_UsageError()
    {
        await File.WriteAllTextAsync(Path("a.csv"), Header + "\n");
        var (exit, _, err) = await Run("link", "--left", Path("a.csv"), "--right", Path("a.csv"), "--out", Path("links.csv"), "--threshold", "1.5");
        Assert.Equal(2, exit);
        Assert.Contains("SH9400", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("links.csv")));
    }

    [Fact]
    public async Task Link_UnknownMode_UsageError()
    {
        var (exit, _, _) = await Run("link", "--left", "a", "--right", "b", "--out", "c", "--mode", "psychic");
        Assert.Equal(2, exit);
    }
}
