using System.Security.Cryptography;
using System.Text;
using SharingHub.Hub.Documents;

namespace SharingHub.Hub.Tests.Documents;

/// <summary>The behaviour every <see cref="IDocumentStore"/> must have; subclasses run it on one implementation.</summary>
public abstract class DocumentStoreContract
{
    protected abstract IDocumentStore Store { get; }

    /// <summary>A name prefix unique to one test, so tests sharing a store do not see each other.</summary>
    private readonly string _prefix = "t" + Guid.NewGuid().ToString("N")[..12] + "/";

    [Fact]
    public async Task Put_ThenGet_ReturnsContentAndContentType()
    {
        var name = Name("signals/s1/original.pdf");
        await Store.PutAsync(name, new MemoryStream("%PDF-1.7 test"u8.ToArray()), "application/pdf");

        await using var document = await Store.GetAsync(name);

        Assert.NotNull(document);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(13, document.Length);
        Assert.Equal("%PDF-1.7 test", await ReadAsync(document.Content));
    }

    [Fact]
    public async Task Put_Twice_SecondReplacesFirst()
    {
        var name = Name("doc.txt");
        await Store.PutAsync(name, new MemoryStream("first version"u8.ToArray()), "text/plain");
        await Store.PutAsync(name, new MemoryStream("second"u8.ToArray()), "text/plain; charset=utf-8");

        await using var document = await Store.GetAsync(name);

        Assert.Equal("second", await ReadAsync(document!.Content));
        Assert.Equal("text/plain; charset=utf-8", document.ContentType);
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull() => Assert.Null(await Store.GetAsync(Name("missing.txt")));

    [Fact]
    public async Task ExistsAndDelete_Lifecycle_ReportsTruthfully()
    {
        var name = Name("a/b/c.txt");
        Assert.False(await Store.ExistsAsync(name));
        await Store.PutAsync(name, new MemoryStream("x"u8.ToArray()), "text/plain");
        Assert.True(await Store.ExistsAsync(name));

        Assert.True(await Store.DeleteAsync(name));
        Assert.False(await Store.ExistsAsync(name));
        Assert.False(await Store.DeleteAsync(name));
        Assert.Null(await Store.GetAsync(name));
    }

    [Fact]
    public async Task List_ByPrefix_OnlyMatchingInOrdinalOrderWithLengthAndType()
    {
        await Store.PutAsync(Name("checkpoints/0002"), new MemoryStream("bb"u8.ToArray()), "text/plain");
        await Store.PutAsync(Name("checkpoints/0001"), new MemoryStream("a"u8.ToArray()), "text/plain");
        await Store.PutAsync(Name("checkpointsX/0003"), new MemoryStream("ccc"u8.ToArray()), "application/octet-stream");
        await Store.PutAsync(Name("other/0004"), new MemoryStream("dddd"u8.ToArray()), "text/plain");

        var listed = new List<DocumentInfo>();
        await foreach (var info in Store.ListAsync(_prefix + "checkpoints/"))
        {
            listed.Add(info);
        }

        var all = new List<DocumentInfo>();
        await foreach (var info in Store.ListAsync(_prefix))
        {
            all.Add(info);
        }

        Assert.Equal([Name("checkpoints/0001").Value, Name("checkpoints/0002").Value], listed.Select(i => i.Name.Value));
        Assert.Equal([1L, 2L], listed.Select(i => i.Length));
        Assert.All(listed, i => Assert.Equal("text/plain", i.ContentType));
        Assert.Equal(4, all.Count);
        Assert.Equal(all.Select(i => i.Name.Value).Order(StringComparer.Ordinal), all.Select(i => i.Name.Value));
    }

    [Fact]
    public async Task Put_LargeBinary_RoundTripsByteForByte()
    {
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var name = Name("large.bin");
        await Store.PutAsync(name, new MemoryStream(bytes), "application/octet-stream");

        await using var document = await Store.GetAsync(name);
        using var copy = new MemoryStream();
        await document!.Content.CopyToAsync(copy);

        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(copy.ToArray()));
    }

    [Fact]
    public async Task CheckAvailable_Reachable_Completes() => await Store.CheckAvailableAsync();

    private DocumentName Name(string relative) => DocumentName.Parse(_prefix + relative);

    private static async Task<string> ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
