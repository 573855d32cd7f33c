namespace SharingHub.Policies.Compilation;

internal static class Bits
{
    public static uint Of<T>(T value)
        where T : struct, Enum
        => 1u << Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    public static uint Of<T>(IEnumerable<T> values)
        where T : struct, Enum
        => values.Aggregate(0u, (mask, v) => mask | Of(v));

    public static ulong Indexes(IEnumerable<string> ids, IReadOnlyDictionary<string, int> index)
        => ids.Aggregate(0UL, (mask, id) => index.TryGetValue(id, out var i) ? mask | (1UL << i) : mask);
}
