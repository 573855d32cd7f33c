using SharingHub.Hub.Documents;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Documents;

public sealed class FileDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly string _root = TempDirectory.Create("docs");

    public FileDocumentStoreTests() => Store = new FileDocumentStore(_root);

    protected override IDocumentStore Store { get; }

    [Fact]
    public async Task Put_NestedName_StaysInsideRootAndLeavesNoTemporaryFiles()
    {
        await Store.PutAsync(DocumentName.Parse("x/y/z.txt"), new MemoryStream("z"u8.ToArray()), "text/plain");

        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.StartsWith(_root + Path.DirectorySeparatorChar, Path.GetFullPath(f), StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "tmp")));
        Assert.True(File.Exists(Path.Combine(_root, "content", "x", "y", "z.txt")));
    }

    public void Dispose() => TempDirectory.Delete(_root);
}
