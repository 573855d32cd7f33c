using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.HubCtl.Bench;

/// <summary>
/// Keyed hashing: single-core throughput of <see cref="FastHmacSha256.ComputeBatch(HmacSha256Key, ReadOnlySpan{byte}, ReadOnlySpan{int}, Span{byte})"/>
/// on 55-byte messages (the longest that fit one SHA-256 block), against the BCL one-shot
/// <see cref="HMACSHA256.HashData(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> and a reused
/// <see cref="IncrementalHash"/>, all in the same run.
/// </summary>
internal sealed class HmacBenchFigure : IBenchFigure
{
    public const int InputBytes = 55;
    private const int BatchSize = 4096;

    public string Title => "Keyed hashing (HMAC-SHA256)";

    public IReadOnlyList<BenchValue> Measure(BenchSettings settings, CancellationToken cancellationToken)
    {
        var keyBytes = RandomNumberGenerator.GetBytes(32);
        var data = RandomNumberGenerator.GetBytes(BatchSize * InputBytes);
        var offsets = new int[BatchSize + 1];
        for (int i = 0; i <= BatchSize; i++)
        {
            offsets[i] = i * InputBytes;
        }

        var destination = new byte[BatchSize * FastHmacSha256.HashSize];
        using var key = new HmacSha256Key(keyBytes);
        using var reused = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keyBytes);
        var implementation = FastHmacSha256.BestAvailable;

        var ours = Throughput.Measure(
            () => FastHmacSha256.ComputeBatch(key, data, offsets, destination, implementation), BatchSize, settings, cancellationToken);
        var oneShot = Throughput.Measure(
            () =>
            {
                for (int i = 0; i < BatchSize; i++)
                {
                    HMACSHA256.HashData(keyBytes, data.AsSpan(i * InputBytes, InputBytes), destination.AsSpan(i * FastHmacSha256.HashSize));
                }
            },
            BatchSize, settings, cancellationToken);
        var incremental = Throughput.Measure(
            () =>
            {
                for (int i = 0; i < BatchSize; i++)
                {
                    reused.AppendData(data, i * InputBytes, InputBytes);
                    reused.GetHashAndReset(destination.AsSpan(i * FastHmacSha256.HashSize));
                }
            },
            BatchSize, settings, cancellationToken);
        CryptographicOperations.ZeroMemory(keyBytes);

        var values = new List<BenchValue>
        {
            BenchValue.Of("hmac_pseudonyms_per_sec_core", $"FastHmacSha256 ({implementation})", Math.Round(ours.PerSecond), "/s"),
            BenchValue.Of("hmac_bcl_oneshot_per_sec", "BCL HMACSHA256.HashData (baseline)", Math.Round(oneShot.PerSecond), "/s"),
            BenchValue.Of("hmac_bcl_reused_per_sec", "BCL reused IncrementalHash (baseline)", Math.Round(incremental.PerSecond), "/s"),
            BenchValue.Of("hmac_ratio_vs_bcl_oneshot", "ratio vs one-shot", Math.Round(ours.PerSecond / oneShot.PerSecond, 3), "x"),
            BenchValue.Of("hmac_ratio_vs_bcl_reused", "ratio vs reused", Math.Round(ours.PerSecond / incremental.PerSecond, 3), "x"),
            BenchValue.Of("hmac_implementation", "implementation", implementation.ToString()),
            BenchValue.Of("hmac_input_bytes", "input length", InputBytes, "bytes"),
        };

        // Per CPU second of the measuring thread: the same figures with time lost to other processes taken out.
        if (ours.PerCpuSecond > 0 && oneShot.PerCpuSecond > 0 && incremental.PerCpuSecond > 0)
        {
            values.Add(BenchValue.Of("hmac_pseudonyms_per_cpu_sec", "FastHmacSha256 per CPU second", Math.Round(ours.PerCpuSecond), "/s"));
            values.Add(BenchValue.Of("hmac_bcl_oneshot_per_cpu_sec", "BCL one-shot per CPU second", Math.Round(oneShot.PerCpuSecond), "/s"));
            values.Add(BenchValue.Of("hmac_bcl_reused_per_cpu_sec", "BCL reused per CPU second", Math.Round(incremental.PerCpuSecond), "/s"));
            values.Add(BenchValue.Of("hmac_cpu_share", "CPU share of the measuring thread", Math.Round(ours.PerSecond / ours.PerCpuSecond, 3), "of wall time"));
        }

        return values;
    }
}
