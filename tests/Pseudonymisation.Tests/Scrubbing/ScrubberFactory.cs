using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

internal static class ScrubberFactory
{
    /// <summary>A fixed test key (not secret): 32 bytes 0x00..0x1f.</summary>
    public static byte[] TestKey { get; } = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    public static Scrubber Create(int tokenHexLength = ScrubberOptions.DefaultTokenHexLength) =>
        new(new ScrubberOptions(TestKey) { TokenHexLength = tokenHexLength });
}
