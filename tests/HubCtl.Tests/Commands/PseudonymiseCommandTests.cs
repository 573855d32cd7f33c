using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SharingHub.HubCtl.Commands;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.HubCtl.Tests.Commands;

public sealed class PseudonymiseCommandTests : IDisposable
{
    private const string Header = "record_id,bsn,given_names,surname_prefix,surname,date_of_birth,gender,street,house_number,house_number_suffix,postcode,city,phone,email";
    private const string Row1 = "r1,111222333,Jan-Willem,van der,Berg,1984-02-29,M,Dorpsstraat,12,a,1234 ab,Utrecht,06 12345678,jw@example.nl";
    private const string Row2 = "r2,123456782,Piet,,Jansen,1990-01-31,M,,,,,,,";
    private const string BadBsnRow = "r3,123456789,Anna,,de Vries,1975-05-05,V,,,,,,,";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sh-pseudonymise-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Run_CreateKey_WritesPseudonymColumnsAndOwnerOnlyKeyFile()
    {
        var input = WriteInput(Row1, Row2);

        var (exit, _, error) = await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");

        Assert.Equal(0, exit);
        Assert.Contains("created a new key file", error, StringComparison.Ordinal);
        var lines = File.ReadAllLines(Out);
        Assert.Equal("record_id,bsn,name+dob,surname+initial+dob,postcode+house+dob,phone,email", lines[0]);
        Assert.Equal(3, lines.Length);
        var row1 = lines[1].Split(',');
        Assert.Equal("r1", row1[0]);
        var kinds = new[] { PseudonymKind.Bsn, PseudonymKind.NameDob, PseudonymKind.SurnameInitialDob, PseudonymKind.PostcodeHouseDob, PseudonymKind.Phone, PseudonymKind.Email };
        for (var i = 0; i < kinds.Length; i++)
        {
            Assert.True(Pseudonym.TryParse(row1[i + 1], out var pseudonym));
            Assert.Equal(kinds[i], pseudonym.Kind);
            Assert.Equal(1, pseudonym.KeyVersion);
        }

        Assert.Equal(["", ""], lines[2].Split(',')[4..6]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Key));
        }
    }

    [Fact]
    public async Task Run_Output_HoldsNoIdentifier()
    {
        var input = WriteInput(Row1, Row2);

        var (exit, output, error) = await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");

        Assert.Equal(0, exit);
        var text = File.ReadAllText(Out) + output + error;
        foreach (var value in new[] { "111222333", "123456782", "Berg", "Jansen", "1984", "1234", "612345678", "example.nl", "Utrecht", "Dorpsstraat" })
        {
            Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Run_BsnColumn_IsDocumentedHkdfAndHmacOfKeyFileSecret()
    {
        var input = WriteInput(Row1);

        await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");

        using var document = JsonDocument.Parse(File.ReadAllText(Key));
        var secret = Convert.FromBase64String(document.RootElement.GetProperty("secret").GetString()!);
        Assert.Equal(32, secret.Length);
        var pseudonymKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, "SharingHub.Keys.v1/derive"u8.ToArray(), "pseudonym\u001Friec\u001F1"u8.ToArray());
        var expected = HMACSHA256.HashData(pseudonymKey, Encoding.UTF8.GetBytes("p1\u001F111222333"));
        Assert.True(Pseudonym.TryParse(File.ReadAllLines(Out)[1].Split(',')[1], out var bsn));
        var actual = new byte[32];
        bsn.CopyHashTo(actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Run_SameKeyTwiceAndOtherDomain_StableWithinUnrelatedAcross()
    {
        var input = WriteInput(Row1, Row2);
        await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");
        var first = File.ReadAllText(Out);

        await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec");
        var second = File.ReadAllText(Out);
        await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "zvh");
        var other = File.ReadAllLines(Out);

        Assert.Equal(first, second);
        var firstCells = first.Split('\n')[1].Split(',')[1..];
        Assert.Empty(firstCells.Intersect(other[1].Split(',')[1..]));
    }

    [Fact]
    public async Task Run_InvalidBsnOnRow3_RowNumberedErrorExit1NoOutput()
    {
        var input = WriteInput(Row1, Row2, BadBsnRow);
        File.WriteAllText(Out, "previous content");

        var (exit, _, error) = await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");

        Assert.Equal(1, exit);
        Assert.Contains(PseudonymiseErrorCodes.InvalidIdentifier, error, StringComparison.Ordinal);
        Assert.Contains("row 3", error, StringComparison.Ordinal);
        Assert.Contains("column bsn", error, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789", error, StringComparison.Ordinal);
        Assert.Equal("previous content", File.ReadAllText(Out));
        Assert.Equal(["a.csv", "b.csv", "k.json"], _directory.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("r9,,Anna,,Vries42,1975-05-05,,,,,,,,", "column name", "Vries42")]
    [InlineData("r9,,Anna,,de Vries,1975-02-30,,,,,,,,", "column date_of_birth", "1975-02-30")]
    [InlineData("r9,,,,,,,,12,,99999 ZZ,,,", "column address", "99999")]
    [InlineData("r9,,,,,,,,,,,,not-a-phone,", "column phone", "not-a-phone")]
    [InlineData("r9,,,,,,,,,,,,,anna@@example.nl", "column email", "anna@@")]
    public async Task Run_InvalidField_NamesFieldNotValue(string row, string expected, string value)
    {
        var input = WriteInput(Row1, row);

        var (exit, _, error) = await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");

        Assert.Equal(1, exit);
        Assert.Contains("row 2", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task Run_BrokenCsvRow_RowNumberedErrorExit1NoOutputFile()
    {
        var input = WriteInput(Row1, "r2,only,three");

        var (exit, _, error) = await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");

        Assert.Equal(1, exit);
        Assert.Contains("SH9104", error, StringComparison.Ordinal);
        Assert.Contains("row 2", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
        Assert.Equal(["a.csv", "k.json"], _directory.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_SkipInvalid_EmptyCellAndCountOnStderr()
    {
        var input = WriteInput(Row1, BadBsnRow);

        var (exit, _, error) = await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key", "--skip-invalid");

        Assert.Equal(0, exit);
        var row = File.ReadAllLines(Out)[2].Split(',');
        Assert.Equal("r3", row[0]);
        Assert.Equal(string.Empty, row[1]);
        Assert.StartsWith("n1.1.", row[2], StringComparison.Ordinal);
        Assert.Contains("1 invalid bsn value(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingKeyFile_Exit1KeyFileMissing()
    {
        var (exit, _, error) = await Run("--in", WriteInput(Row1), "--out", Out, "--key-file", Key, "--domain", "riec");

        Assert.Equal(1, exit);
        Assert.Contains(PseudonymiseErrorCodes.KeyFileMissing, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public async Task Run_CreateKeyOverExistingFile_Exit1AndKeyUnchanged()
    {
        var input = WriteInput(Row1);
        await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");
        var key = File.ReadAllText(Key);

        var (exit, _, error) = await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");

        Assert.Equal(1, exit);
        Assert.Contains(PseudonymiseErrorCodes.KeyFileExists, error, StringComparison.Ordinal);
        Assert.Equal(key, File.ReadAllText(Key));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"kind\":\"sharinghub-hubctl-key\",\"format\":1,\"keyVersion\":1,\"secret\":\"c2hvcnQ=\"}")]
    [InlineData("{\"kind\":\"other\",\"format\":1,\"keyVersion\":1,\"secret\":\"LBA6gj5nmPpEJuJaYuKpBCKu4sbuV4dcsjKZK6JBYKU=\"}")]
    [InlineData("{\"kind\":\"sharinghub-hubctl-key\",\"format\":2,\"keyVersion\":1,\"secret\":\"LBA6gj5nmPpEJuJaYuKpBCKu4sbuV4dcsjKZK6JBYKU=\"}")]
    public async Task Run_InvalidKeyFile_Exit1KeyFileInvalidWithoutSecret(string content)
    {
        WriteKey(content);

        var (exit, _, error) = await Run("--in", WriteInput(Row1), "--out", Out, "--key-file", Key, "--domain", "riec");

        Assert.Equal(1, exit);
        Assert.Contains(PseudonymiseErrorCodes.KeyFileInvalid, error, StringComparison.Ordinal);
        Assert.DoesNotContain("LBA6gj5n", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KeyFileReadableByOthers_Exit1KeyFileInsecure()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var input = WriteInput(Row1);
        await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec", "--create-key");
        File.SetUnixFileMode(Key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var (exit, _, error) = await Run("--in", input, "--out", Out, "--key-file", Key, "--domain", "riec");

        Assert.Equal(1, exit);
        Assert.Contains(PseudonymiseErrorCodes.KeyFileInsecure, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RIEC")]
    [InlineData("../x")]
    public async Task Run_InvalidDomain_Exit2InvalidDomain(string domain)
    {
        var (exit, _, error) = await Run("--in", WriteInput(Row1), "--out", Out, "--key-file", Key, "--domain", domain, "--create-key");

        Assert.Equal(2, exit);
        Assert.Contains(PseudonymiseErrorCodes.InvalidDomain, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Key));
    }

    [Fact]
    public async Task Run_MissingRequiredOption_Exit2()
    {
        var (exit, _, _) = await Run("--in", WriteInput(Row1), "--out", Out, "--key-file", Key);

        Assert.Equal(2, exit);
    }

    private string Out => Path.Combine(_directory.FullName, "b.csv");

    private string Key => Path.Combine(_directory.FullName, "k.json");

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        string[] full = ["pseudonymise", .. args];
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await HubCtlApp.RunAsync(full, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string WriteInput(params string[] rows)
    {
        var path = Path.Combine(_directory.FullName, "a.csv");
        File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }

    private void WriteKey(string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(Key, options);
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
