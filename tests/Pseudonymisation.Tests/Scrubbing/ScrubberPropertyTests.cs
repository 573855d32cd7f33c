using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

public sealed class ScrubberPropertyTests
{
    private static readonly Scrubber Scrubber = ScrubberFactory.Create();

    /// <summary>Fragments that trigger recognisers, mixed with arbitrary strings.</summary>
    private static readonly string[] Fragments =
    [
        "de heer ", "Van der ", "Berg", "mevrouw ", "El ", "BSN ", "111222333", "1234 AB 12", "Kerkstraat 12a", "06-12345678",
        "+31 (0)6 ", "NL91 ABNA 0417 1643 00", "12-ABC-3", "kenteken ", "geb. ", "12-03-1985", "12 maart 1985", "a@b.nl", "@", ".",
        " ", "\n", "-", "(", ")", "'s", "Jansen", "J.W. ", "betrokkene ", "Ö", "İ", "\uD800",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.OneOf(Gen.Elements(Fragments), ArbMap.Default.GeneratorFor<string>().Where(s => s is not null))
            .ListOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    private static Arbitrary<KnownPerson[]> People() =>
        Gen.Elements<string?>(null, "", " ", "-", "J.", "Jan Willem", "Jan-Willem", "de", "van der", "Vries", "Jansen", "(", "*+?", "İ")
            .Three()
            .Select(t => new KnownPerson(t.Item1, t.Item2, t.Item3))
            .ArrayOf()
            .Select(a => a.Take(3).ToArray())
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Scrub_AnyText_NeverThrowsAndFindingsAreOrderedDisjointAndInside() =>
        Prop.ForAll(Texts(), People(), (text, people) =>
        {
            var result = Scrubber.Scrub(text, people);
            var inside = result.Findings.All(f => f.Start >= 0 && f.Length > 0 && f.End <= text.Length);
            var disjoint = result.Findings.Zip(result.Findings.Skip(1)).All(p => p.First.End <= p.Second.Start);
            return inside && disjoint;
        });

    [Property(MaxTest = 300)]
    public Property Scrub_AnyText_KeepsEverythingOutsideFindings() =>
        Prop.ForAll(Texts(), text =>
        {
            var result = Scrubber.Scrub(text);
            var rebuilt = new System.Text.StringBuilder();
            var position = 0;
            foreach (var finding in result.Findings)
            {
                rebuilt.Append(text, position, finding.Start - position).Append(finding.Token);
                position = finding.End;
            }

            rebuilt.Append(text, position, text.Length - position);
            return rebuilt.ToString() == result.Text;
        });
}
