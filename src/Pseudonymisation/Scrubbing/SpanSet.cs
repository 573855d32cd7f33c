namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>Non-overlapping detections kept sorted by start, with overlap queries in O(log n + k).</summary>
internal sealed class SpanSet
{
    private readonly List<Detection> items = [];

    public int Count => items.Count;

    public List<Detection> ToList() => [.. items];

    /// <summary>The accepted detections that overlap [start, end), in order.</summary>
    public List<Detection> Overlapping(int start, int end)
    {
        var result = new List<Detection>();
        for (var i = FirstEndingAfter(start); i < items.Count && items[i].Start < end; i++)
        {
            result.Add(items[i]);
        }

        return result;
    }

    public bool AnyOverlapping(int start, int end)
    {
        var i = FirstEndingAfter(start);
        return i < items.Count && items[i].Start < end;
    }

    /// <summary>Adds a detection that overlaps none of the current ones.</summary>
    public void Add(Detection detection) => items.Insert(FirstEndingAfter(detection.Start), detection);

    public void RemoveOverlapping(int start, int end)
    {
        var first = FirstEndingAfter(start);
        var last = first;
        while (last < items.Count && items[last].Start < end)
        {
            last++;
        }

        items.RemoveRange(first, last - first);
    }

    /// <summary>Index of the first item whose end is after <paramref name="position"/> (items are sorted and disjoint, so ends are sorted too).</summary>
    private int FirstEndingAfter(int position)
    {
        int low = 0, high = items.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (items[middle].End <= position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
