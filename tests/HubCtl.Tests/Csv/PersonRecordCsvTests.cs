using System.Text;
using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Tests.Csv;

public sealed class PersonRecordCsvTests
{
    private const string Header = "record_id,bsn,given_names,surname_prefix,surname,date_of_birth,gender,street,house_number,house_number_suffix,postcode,city,phone,email";

    [Fact]
    public void Read_ValidFile_MapsEveryColumn()
    {
        var csv = Header + "\n" + "p1-1,123456782,Johannes Cornelis,van der,Berg,1980-02-03,M,Dorpsstraat,12,A,1234AB,Utrecht,0612345678,j@example.nl\n";

        var result = PersonRecordCsv.Read(new StringReader(csv));

        Assert.True(result.IsSuccess);
        var record = Assert.Single(result.Records);
        var expected = new PersonRecord
        {
            RecordId = "p1-1", Bsn = "123456782", GivenNames = "Johannes Cornelis", SurnamePrefix = "van der", Surname = "Berg",
            DateOfBirth = "1980-02-03", Gender = "M", Street = "Dorpsstraat", HouseNumber = "12", HouseNumberSuffix = "A",
            Postcode = "1234AB", City = "Utrecht", Phone = "0612345678", Email = "j@example.nl",
        };
        Assert.Equal(expected, record);
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndNewlines_Unescapes()
    {
        var csv = Header + "\r\n" + "\"p,1\",,\"Jan \"\"Jantje\"\"\",,\"Berg\r\nline2\nline3\",,,,,,,,,\r\n";

        var result = PersonRecordCsv.Read(new StringReader(csv));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var record = Assert.Single(result.Records);
        Assert.Equal("p,1", record.RecordId);
        Assert.Equal("Jan \"Jantje\"", record.GivenNames);
        Assert.Equal("Berg\r\nline2\nline3", record.Surname);
    }

    [Fact]
    public void Read_ExtraColumnsAndOtherOrder_IgnoresUnknownColumns()
    {
        var csv = "note,email,phone,city,postcode,house_number_suffix,house_number,street,gender,date_of_birth,surname,surname_prefix,given_names,bsn,RECORD_ID,extra\n"
            + "x,e@x.nl,,,,,,,,,Jansen,,,,r1,y\n";

        var result = PersonRecordCsv.Read(new StringReader(csv));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var record = Assert.Single(result.Records);
        Assert.Equal("r1", record.RecordId);
        Assert.Equal("Jansen", record.Surname);
        Assert.Equal("e@x.nl", record.Email);
        Assert.Equal(string.Empty, record.Bsn);
    }

    [Fact]
    public void Read_ByteOrderMarkAndBlankLinesAndNoFinalNewline_Accepted()
    {
        var csv = "\uFEFF" + Header + "\n\n" + "r1" + new string(',', 13) + "\n\r\n" + "r2" + new string(',', 13);

        var result = PersonRecordCsv.Read(new StringReader(csv));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(["r1", "r2"], result.Records.Select(r => r.RecordId));
    }

    [Fact]
    public void Read_HeaderOnly_NoRecords()
    {
        var result = PersonRecordCsv.Read(new StringReader(Header + "\n"));

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Read_EmptyFile_MissingHeaderError()
    {
        var result = PersonRecordCsv.Read(new StringReader(string.Empty));

        Assert.False(result.IsSuccess);
        Assert.Equal(CsvErrorCodes.MissingHeader, result.Error!.Code);
        Assert.Equal(0, result.Error.RowNumber);
    }

    [Fact]
    public void Read_HeaderWithoutSurnameAndCity_NamesMissingColumns()
    {
        var csv = Header.Replace(",surname,", ",", StringComparison.Ordinal).Replace(",city", string.Empty, StringComparison.Ordinal) + "\n";

        var result = PersonRecordCsv.Read(new StringReader(csv));

        Assert.Equal(CsvErrorCodes.MissingColumn, result.Error!.Code);
        Assert.Equal(1, result.Error.Line);
        Assert.Contains("surname", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("city", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateRequiredColumn_Error()
    {
        var result = PersonRecordCsv.Read(new StringReader(Header + ",bsn\n"));

        Assert.Equal(CsvErrorCodes.DuplicateColumn, result.Error!.Code);
    }

    [Fact]
    public void OpenReader_MissingFile_FileUnreadable()
    {
        var result = PersonRecordCsv.ReadAll(Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid().ToString("N") + ".csv"));

        Assert.Equal(CsvErrorCodes.FileUnreadable, result.Error!.Code);
    }

    [Fact]
    public void ReadAll_InvalidUtf8_InvalidEncodingError()
    {
        var path = Path.Combine(Path.GetTempPath(), "hubctl-csv-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            var bytes = Encoding.UTF8.GetBytes(Header + "\nr1,,").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(new string(',', 12) + "\n")).ToArray();
            File.WriteAllBytes(path, bytes);

            var result = PersonRecordCsv.ReadAll(path);

            Assert.Equal(CsvErrorCodes.InvalidEncoding, result.Error!.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OpenReader_Streaming_ReadsRowByRowWithRowNumbers()
    {
        var csv = Header + "\n" + string.Concat(Enumerable.Range(1, 5).Select(i => $"r{i}" + new string(',', 13) + "\n"));
        using var reader = PersonRecordCsv.OpenReader(new StringReader(csv));

        var ids = new List<string>();
        while (reader.TryRead(out var record))
        {
            ids.Add(record.RecordId);
            Assert.Equal(ids.Count, reader.RowNumber);
        }

        Assert.Null(reader.Error);
        Assert.Equal(5, ids.Count);
    }

    [Fact]
    public void Write_ThenRead_ReturnsSameRecords()
    {
        var records = new[]
        {
            new PersonRecord { RecordId = "a", GivenNames = "Zoë", Surname = "d'Ancona, \"de\" \n Jong", City = " 's-Hertogenbosch " },
            new PersonRecord { RecordId = "b\r\nc", Street = "\"", Email = "," },
        };
        var writer = new StringWriter();

        PersonRecordCsv.Write(writer, records);
        var result = PersonRecordCsv.Read(new StringReader(writer.ToString()));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(records, result.Records);
        Assert.StartsWith(Header + "\n", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_DoesNotShowIdentifiers()
    {
        var record = new PersonRecord { RecordId = "r1", Bsn = "123456782", Surname = "Jansen", DateOfBirth = "1980-01-01" };

        var text = record.ToString();

        Assert.Contains("r1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("123456782", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jansen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1980", text, StringComparison.Ordinal);
    }
}
