using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

/// <summary>The field plaintext must stay byte for byte what <see cref="JsonSerializer"/> wrote for format v1.</summary>
public sealed class FieldPlaintextWriterTests
{
    [Property(MaxTest = 500)]
    public bool Append_AnyValues_SameBytesAsJsonSerializer(NonNull<string> raw, string? normalised) =>
        Same(new IdentityField(raw.Get, normalised));

    [Theory]
    [InlineData("Bergh-Müller", "bergh muller")]
    [InlineData("<script>&\"'\\/", null)]
    [InlineData("\u0000\u001f\u007f\u2028\u2029", "\ud83d\ude00")]
    [InlineData("", "")]
    [InlineData("\ud800", null)]
    [InlineData("x", "\udc00y")]
    public void Append_EdgeValues_SameBytesAsJsonSerializer(string raw, string? normalised) =>
        Assert.True(Same(new IdentityField(raw, normalised)));

    [Fact]
    public void Append_LongValue_SameBytesAsJsonSerializer() =>
        Assert.True(Same(new IdentityField(new string('é', 40_000), new string('<', 9000))));

    [Fact]
    public void Append_SeveralFields_WritesThemBackToBack()
    {
        var fields = new[] { new IdentityField("a", null), new IdentityField("Jan", "jan"), new IdentityField("<b>", "b") };
        var writer = FieldPlaintextWriter.Rent();
        try
        {
            var ends = fields.Select(writer.Append).ToArray();

            var expected = fields.Select(Reference).ToArray();
            Assert.Equal(expected.Select(e => e.Length).Aggregate(new List<int>(), (sums, n) => [.. sums, (sums.LastOrDefault() + n)]), ends);
            Assert.Equal(expected.SelectMany(e => e).ToArray(), writer.Written.ToArray());
        }
        finally
        {
            FieldPlaintextWriter.Return(writer);
        }
    }

    private static bool Same(IdentityField field)
    {
        byte[]? expected = null;
        Exception? expectedError = null;
        try
        {
            expected = Reference(field);
        }
        catch (ArgumentException ex)
        {
            expectedError = ex;
        }

        var writer = FieldPlaintextWriter.Rent();
        try
        {
            writer.Append(field);
            return expected is not null && writer.Written.SequenceEqual(expected);
        }
        catch (ArgumentException ex)
        {
            return expectedError is not null && ex.GetType() == expectedError.GetType();
        }
        finally
        {
            FieldPlaintextWriter.Return(writer);
        }
    }

    /// <summary>What the v1 code did: <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonSerializerOptions?)"/> of a two-property class.</summary>
    private static byte[] Reference(IdentityField field) => JsonSerializer.SerializeToUtf8Bytes(new V1Field { Raw = field.Raw, Normalised = field.Normalised });

    private sealed class V1Field
    {
        [System.Text.Json.Serialization.JsonPropertyName("raw")]
        public string? Raw { get; set; }

        [System.Text.Json.Serialization.JsonPropertyName("normalised")]
        public string? Normalised { get; set; }
    }
}
