using System.ComponentModel.DataAnnotations;

namespace SharingHub.Hub.Operations.RequestLimits;

/// <summary>Configuration section <c>RequestLimits</c>.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "RequestLimits";

    /// <summary>Body limit for endpoints without their own (default 1 MiB).</summary>
    [Range(1, long.MaxValue)]
    public long DefaultMaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Kestrel's hard ceiling for any request body (default 64 MiB); per-endpoint limits stay below it.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 64L * 1024 * 1024;
}
