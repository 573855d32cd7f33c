namespace SharingHub.HubCtl.Bench;

/// <summary>
/// One area's contribution to <c>hubctl bench</c>: it measures its own figures, each next to a baseline
/// measured in the same run, and returns them as named values. Add a provider to <see cref="BenchFigures.All"/>
/// to extend the report; the JSON keys of all providers share one flat namespace, so prefix them (e.g. <c>hmac_</c>).
/// </summary>
internal interface IBenchFigure
{
    /// <summary>Heading of this provider's rows in the table output.</summary>
    string Title { get; }

    /// <summary>Runs the measurements and returns the values in report order.</summary>
    IReadOnlyList<BenchValue> Measure(BenchSettings settings, CancellationToken cancellationToken);
}

/// <summary>A named result: a number (throughput, ratio) or a text (the implementation that ran).</summary>
/// <param name="Key">Stable snake_case JSON key.</param>
/// <param name="Label">Human-readable row label.</param>
/// <param name="Number">The value when numeric.</param>
/// <param name="Text">The value when textual.</param>
/// <param name="Unit">Unit shown in the table ("/s", "×", "bytes").</param>
internal sealed record BenchValue(string Key, string Label, double? Number, string? Text, string Unit)
{
    public static BenchValue Of(string key, string label, double number, string unit) => new(key, label, number, null, unit);

    public static BenchValue Of(string key, string label, string text) => new(key, label, null, text, string.Empty);
}

/// <summary>How long to measure: warm-up, then <see cref="Rounds"/> timed rounds of <see cref="RoundTime"/>; the median counts.</summary>
internal sealed record BenchSettings(int Rounds, TimeSpan RoundTime, TimeSpan WarmUp)
{
    /// <summary>The <c>--quick</c> defaults: a few seconds per figure.</summary>
    public static BenchSettings Quick { get; } = new(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300));

    /// <summary>The default run: steadier medians, about half a minute for the HMAC figures.</summary>
    public static BenchSettings Full { get; } = new(9, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
}
