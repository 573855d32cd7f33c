using System.Globalization;
using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Tests.Csv;

public sealed class TruthAndLinksCsvTests
{
    [Fact]
    public void TruthRead_EmptyEntity_ErrorWithRow()
    {
        var result = TruthCsv.Read(new StringReader("record_id,entity_id\np1-1,e1\np1-2,\n"));

        Assert.Equal(CsvErrorCodes.EmptyRequiredField, result.Error!.Code);
        Assert.Equal(2, result.Error.RowNumber);
        Assert.Equal(3, result.Error.Line);
    }

    [Fact]
    public void TruthRead_DuplicateRecordId_Error()
    {
        var result = TruthCsv.Read(new StringReader("record_id,entity_id\np1-1,e1\np1-1,e2\n"));

        Assert.Equal(CsvErrorCodes.DuplicateId, result.Error!.Code);
        Assert.Equal(2, result.Error.RowNumber);
    }

    [Fact]
    public void TruthRead_MissingEntityColumn_Error()
    {
        var result = TruthCsv.Read(new StringReader("record_id\np1-1\n"));

        Assert.Equal(CsvErrorCodes.MissingColumn, result.Error!.Code);
    }

    [Fact]
    public void LinksRead_ScoreAndReason_Parsed()
    {
        var result = LinksCsv.Read(new StringReader("left_id,right_id,score,reason\na,b,0.93,fuzzy:0.93\nc,d,1,bsn\n"));

        Assert.True(result.IsSuccess);
        Assert.Equal(new LinkRecord("a", "b", 0.93, "fuzzy:0.93"), result.Records[0]);
        Assert.Equal(1.0, result.Records[1].Score);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("0,5")]
    [InlineData("NaN")]
    [InlineData("")]
    [InlineData("abc")]
    public void LinksRead_BadScore_InvalidScore(string score)
    {
        var result = LinksCsv.Read(new StringReader($"left_id,right_id,score,reason\na,b,0.5,x\nc,d,\"{score}\",bsn\n"));

        Assert.Equal(CsvErrorCodes.InvalidScore, result.Error!.Code);
        Assert.Equal(2, result.Error.RowNumber);
    }

    [Fact]
    public void LinksWrite_UnderCommaCulture_WritesInvariantDecimalPoint()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            var dutch = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            dutch.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = dutch;
            var writer = new StringWriter(CultureInfo.InvariantCulture);

            LinksCsv.Write(writer, [new LinkRecord("a", "b", 0.25, "name+dob")]);

            Assert.Equal("left_id,right_id,score,reason\na,b,0.25,name+dob\n", writer.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void LinksWrite_ScoreOutOfRange_Throws(double score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinksCsv.WriteRecord(new StringWriter(), new LinkRecord("a", "b", score, "x")));
    }
}
