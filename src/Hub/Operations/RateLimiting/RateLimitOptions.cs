using System.ComponentModel.DataAnnotations;

namespace SharingHub.Hub.Operations.RateLimiting;

/// <summary>
/// Configuration section <c>RateLimiting</c>: one limiter per caller (token <c>client_id</c>, else <c>sub</c>, else
/// remote address). <see cref="Kind"/> FixedWindow: <see cref="PermitLimit"/> requests per <see cref="Window"/>.
/// TokenBucket: a bucket of <see cref="PermitLimit"/> tokens refilled by <see cref="TokensPerPeriod"/> every <see cref="Window"/>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    public RateLimitKind Kind { get; set; } = RateLimitKind.TokenBucket;

    [Range(1, 10_000_000)]
    public int PermitLimit { get; set; } = 2_000;

    [Range(1, 10_000_000)]
    public int TokensPerPeriod { get; set; } = 1_000;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests that wait for a permit instead of being refused at once (default 0: refuse).</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; }
}

public enum RateLimitKind
{
    FixedWindow,
    TokenBucket,
}
