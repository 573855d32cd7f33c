using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Net.Http.Headers;

namespace SharingHub.Hub.Requests;

/// <summary>Strict JSON reading of request bodies: web naming, unknown members refused; errors name the JSON path, never a value.</summary>
internal static class RequestJson
{
    public const string ContentType = "application/json";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && string.Equals(media.MediaType, ContentType, StringComparison.OrdinalIgnoreCase);

    public static bool TryRead<T>(byte[] body, [NotNullWhen(true)] out T? value, out string? path)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(body, Options);
            path = value is null ? "$" : null;
            return value is not null;
        }
        catch (JsonException exception)
        {
            value = null;
            path = exception.Path ?? "$";
            return false;
        }
    }

    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
