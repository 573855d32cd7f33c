using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharingHub.Hub.Signals;

/// <summary>JSON settings of the signals API: web casing, unknown members refused (a misspelt identifier is an error, not silently dropped).</summary>
internal static class SignalJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 16,
    };

    /// <summary>Parses a body; on failure the JSON path of the problem (never the offending value).</summary>
    public static bool TryRead<T>(byte[] body, out T? value, out string path)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(body, Options);
            path = "$";
            return value is not null;
        }
        catch (JsonException exception)
        {
            value = null;
            path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
            return false;
        }
    }

    public static byte[] Write<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}
