using System.Text.Json;

namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// Writes the plaintext of identity fields, the JSON <c>{"raw":…,"normalised":…}</c>, back to back into one pinned buffer,
/// byte for byte what <see cref="JsonSerializer"/> wrote for the v1 format (default encoder, no indentation, null written as
/// <c>null</c>). One instance per thread (<see cref="Rent"/>/<see cref="Return"/>); <see cref="Return"/> zeroes the buffer.
/// </summary>
internal sealed class FieldPlaintextWriter : IDisposable
{
    private static readonly JsonEncodedText RawName = JsonEncodedText.Encode("raw");
    private static readonly JsonEncodedText NormalisedName = JsonEncodedText.Encode("normalised");

    [ThreadStatic]
    private static FieldPlaintextWriter? t_cached;

    private readonly PinnedBufferWriter _buffer = new(initialCapacity: 2048, retainLimit: 64 * 1024);
    private readonly Utf8JsonWriter _json;

    private FieldPlaintextWriter() => _json = new Utf8JsonWriter(_buffer);

    /// <summary>Every plaintext written since <see cref="Rent"/>, back to back.</summary>
    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    /// <summary>The writer of this thread (a new one when it is in use further up the stack).</summary>
    public static FieldPlaintextWriter Rent()
    {
        var writer = t_cached ?? new FieldPlaintextWriter();
        t_cached = null;
        return writer;
    }

    /// <summary>Zeroes what was written and keeps the writer for the next seal on this thread.</summary>
    public static void Return(FieldPlaintextWriter writer)
    {
        writer._json.Reset(writer._buffer);
        writer._buffer.Clear();
        t_cached = writer;
    }

    /// <summary>Zeroes what was written; the writer is not used again.</summary>
    public void Dispose()
    {
        _json.Dispose();
        _buffer.Clear();
    }

    /// <summary>Appends the plaintext of <paramref name="field"/>; returns where it ends in <see cref="Written"/>.</summary>
    public int Append(IdentityField field)
    {
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteString(RawName, field.Raw);
        if (field.Normalised is null)
        {
            _json.WriteNull(NormalisedName);
        }
        else
        {
            _json.WriteString(NormalisedName, field.Normalised);
        }

        _json.WriteEndObject();
        _json.Flush();
        return _buffer.WrittenCount;
    }
}
