using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Benchmarks.Hashing;

/// <summary>
/// HMAC-SHA256 over a batch of 4096 messages of 32 or 55 bytes (one SHA-256 block after the ipad block).
/// Every figure is per message (<c>OperationsPerInvoke</c>); the BCL one-shot is the baseline. A forced
/// implementation the processor lacks fails with <see cref="PlatformNotSupportedException"/> and is reported so.
/// Run: <c>dotnet run -c Release --project tools/Benchmarks -- --filter '*HmacBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class HmacBenchmarks : IDisposable
{
    private const int BatchSize = 4096;

    private byte[] _keyBytes = [];
    private byte[] _data = [];
    private int[] _offsets = [];
    private byte[] _destination = [];
    private HmacSha256Key? _key;
    private IncrementalHash? _incremental;
    private HMACSHA256? _instance;

    [Params(32, 55)]
    public int InputBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _keyBytes = RandomNumberGenerator.GetBytes(32);
        _data = RandomNumberGenerator.GetBytes(BatchSize * InputBytes);
        _offsets = Enumerable.Range(0, BatchSize + 1).Select(i => i * InputBytes).ToArray();
        _destination = new byte[BatchSize * FastHmacSha256.HashSize];
        _key = new HmacSha256Key(_keyBytes);
        _incremental = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _keyBytes);
        _instance = new HMACSHA256(_keyBytes);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _key?.Dispose();
        _incremental?.Dispose();
        _instance?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize, Description = "BCL HMACSHA256.HashData (one-shot)")]
    public void BclOneShot()
    {
        for (int i = 0; i < BatchSize; i++)
        {
            HMACSHA256.HashData(_keyBytes, _data.AsSpan(i * InputBytes, InputBytes), _destination.AsSpan(i * FastHmacSha256.HashSize));
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "BCL IncrementalHash (reused)")]
    public void BclReusedIncrementalHash()
    {
        var hash = _incremental!;
        for (int i = 0; i < BatchSize; i++)
        {
            hash.AppendData(_data, i * InputBytes, InputBytes);
            hash.GetHashAndReset(_destination.AsSpan(i * FastHmacSha256.HashSize));
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "BCL HMACSHA256 instance (reused)")]
    public void BclReusedInstance()
    {
        var hmac = _instance!;
        for (int i = 0; i < BatchSize; i++)
        {
            hmac.TryComputeHash(_data.AsSpan(i * InputBytes, InputBytes), _destination.AsSpan(i * FastHmacSha256.HashSize), out _);
        }
    }

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "FastHmacSha256 Scalar")]
    public void FastScalar() => Batch(HmacImplementation.Scalar);

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "FastHmacSha256 Vector256x8")]
    public void FastVector256x8() => Batch(HmacImplementation.Vector256x8);

    [Benchmark(OperationsPerInvoke = BatchSize, Description = "FastHmacSha256 Vector512x16")]
    public void FastVector512x16() => Batch(HmacImplementation.Vector512x16);

    private void Batch(HmacImplementation implementation) =>
        FastHmacSha256.ComputeBatch(_key!, _data, _offsets, _destination, implementation);
}
