using SharingHub.HubCtl.Csv;

namespace SharingHub.HubCtl.Tests.Csv;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hubctl-atomic-").FullName;

    [Fact]
    public void Commit_NewFile_HasContentAndNoTempFileRemains()
    {
        var path = Path.Combine(_directory, "out.csv");

        AtomicFileWriter.WriteAll(path, w => w.Write("hello"));

        Assert.Equal("hello", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void WriteAll_ExceptionWhileWriting_KeepsOldFileAndRemovesTemp()
    {
        var path = Path.Combine(_directory, "out.csv");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFileWriter.WriteAll(path, w =>
        {
            w.Write("partial");
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Commit_ExistingFile_ReplacesIt()
    {
        var path = Path.Combine(_directory, "out.csv");
        File.WriteAllText(path, "old content that is longer");

        AtomicFileWriter.WriteAll(path, w => w.Write("new"));

        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void FileSet_DisposedWithoutCommit_LeavesNothing()
    {
        using (var set = new AtomicFileSet())
        {
            set.Create(Path.Combine(_directory, "a.csv")).Write("a");
            set.Create(Path.Combine(_directory, "b.csv")).Write("b");
        }

        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public void FileSet_Commit_WritesAll()
    {
        using (var set = new AtomicFileSet())
        {
            set.Create(Path.Combine(_directory, "a.csv")).Write("a");
            set.Create(Path.Combine(_directory, "b.csv")).Write("b");
            set.Commit();
        }

        Assert.Equal("a", File.ReadAllText(Path.Combine(_directory, "a.csv")));
        Assert.Equal("b", File.ReadAllText(Path.Combine(_directory, "b.csv")));
        Assert.Equal(2, Directory.GetFiles(_directory).Length);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
