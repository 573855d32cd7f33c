using Bogus;

namespace SharingHub.HubCtl.Synth;

/// <summary>Picks items with given relative weights using a seeded Bogus <see cref="Randomizer"/>.</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedTable(IEnumerable<(T Item, double Weight)> entries)
    {
        var list = entries.Where(e => e.Weight > 0).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A weighted table needs at least one entry with a positive weight.", nameof(entries));
        }

        _items = list.Select(e => e.Item).ToArray();
        _cumulative = new double[list.Length];
        var sum = 0.0;
        for (var i = 0; i < list.Length; i++)
        {
            sum += list[i].Weight;
            _cumulative[i] = sum;
        }
    }

    public int Count => _items.Length;

    public IReadOnlyList<T> Items => _items;

    public T Pick(Randomizer random)
    {
        var target = random.Double() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}

internal static class RandomizerExtensions
{
    /// <summary>True with probability <paramref name="p"/> (a double, unlike Bogus's float <c>Bool</c>).</summary>
    public static bool Chance(this Randomizer random, double p) => p > 0 && (p >= 1 || random.Double() < p);

    /// <summary>Uniform integer in [0, count).</summary>
    public static int Index(this Randomizer random, int count) => random.Number(0, count - 1);

    public static T Pick<T>(this Randomizer random, IReadOnlyList<T> items) => items[random.Number(0, items.Count - 1)];
}
