using FsCheck;
using FsCheck.Fluent;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

public sealed class OverlapResolverTests
{
    private const string Text = "bewoner Thijs van Verbeek van de Kerkstraat 3, tel 06-12345678 en J. de Vries (geb. 04-11-1978) zei dat";

    [Fact]
    public void Resolve_GeneratedOverlappingDetections_SameAsTheLinqVersion()
    {
        // Few scores and lengths, so that ties decide the order; a few types, so that merging and trimming both happen.
        var detection =
            from type in Gen.Elements(ScrubEntityType.Person, ScrubEntityType.Person, ScrubEntityType.Address, ScrubEntityType.Phone)
            from start in Gen.Choose(0, Text.Length - 1)
            from length in Gen.Choose(1, 20)
            from score in Gen.Elements(0.55, 0.6, 0.75, 0.85, 0.85, 0.9, 0.95)
            from key in Gen.Elements("name:verbeek", "name:de vries", "pseudonym:p1", "+31612345678")
            select new Detection(type, start, Math.Min(length, Text.Length - start), score, "r" + (start % 3), (ScrubEvidence)(1 << (length % 8)), key);
        var merged = 0;
        foreach (var detections in Gen.Sample(detection.ArrayOf(), 5_000, new Rnd(4711UL), 20))
        {
            var expected = Tuples(LinqOverlapResolverOracle.Resolve(Text, detections));
            Assert.Equal(expected, Tuples(OverlapResolver.Resolve(Text, detections)));
            merged += detections.Length - expected.Count;
        }

        Assert.True(merged > 10_000, $"only {merged} detections merged, trimmed or dropped");
    }

    [Fact]
    public void Resolve_NameRunningIntoAnAddress_KeepsTheNameBeforeIt()
    {
        var name = new Detection(ScrubEntityType.Person, 8, 37, 0.75, "context-name", ScrubEvidence.TitleOrRole, "name:kerkstraat");
        var address = new Detection(ScrubEntityType.Address, 33, 12, 0.85, "address", ScrubEvidence.Pattern, "kerkstraat 3");

        var resolved = OverlapResolver.Resolve(Text, [name, address]);

        Assert.Equal(["Thijs van Verbeek", "Kerkstraat 3"], resolved.Select(d => Text.Substring(d.Start, d.Length)));
    }

    private static List<(ScrubEntityType, int, int, double, string, ScrubEvidence, string)> Tuples(List<Detection> detections) =>
        detections.Select(d => (d.Type, d.Start, d.Length, d.Score, d.Recogniser, d.Evidence, d.Key)).ToList();
}
