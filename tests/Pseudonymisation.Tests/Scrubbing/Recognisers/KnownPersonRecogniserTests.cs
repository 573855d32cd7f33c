using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Scrubbing.Recognisers;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing.Recognisers;

public sealed class KnownPersonRecogniserTests
{
    private static readonly KnownPerson JanWillem = new("Jan Willem", "de", "Vries");
    private static readonly KnownPerson Samira = new("Samira", null, "El Amrani");
    private static readonly KnownPerson Pieter = new("Pieter", "", "Jansen");
    private static readonly KnownPerson Kemal = new("Kemal", null, "Özdemir");

    public static TheoryData<KnownPerson, string, string> Matches => new()
    {
        { JanWillem, "Gesprek met Jan Willem de Vries vandaag.", "Jan Willem de Vries" },
        { JanWillem, "Gesprek met Jan de Vries vandaag.", "Jan de Vries" },
        { JanWillem, "Gesprek met Willem de Vries vandaag.", "Willem de Vries" },
        { JanWillem, "Gesprek met J. de Vries vandaag.", "J. de Vries" },
        { JanWillem, "Gesprek met J.W. de Vries vandaag.", "J.W. de Vries" },
        { JanWillem, "Gesprek met J. W. de Vries vandaag.", "J. W. de Vries" },
        { JanWillem, "Gesprek met JW de Vries vandaag.", "JW de Vries" },
        { JanWillem, "Gesprek met de heer De Vries vandaag.", "De Vries" },
        { JanWillem, "Gesprek met JAN WILLEM DE VRIES vandaag.", "JAN WILLEM DE VRIES" },
        { JanWillem, "De Vries' auto stond er.", "De Vries'" },
        { JanWillem, "Jan Willem kwam niet.", "Jan" },
        { Samira, "Mevrouw El Amrani belde.", "El Amrani" },
        { Samira, "Volgens de BRP: EL AMRANI, S.", "EL AMRANI" },
        { Samira, "Samira el amrani belde.", "Samira el amrani" },
        { Pieter, "Jansens auto stond voor de deur.", "Jansens" },
        { Pieter, "Jansen's fiets.", "Jansen's" },
        { Pieter, "Zij sprak met P. Jansen.", "P. Jansen" },
        { Kemal, "Brief aan de heer Ozdemir.", "Ozdemir" },
        { Kemal, "Brief aan Kemal ÖZDEMİR.", "Kemal ÖZDEMİR" },
    };

    [Theory]
    [MemberData(nameof(Matches))]
    public void Recognise_KnownPerson_FindsVariant(KnownPerson person, string text, string expected)
    {
        Assert.Equal([expected], RecogniserHarness.Accepted(new KnownPersonRecogniser(), text, [person]));
    }

    [Theory]
    [InlineData("De jansen-methode is bekend.")] // lower case surname alone
    [InlineData("Janssen is een andere naam.")]
    [InlineData("Pietersen kwam langs.")]
    public void Recognise_NotThePerson_ReportsNothing(string text)
    {
        Assert.Empty(RecogniserHarness.Accepted(new KnownPersonRecogniser(), text, [Pieter]));
    }

    [Fact]
    public void Recognise_AllMentions_ShareOneKeyBoundToPseudonym()
    {
        var person = new KnownPerson("Pieter", null, "Jansen", "p1.3.abc");
        var results = new List<Detection>();
        new KnownPersonRecogniser().Recognise(new ScrubInput("Pieter Jansen, later P. Jansen en Jansen.", [person]), results);
        Assert.Equal(3, results.Count);
        Assert.All(results, d => Assert.Equal("pseudonym:p1.3.abc", d.Key));
    }

    [Fact]
    public void Recognise_SharedSurname_NotBoundToEitherPerson()
    {
        var results = new List<Detection>();
        var family = new[] { new KnownPerson("Ahmed", null, "Yilmaz", "p1.1.a"), new KnownPerson("Yasmina", null, "Yilmaz", "p1.1.b") };
        new KnownPersonRecogniser().Recognise(new ScrubInput("Yilmaz zei niets.", family), results);
        Assert.NotEmpty(results);
        Assert.All(results, d => Assert.DoesNotContain("pseudonym:", d.Key, StringComparison.Ordinal));
    }
}
