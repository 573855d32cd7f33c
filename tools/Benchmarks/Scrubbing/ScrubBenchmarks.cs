using BenchmarkDotNet.Attributes;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Benchmarks.Scrubbing;

/// <summary>
/// <see cref="Scrubber.Scrub"/> on one-line signal summaries as ingress sees them (fictional people): each with the
/// persons the hub passes in (the subject, a reporter, group members), and some with other people named after a
/// title or role word ("buurman De Boer", repeated later). Every figure is per summary (<c>OperationsPerInvoke</c>).
/// The same summaries without known persons show what the known-person matching adds. The benchmark uses the public API only, so it also builds against an older commit: compare a change with
/// <c>git worktree add /tmp/base &lt;commit&gt;</c> plus this file, run both in the same session.
/// Run: <c>dotnet run -c Release --project tools/Benchmarks -- --filter '*ScrubBenchmarks*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class ScrubBenchmarks
{
    private const int Count = 16;
    private const int FreshCount = 64;

    private static readonly KnownPerson JanJansen = new("Jan", null, "Jansen");
    private static readonly KnownPerson JanWillem = new("Jan Willem", "de", "Vries", "p1.3.9f2c");
    private static readonly KnownPerson Samira = new("Samira", null, "El Amrani");
    private static readonly KnownPerson Kemal = new("Kemal", null, "Özdemir");
    private static readonly KnownPerson AnneMarie = new("Anne-Marie Johanna", "van der", "Berg-Smit");
    private static readonly KnownPerson Karim = new("Karim", null, "Bouzidi");
    private static readonly KnownPerson Yasmina = new("Yasmina", null, "Bouzidi");
    private static readonly KnownPerson Dennis = new("Dennis", "van", "Dijk");
    private static readonly KnownPerson Reporter = new("Petra", null, "Smits");

    private static readonly (string Text, KnownPerson[] Known)[] Summaries =
    [
        ("Jan Jansen verhuurt panden via een BV; bereikbaar op 0612345678.", [JanJansen]),
        ("J.W. de Vries staat ingeschreven op Kerkstraat 12a maar woont er volgens buren niet.", [JanWillem]),
        ("Mevrouw El Amrani meldt dat haar zoon Youssef sinds maandag niet thuis slaapt.", [Samira, Reporter]),
        ("Kemal ÖZDEMİR rijdt in een auto met kenteken 12-ABC-3 die op naam van een ander staat.", [Kemal]),
        ("Van der Berg-Smit ontvangt huurtoeslag op NL91 ABNA 0417 1643 00 voor twee adressen.", [AnneMarie]),
        ("Karim en Yasmina Bouzidi hangen 's avonds rond bij de speeltuin aan de Dorpsstraat.", [Karim, Yasmina]),
        ("Dennis van Dijk (geb. 04-11-1998) is opnieuw aangehouden voor winkeldiefstal.", [Dennis]),
        ("Melder Petra Smits ziet wekelijks busjes bij 1234 AB 56; Smits belde eerder met de wijkagent.", [JanJansen]),
        ("Jansens zoon verzuimt al drie weken; school heeft de leerplichtambtenaar ingeschakeld.", [JanJansen]),
        ("Betrokkene De Vries is bereikbaar via jw.devries@example.nl en 020-1234567.", [JanWillem]),
        ("Volgens buurman De Boer komt Samira El Amrani 's nachts thuis; De Boer zag busjes voor de deur.", [Samira]),
        ("Anne-Marie van der Berg gaf aan dat zij geen contact meer heeft met haar ex-partner.", [AnneMarie, Reporter]),
        ("Groep jongeren intimideert voorbijgangers; Karim B. lijkt de leider.", [Karim, Yasmina, Dennis]),
        ("Ozdemir's bedrijf staat op het adres van een woning aan de Stationsweg 4.", [Kemal]),
        ("Samira el amrani belde met de wijkagent over overlast.", [Samira]),
        ("Signaal over mogelijke uitbuiting in een nagelstudio; eigenaar onbekend, BSN 111222333 opgegeven.", [JanJansen]),
    ];

    /// <summary>Syllables for surnames that differ per summary, as they do at ingress.</summary>
    private static readonly string[] Syllables = ["ber", "kes", "hol", "man", "dijk", "ver", "bos", "link", "stra", "ten", "wal", "hof"];

    private Scrubber _scrubber = null!;
    private (string Text, KnownPerson[] Known)[] _freshNames = [];

    [GlobalSetup]
    public void Setup()
    {
        if (Summaries.Length != Count)
        {
            throw new InvalidOperationException("OperationsPerInvoke must equal the number of summaries.");
        }

        _scrubber = new Scrubber(new ScrubberOptions(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));

        // More distinct names than Regex's static cache holds (15), so nothing per name is reused between calls.
        _freshNames = Enumerable.Range(0, FreshCount).Select(i =>
        {
            var subject = Surname(i);
            var neighbour = Surname(i + 7);
            return ($"Volgens buurman {neighbour} verhuurt {subject} kamers via een BV; {neighbour} zag busjes, tel. 06-1234{i:0000}.",
                new[] { new KnownPerson("Jan", "van", subject) });
        }).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Scrub: summary + known persons")]
    public int WithKnownPersons()
    {
        var findings = 0;
        foreach (var (text, known) in Summaries)
        {
            findings += _scrubber.Scrub(text, known).Findings.Count;
        }

        return findings;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Scrub: summary, no known persons")]
    public int WithoutKnownPersons()
    {
        var findings = 0;
        foreach (var (text, _) in Summaries)
        {
            findings += _scrubber.Scrub(text).Findings.Count;
        }

        return findings;
    }

    [Benchmark(OperationsPerInvoke = FreshCount, Description = "Scrub: summary + known person, new names every call")]
    public int WithNewNamesEveryCall()
    {
        var findings = 0;
        foreach (var (text, known) in _freshNames)
        {
            findings += _scrubber.Scrub(text, known).Findings.Count;
        }

        return findings;
    }

    private static string Surname(int i)
    {
        var name = Syllables[i % Syllables.Length] + Syllables[(i / Syllables.Length) % Syllables.Length] + Syllables[(i / 3) % Syllables.Length];
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
