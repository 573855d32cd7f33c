namespace SharingHub.Hub.Operations.RequestLimits;

/// <summary>Endpoint metadata: the largest request body this endpoint accepts, in bytes.</summary>
public sealed record RequestBodyLimit(long MaxBytes);

public static class RequestBodyLimitExtensions
{
    /// <summary>Sets this endpoint's body limit (413 SH3004 above it), e.g. for document uploads.</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long maxBytes)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        builder.WithMetadata(new RequestBodyLimit(maxBytes));
        return builder;
    }
}
