using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class ParseResultTests
{
    [Fact]
    public void Success_Value_IsAvailable()
    {
        ParseResult<int> result = ParseResult<int>.Success(42);

        Assert.True(result.IsValid);
        Assert.Equal(IdentifierError.None, result.Error);
        Assert.Equal(42, result.Value);
        Assert.True(result.TryGetValue(out int value));
        Assert.Equal(42, value);
        Assert.Equal("Valid", result.ToString());
    }

    [Fact]
    public void Failure_Value_ThrowsWithCodeOnly()
    {
        ParseResult<string> result = ParseResult<string>.Failure(IdentifierError.ChecksumFailed);

        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() => result.Value);

        Assert.Equal("The value is not valid (SH1005).", exception.Message);
        Assert.False(result.TryGetValue(out _));
        Assert.Equal("Invalid(SH1005)", result.ToString());
        Assert.Equal("SH1005", result.ErrorCode);
    }

    [Fact]
    public void Default_IsInvalidNotParsed()
    {
        ParseResult<Bsn> result = default;

        Assert.False(result.IsValid);
        Assert.Equal(IdentifierError.NotParsed, result.Error);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Failure_WithNone_BecomesNotParsed()
    {
        Assert.Equal(IdentifierError.NotParsed, ParseResult<int>.Failure(IdentifierError.None).Error);
    }

    [Fact]
    public void Equals_SameStateAndValue_AreEqual()
    {
        Assert.Equal(ParseResult<int>.Success(1), ParseResult<int>.Success(1));
        Assert.NotEqual(ParseResult<int>.Success(1), ParseResult<int>.Success(2));
        Assert.True(ParseResult<int>.Failure(IdentifierError.Empty) == ParseResult<int>.Failure(IdentifierError.Empty));
        Assert.True(ParseResult<int>.Failure(IdentifierError.Empty) != ParseResult<int>.Failure(IdentifierError.TooLong));
    }
}
