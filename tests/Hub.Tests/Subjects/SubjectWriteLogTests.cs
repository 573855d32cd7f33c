using SharingHub.Hub.Subjects;

namespace SharingHub.Hub.Tests.Subjects;

public sealed class SubjectWriteLogTests
{
    private const string Convenant = "riec";
    private static readonly Guid SubjectA = Guid.CreateVersion7();
    private static readonly Guid SubjectB = Guid.CreateVersion7();

    [Fact]
    public void Unchanged_WriteRecordedBeforeTheReadingBegan_True()
    {
        var log = new SubjectWriteLog();
        using var earlier = log.Begin(Convenant);
        log.Record(Convenant, ["p1"], [SubjectA], ["s-a"]);

        using var reading = log.Begin(Convenant);

        Assert.True(reading.Unchanged(["p1"], [SubjectA], ["s-a"]));
        Assert.False(earlier.Unchanged(["p1"], [], []));
    }

    [Fact]
    public void Unchanged_LaterWriteOfAnotherPseudonymSubjectAndVaultId_True()
    {
        var log = new SubjectWriteLog();
        using var reading = log.Begin(Convenant);

        log.Record(Convenant, ["p2"], [SubjectB], ["s-b"]);

        Assert.True(reading.Unchanged(["p1"], [SubjectA], ["s-a"]));
    }

    [Theory]
    [InlineData("pseudonym")]
    [InlineData("subject")]
    [InlineData("vault")]
    public void Unchanged_LaterWriteTouchesWhatWasRead_False(string touched)
    {
        var log = new SubjectWriteLog();
        using var reading = log.Begin(Convenant);

        log.Record(Convenant, touched == "pseudonym" ? ["p1"] : ["p9"], touched == "subject" ? [SubjectA] : [SubjectB], touched == "vault" ? ["s-a"] : ["s-b"]);

        Assert.False(reading.Unchanged(["p1"], [SubjectA], ["s-a"]));
    }

    [Fact]
    public void Unchanged_LaterWriteThatMayHaveChangedAnything_False()
    {
        var log = new SubjectWriteLog();
        using var reading = log.Begin(Convenant);

        log.RecordAnything(Convenant);

        Assert.False(reading.Unchanged([], [], []));
    }

    [Fact]
    public void Unchanged_WriteOfAnotherConvenant_True()
    {
        var log = new SubjectWriteLog();
        using var reading = log.Begin(Convenant);

        log.RecordAnything("zvh");
        log.Record("zvh", ["p1"], [SubjectA], ["s-a"]);

        Assert.True(reading.Unchanged(["p1"], [SubjectA], ["s-a"]));
    }

    [Fact]
    public void Record_EntriesHeldOnlyWhileAReadingThatBeganBeforeThemIsOpen()
    {
        var log = new SubjectWriteLog();
        log.Record(Convenant, ["p0"], [], []);
        Assert.Equal(0, log.HeldEntries(Convenant));

        var first = log.Begin(Convenant);
        log.Record(Convenant, ["p1"], [], []);
        var second = log.Begin(Convenant);
        log.Record(Convenant, ["p2"], [], []);
        Assert.Equal(2, log.HeldEntries(Convenant));

        first.Dispose();
        Assert.Equal(1, log.HeldEntries(Convenant));
        Assert.False(second.Unchanged(["p2"], [], []));
        Assert.True(second.Unchanged(["p1"], [], []));

        second.Dispose();
        second.Dispose();
        Assert.Equal(0, log.HeldEntries(Convenant));
    }
}
