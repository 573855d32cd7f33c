using SharingHub.HubCtl.Synth;

namespace SharingHub.HubCtl.Tests.Synth;

/// <summary>Helpers shared by the synth tests, written independently of the generator.</summary>
internal static class SynthTestData
{
    public static List<SynthRecord> Generate(int persons, int partners, double overlap, double typoRate, int seed) =>
        new SyntheticDataGenerator(new SynthOptions(persons, partners, overlap, typoRate, seed, "unused")).Records().ToList();

    /// <summary>The 11-proef, written out here so the tests do not trust the generator's own check.</summary>
    public static bool PassesElfproef(string bsn)
    {
        if (bsn.Length != 9 || !bsn.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (bsn[i] - '0');
        }

        sum -= bsn[8] - '0';
        return sum % 11 == 0;
    }
}
