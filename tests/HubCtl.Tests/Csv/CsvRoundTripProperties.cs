using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Tests.Csv;

/// <summary>Write then read is the identity, for fields made of the characters that break naive CSV code.</summary>
public sealed class CsvRoundTripProperties
{
    private static readonly char[] Nasty = [',', '"', '\r', '\n', ' ', '\t', ';', 'a', 'Z', 'ë', 'ĳ', '\'', '-', '0', '\uFEFF', '\u00A0'];

    private static Gen<string> NastyString() =>
        Gen.OneOf(
            Gen.Constant(string.Empty),
            Gen.Elements(Nasty).ArrayOf().Select(chars => new string(chars)),
            ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get.Replace('\0', ' ')));

    private static Gen<PersonRecord[]> Records() =>
        NastyString().ArrayOf(14).ArrayOf().Select(rows => rows.Select((f, i) => new PersonRecord
        {
            RecordId = $"{i}|{f[0]}",
            Bsn = f[1], GivenNames = f[2], SurnamePrefix = f[3], Surname = f[4], DateOfBirth = f[5], Gender = f[6],
            Street = f[7], HouseNumber = f[8], HouseNumberSuffix = f[9], Postcode = f[10], City = f[11], Phone = f[12], Email = f[13],
        }).ToArray());

    [Property(MaxTest = 300)]
    public Property PersonRecords_WriteThenRead_Identity() =>
        Prop.ForAll(Records().ToArbitrary(), records =>
        {
            var writer = new StringWriter();
            PersonRecordCsv.Write(writer, records);

            var result = PersonRecordCsv.Read(new StringReader(writer.ToString()));

            return result.IsSuccess && result.Records.SequenceEqual(records);
        });

    [Property(MaxTest = 200)]
    public Property Truth_WriteThenRead_Identity() =>
        Prop.ForAll(NastyString().Two().ArrayOf().ToArbitrary(), pairs =>
        {
            var records = pairs.Select((p, i) => new TruthRecord($"{i}|{p.Item1}", "e" + p.Item2)).ToArray();
            var writer = new StringWriter();
            TruthCsv.Write(writer, records);

            var result = TruthCsv.Read(new StringReader(writer.ToString()));

            return result.IsSuccess && result.Records.SequenceEqual(records);
        });

    [Property(MaxTest = 200)]
    public Property Links_WriteThenRead_Identity() =>
        Prop.ForAll(
            Gen.Zip(NastyString().Three(), Gen.Choose(0, int.MaxValue).Select(n => n / (double)int.MaxValue)).ArrayOf().ToArbitrary(),
            rows =>
            {
                var records = rows.Select(r => new LinkRecord("l" + r.Item1.Item1, "r" + r.Item1.Item2, r.Item2, r.Item1.Item3)).ToArray();
                var writer = new StringWriter();
                LinksCsv.Write(writer, records);

                var result = LinksCsv.Read(new StringReader(writer.ToString()));

                return result.IsSuccess && result.Records.SequenceEqual(records);
            });
}
