using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharingHub.HubCtl.Audit;

/// <summary>
/// What a verifier or witness remembers between runs (a JSON file): the pinned log key, origin and the last
/// verified tree size and root. After a <c>--full</c> run the verified leaf hashes are mirrored beside it
/// (<c>FILE.leaves</c>, 32 bytes each) so a later rewrite can be located to its first changed index.
/// </summary>
public sealed record VerifierState
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string? Key { get; init; }

    public string? Origin { get; init; }

    public long Size { get; init; }

    public string? Root { get; init; }

    [JsonIgnore]
    public IReadOnlyList<byte[]> Leaves { get; init; } = [];

    public static string LeavesPath(string path) => path + ".leaves";

    /// <summary>Loads a state file; a missing file is an empty state, an unreadable one is an error (never silently reset).</summary>
    public static VerifierState? Load(string path, out string? error)
    {
        error = null;
        if (!File.Exists(path))
        {
            return new VerifierState();
        }

        try
        {
            var state = JsonSerializer.Deserialize<VerifierState>(File.ReadAllText(path), Json) ?? new VerifierState();
            var leaves = new List<byte[]>();
            var leavesPath = LeavesPath(path);
            if (File.Exists(leavesPath))
            {
                var bytes = File.ReadAllBytes(leavesPath);
                if (bytes.Length % MerkleVerification.HashSize != 0)
                {
                    error = "state leaves file is corrupt";
                    return null;
                }

                for (var i = 0; i < bytes.Length; i += MerkleVerification.HashSize)
                {
                    leaves.Add(bytes[i..(i + MerkleVerification.HashSize)]);
                }
            }

            return state with { Leaves = leaves };
        }
        catch (JsonException)
        {
            error = "state file is not valid JSON";
            return null;
        }
    }

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
        if (Leaves.Count > 0)
        {
            var bytes = new byte[Leaves.Count * MerkleVerification.HashSize];
            for (var i = 0; i < Leaves.Count; i++)
            {
                Leaves[i].CopyTo(bytes, i * MerkleVerification.HashSize);
            }

            File.WriteAllBytes(temp, bytes);
            File.Move(temp, LeavesPath(path), overwrite: true);
        }
    }
}
