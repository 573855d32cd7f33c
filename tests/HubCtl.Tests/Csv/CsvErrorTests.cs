using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Tests.Csv;

/// <summary>Every malformed row gives its code, its data row and physical line, and never a field's content.</summary>
public sealed class CsvErrorTests
{
    private const string Header = "record_id,bsn,given_names,surname_prefix,surname,date_of_birth,gender,street,house_number,house_number_suffix,postcode,city,phone,email";

    // Identifier-like contents that must never show up in an error message.
    private const string Secret = "111222333,Geheimnaam,Verborgenstraat";

    private static string Good(string id) => $"{id},111222333,Geheimnaam,,Verborgen,1970-01-01,V,Verborgenstraat,1,,1234AB,Stad,0611111111,geheim@example.nl\n";

    public static TheoryData<string, string, long, long> BrokenFiles() => new()
    {
        // Line 3 holds data row 2 (the header is line 1); a multi-line quoted field in row 2 shifts row 3 to line 5.
        { Header + "\n" + Good("r1") + "r2,111222333,Geheimnaam\n", CsvErrorCodes.WrongFieldCount, 2, 3 },
        { Header + "\n" + Good("r1") + "r2,\"111222333\nGeheim\",,,,,,,,,,,,\n" + Good("r3") + "r4,111222333,too,many,,,,,,,,,,,,Verborgenstraat\n", CsvErrorCodes.WrongFieldCount, 4, 6 },
        { Header + "\n" + Good("r1") + Good("r2") + "r3,\"111222333,Geheimnaam,,,,,,,,,,,,\n", CsvErrorCodes.UnterminatedQuote, 3, 4 },
        { Header + "\n" + Good("r1") + "r2,111\"222333,Geheimnaam,,,,,,,,,,,\n", CsvErrorCodes.MisplacedQuote, 2, 3 },
        { Header + "\n" + "r1,\"111222333\"Geheimnaam,,,,,,,,,,,,\n", CsvErrorCodes.MisplacedQuote, 1, 2 },
        { Header + "\n" + Good("r1") + "\n" + Good(string.Empty), CsvErrorCodes.EmptyRequiredField, 2, 4 },
        { Header + "\n" + Good("r1") + Good("r2") + Good("r1"), CsvErrorCodes.DuplicateId, 3, 4 },
        { Header + "\r\n" + Good("r1").Replace("\n", "\r\n", StringComparison.Ordinal) + "r2,111222333\r\n", CsvErrorCodes.WrongFieldCount, 2, 3 },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Read_BrokenRow_ReportsCodeRowAndLineWithoutContent(string csv, string code, long row, long line)
    {
        var result = PersonRecordCsv.Read(new StringReader(csv));

        Assert.False(result.IsSuccess);
        var error = result.Error!;
        Assert.Equal(code, error.Code);
        Assert.Equal(row, error.RowNumber);
        Assert.Equal(line, error.Line);
        Assert.Empty(result.Records);
        AssertNoContent(error.Message);
        AssertNoContent(error.ToString());
    }

    [Fact]
    public void Read_RowLongerThanLimit_RecordTooLong()
    {
        var csv = Header + "\n" + "r1,\"" + new string('9', CsvLimits.MaxRecordChars + 1) + "\"" + new string(',', 12) + "\n";

        var result = PersonRecordCsv.Read(new StringReader(csv));

        Assert.Equal(CsvErrorCodes.RecordTooLong, result.Error!.Code);
        Assert.Equal(1, result.Error.RowNumber);
        Assert.DoesNotContain("999999", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateId_NamesTheFirstRow()
    {
        var csv = Header + "\n" + Good("r1") + Good("r2") + Good("r1");

        var error = PersonRecordCsv.Read(new StringReader(csv)).Error!;

        Assert.Contains("data row 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("r1", error.Message, StringComparison.Ordinal);
    }

    private static void AssertNoContent(string message)
    {
        foreach (var part in Secret.Split(','))
        {
            Assert.DoesNotContain(part, message, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("Verborgen", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1234AB", message, StringComparison.OrdinalIgnoreCase);
    }
}
