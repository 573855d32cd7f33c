using SharingHub.Policies.Compilation;
using SharingHub.Policies.Loading;

namespace SharingHub.Policies.Tests;

/// <summary>The shipped convenants (copied next to the test assembly), loaded once.</summary>
internal static class ShippedConvenants
{
    public static readonly string[] Ids = ["riec", "zvh", "pmg"];

    private static readonly Lazy<Dictionary<string, CompiledConvenant>> Loaded = new(() =>
        Ids.ToDictionary(id => id, id =>
        {
            var result = ConvenantLoader.Load(Text(id));
            return result.Convenant ?? throw new InvalidOperationException($"{id}: " + string.Join("; ", result.Errors));
        }));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "convenants");

    public static string FilePath(string id) => Path.Combine(Directory, id + ".json");

    public static string Text(string id) => File.ReadAllText(FilePath(id));

    public static CompiledConvenant Get(string id) => Loaded.Value[id];

    /// <summary>A moment at which all three shipped convenants are valid and their DPIAs are not due.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
}
