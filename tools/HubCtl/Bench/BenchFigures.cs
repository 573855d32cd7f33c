namespace SharingHub.HubCtl.Bench;

/// <summary>The providers <c>hubctl bench</c> runs, in report order. Later capabilities add one line each.</summary>
internal static class BenchFigures
{
    public static IReadOnlyList<IBenchFigure> All() =>
    [
        new HmacBenchFigure(),
        new LinkageBenchFigure(),
    ];
}
