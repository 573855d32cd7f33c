using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SharingHub.HubCtl.Bench;

/// <summary>Writes the machine and every provider's values as one JSON object or as a readable table.</summary>
internal static class BenchReport
{
    public static string ToJson(MachineInfo machine, IReadOnlyList<(IBenchFigure Figure, IReadOnlyList<BenchValue> Values)> sections)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(sections);
        var root = new JsonObject
        {
            ["machine"] = new JsonObject
            {
                ["cpu"] = machine.Cpu,
                ["cores"] = machine.Cores,
                ["memory_gib"] = machine.MemoryGiB,
                ["os"] = machine.Os,
                ["dotnet"] = machine.DotNet,
                ["avx512"] = machine.Avx512,
            },
        };
        foreach (var (_, values) in sections)
        {
            foreach (var value in values)
            {
                root[value.Key] = value.Number is { } number ? JsonValue.Create(number) : JsonValue.Create(value.Text);
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    public static string ToTable(MachineInfo machine, IReadOnlyList<(IBenchFigure Figure, IReadOnlyList<BenchValue> Values)> sections)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(sections);
        var lines = new List<string>
        {
            $"machine: {machine.Cpu}, {machine.Cores} cores, {machine.MemoryGiB.ToString("0.#", CultureInfo.InvariantCulture)} GiB, "
                + $"{machine.Os}, {machine.DotNet}, AVX-512 {(machine.Avx512 ? "yes" : "no")}",
        };
        foreach (var (figure, values) in sections)
        {
            lines.Add(string.Empty);
            lines.Add(figure.Title);
            int width = values.Max(v => v.Label.Length);
            foreach (var value in values)
            {
                lines.Add($"  {value.Label.PadRight(width)}  {Format(value)}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Format(BenchValue value) => value switch
    {
        { Number: { } n, Unit: "/s" } => n.ToString("N0", CultureInfo.InvariantCulture) + " /s",
        { Number: { } n, Unit: "x" } => n.ToString("0.0", CultureInfo.InvariantCulture) + " x",
        { Number: { } n } => n.ToString(CultureInfo.InvariantCulture) + " " + value.Unit,
        _ => value.Text ?? string.Empty,
    };
}
