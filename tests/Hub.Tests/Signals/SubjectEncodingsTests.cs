using System.Net;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SharingHub.Hub.Signals;
using SubjectEncodingRow = SharingHub.Hub.Linkage.SubjectEncoding;
using SharingHub.Hub.Storage;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Preparation;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>The fuzzy-linkage encodings ingress writes: the linkage core's encoding under the convenant's active key, in the documented layout.</summary>
public sealed class SubjectEncodingsTests(SqliteFilesSignalsHub hub) : IClassFixture<SqliteFilesSignalsHub>
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static string Person(string? bsn, string given, string surname, string dob, string house = "12") =>
        "{\"subjectType\":\"person\",\"identifiers\":{" + (bsn is null ? string.Empty : $"\"bsn\":\"{bsn}\",") +
        $"\"givenNames\":\"{given}\",\"surname\":\"{surname}\",\"dateOfBirth\":\"{dob}\",\"address\":{{\"postcode\":\"6211 AB\",\"houseNumber\":\"{house}\"}}}}," +
        $"\"purpose\":\"{SignalPartners.Purpose}\",\"categories\":[\"signaal\",\"identificatie\"]}}";

    [Fact]
    public async Task Submit_Person_EncodingEqualsLinkagePreparationUnderLinkageKey()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var signalId = await SubmitAsync(http, token, Person("200001176", "Geertruida", "Vermeulen", "1968-10-09"));

        var row = await EncodingAsync(signalId);

        var ring = await hub.Factory.Services.GetRequiredService<DomainKeyService>().GetRingAsync(SignalPartners.Convenant);
        var person = new PersonIdentifiers(
            Bsn.Parse("200001176").Value, PersonName.Parse("Geertruida", null, "Vermeulen").Value, DateOfBirth.Parse("1968-10-09", Today).Value,
            DutchAddress.Parse("6211 AB", "12", null).Value);
        var linkageKey = new byte[SharingHub.Hub.Linkage.LinkageEncoding.KeyLength];
        SharingHub.Hub.Linkage.LinkageEncoding.DeriveKey(ring, linkageKey);
        var (clk, blockKeys) = SharingHub.Hub.Linkage.LinkageEncoding.Encode(linkageKey, LinkagePreparation.QuasiIdentifiersOf(person));
        Assert.Equal(ring.ActiveVersion, row.KeyVersion);
        Assert.Equal(SubjectEncodings.ClkBytes, row.Clk.Length);
        Assert.Equal(BlockKeyer.PassCount * 8, row.BlockKeys.Length);
        Assert.Equal(clk, row.Clk);
        Assert.Equal(blockKeys, row.BlockKeys);
        var underPseudonymKey = LinkagePreparation.Prepare(ring, [new LinkageSubject("x", person)]);
        var words = new ulong[BloomFilterStore.Words];
        SubjectEncodings.ReadClk(row.Clk, words);
        Assert.NotEqual(underPseudonymKey.Filters[0].ToArray(), words);
        Assert.Null(row.LinkedAt);
        Assert.Equal(SignalPartners.Convenant, row.ConvenantId);
    }

    [Fact]
    public async Task Submit_TypoWithoutBsn_NewSubjectButSimilarEncodingAndSharedBlock()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var first = await EncodingAsync(await SubmitAsync(http, token, Person("200001218", "Hendrikus", "Schoonderwoerd", "1955-01-30")));
        var typo = await EncodingAsync(await SubmitAsync(http, token, Person(null, "Hendrikus", "Schoonderwoert", "1955-01-30", house: "14")));

        Assert.NotEqual(first.SubjectId, typo.SubjectId);
        Assert.True(Dice(first.Clk, typo.Clk) > 0.8, "dice " + Dice(first.Clk, typo.Clk));
        Assert.Contains(Enum.GetValues<BlockingPass>(), pass =>
            SubjectEncodings.ReadBlockKey(first.BlockKeys, pass) != 0 && SubjectEncodings.ReadBlockKey(first.BlockKeys, pass) == SubjectEncodings.ReadBlockKey(typo.BlockKeys, pass));
    }

    [Fact]
    public async Task Submit_BsnOnlyAndCompany_NoEncodingRow()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Gemeente);
        var before = await SignalApi.SnapshotAsync(hub.Factory);

        await SubmitAsync(http, token, """{"subjectType":"person","identifiers":{"bsn":"200001267"},"purpose":"aanpak-georganiseerde-criminaliteit","categories":["signaal","bsn"]}""");
        await SubmitAsync(http, token, """{"subjectType":"company","identifiers":{"kvk":"90000013"},"purpose":"aanpak-georganiseerde-criminaliteit","categories":["signaal","bedrijfsgegevens"]}""");

        var after = await SignalApi.SnapshotAsync(hub.Factory);
        Assert.Equal(before.Tables["signals"] + 2, after.Tables["signals"]);
        Assert.Equal(before.Tables["subject_encodings"], after.Tables["subject_encodings"]);
    }

    [Fact]
    public async Task Batch_OneNewPersonFortyTimes_SealedInParallelUnderOneDataKeyAndAllOpen()
    {
        using var http = hub.Factory.CreateApiClient();
        var token = await SignalApi.TokenAsync(http, SignalPartners.Politie);
        var before = await SignalApi.SnapshotAsync(hub.Factory);
        var batch = "{\"signals\":[" + string.Join(',', Enumerable.Repeat(Person("200001309", "Aaltje", "Zwartveen", "1990-12-01"), 40)) + "]}";

        using var response = await SignalApi.PostAsync(http, SignalApi.BatchPath, token, batch);

        Assert.Equal(40, (await SignalApi.JsonAsync(response)).GetProperty("accepted").GetInt32());
        var after = await SignalApi.SnapshotAsync(hub.Factory);
        Assert.Equal(before.Tables["subjects"] + 1, after.Tables["subjects"]);
        Assert.Equal(before.Tables["vault_data_keys"] + 1, after.Tables["vault_data_keys"]);
        Assert.Equal(before.Tables["subject_encodings"] + 40, after.Tables["subject_encodings"]);
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var vault = scope.ServiceProvider.GetRequiredService<SharingHub.Pseudonymisation.Vault.IdentityVault>();
        var ids = (await SignalApi.JsonAsync(response)).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("signalId").GetGuid()).ToList();
        var rows = await db.Signals.AsNoTracking().Where(x => ids.Contains(x.Id)).ToListAsync();
        Assert.Equal(40, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal("Zwartveen", (await vault.OpenAsync(SharingHub.Hub.Subjects.Subject.VaultIdOf(row.SubjectId), row.Identity))["surname"]!.Raw);
        }
    }

    [Fact]
    public void CreateMany_ManyPersons_SameRowsAsCreateOneByOneInInputOrder()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 2, Guid.Empty, Enumerable.Repeat((byte)5, 32).ToArray(), new FakeTimeProvider());
        using var encoder = SubjectEncodings.CreateEncoder(ring, out var version);
        var persons = Enumerable.Range(0, 37).Select(i => new EncodingSubject(Guid.NewGuid(), Guid.NewGuid(), i % 5 == 0
            ? new PersonIdentifiers(Bsn: Bsn.Parse("111222333").Value)
            : new PersonIdentifiers(Name: PersonName.Parse("Jan" + (char)('a' + (i % 26)), null, "Berg").Value, DateOfBirth: DateOfBirth.Parse("1980-01-0" + (1 + (i % 9)), Today).Value))).ToList();

        var many = SubjectEncodings.CreateMany(encoder, version, "riec", persons, DateTimeOffset.UnixEpoch);
        var one = persons.Select(p => SubjectEncodings.Create(encoder, version, "riec", p.SignalId, p.SubjectId, p.Person, DateTimeOffset.UnixEpoch)).OfType<SubjectEncodingRow>().ToList();

        Assert.Equal(2, version);
        Assert.Equal(persons.Count(p => p.Person.Bsn is null), many.Count);
        Assert.Equal(one.Select(r => r.SignalId), many.Select(r => r.SignalId));
        Assert.Equal(one.Select(r => Convert.ToHexString(r.Clk)), many.Select(r => Convert.ToHexString(r.Clk)));
        Assert.Equal(one.Select(r => Convert.ToHexString(r.BlockKeys)), many.Select(r => Convert.ToHexString(r.BlockKeys)));
    }

    [Fact]
    public void ReadClk_LittleEndianWords_FirstByteIsLowestBitsOfWordZero()
    {
        var clk = new byte[SubjectEncodings.ClkBytes];
        clk[0] = 0x01;
        clk[15] = 0x80;
        var words = new ulong[BloomFilterStore.Words];

        SubjectEncodings.ReadClk(clk, words);

        Assert.Equal(1UL, words[0]);
        Assert.Equal(1UL << 63, words[1]);
    }

    private static double Dice(byte[] a, byte[] b)
    {
        int both = 0, total = 0;
        for (var i = 0; i < a.Length; i++)
        {
            both += BitOperations.PopCount((uint)(a[i] & b[i]));
            total += BitOperations.PopCount(a[i]) + BitOperations.PopCount(b[i]);
        }

        return 2.0 * both / total;
    }

    private async Task<SubjectEncodingRow> EncodingAsync(Guid signalId)
    {
        await using var scope = hub.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.SubjectEncodings.AsNoTracking().SingleAsync(e => e.SignalId == signalId);
    }

    private static async Task<Guid> SubmitAsync(HttpClient http, string token, string body)
    {
        using var response = await SignalApi.PostAsync(http, SignalApi.SignalsPath, token, body);
        var json = await SignalApi.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json.GetProperty("signalId").GetGuid();
    }
}
