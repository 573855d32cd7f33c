using System.Buffers;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Hashing;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// Makes hub pseudonyms for one domain: HMAC-SHA256(domain key, "&lt;tag&gt;1" 0x1F normalised input) under the
/// active key version, or under a named older version to verify and migrate. The batch methods pack many
/// messages into one pooled buffer and run the multi-buffer HMAC (16 or 8 lanes); the buffer, which holds
/// normalised identifiers, is zeroed before it goes back to the pool.
/// </summary>
public sealed class Pseudonymiser
{
    private const int StackMessageLimit = 256;
    private const int BatchChunk = 4096;

    private readonly DomainKeyRing _ring;

    public Pseudonymiser(DomainKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        _ring = ring;
    }

    public string Domain => _ring.Domain;

    public int ActiveKeyVersion => _ring.ActiveVersion;

    /// <summary>The pseudonym of <paramref name="input"/> under the active key version.</summary>
    public Pseudonym Compute(MatchKeyInput input) => Compute(input, _ring.GetActiveMaterial());

    /// <summary>The pseudonym under <paramref name="keyVersion"/>; <see cref="KeyException"/> SH1202 when the ring lacks it.</summary>
    public Pseudonym Compute(MatchKeyInput input, int keyVersion) => Compute(input, _ring.GetMaterial(keyVersion));

    /// <summary>
    /// Recomputes <paramref name="pseudonym"/> from <paramref name="input"/> under the pseudonym's own key version
    /// and compares in constant time. <see cref="PseudonymError.None"/> when it matches; KindMismatch,
    /// UnknownKeyVersion or VerificationFailed otherwise.
    /// </summary>
    public PseudonymError Verify(Pseudonym pseudonym, MatchKeyInput input)
    {
        if (input.IsEmpty || pseudonym.Kind != input.Kind)
        {
            return PseudonymError.KindMismatch;
        }

        if (!_ring.TryGetMaterial(pseudonym.KeyVersion, out var material))
        {
            return PseudonymError.UnknownKeyVersion;
        }

        Span<byte> hash = stackalloc byte[Pseudonym.HashLength];
        Hash(input, material!, hash);
        return pseudonym.Hash.FixedTimeEquals(hash) ? PseudonymError.None : PseudonymError.VerificationFailed;
    }

    /// <summary>The pseudonyms of every match key and identifier field of one subject record (see <see cref="MatchKeys.InputsFor"/>).</summary>
    public IReadOnlyList<Pseudonym> Pseudonymise(SubjectIdentifiers subject)
    {
        var inputs = MatchKeys.InputsFor(subject);
        var result = new Pseudonym[inputs.Count];
        ComputeBatch(inputs.ToArray(), result);
        return result;
    }

    /// <summary>The pseudonyms of many subject records at once, with the batch HMAC; result i belongs to subject i.</summary>
    public IReadOnlyList<IReadOnlyList<Pseudonym>> PseudonymiseBatch(IReadOnlyList<SubjectIdentifiers> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var inputs = new List<MatchKeyInput>(subjects.Count * 4);
        var counts = new int[subjects.Count];
        for (var i = 0; i < subjects.Count; i++)
        {
            var before = inputs.Count;
            MatchKeys.AddInputs(subjects[i], inputs);
            counts[i] = inputs.Count - before;
        }

        var all = new Pseudonym[inputs.Count];
        ComputeBatch(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(inputs), all);
        var result = new IReadOnlyList<Pseudonym>[subjects.Count];
        var offset = 0;
        for (var i = 0; i < subjects.Count; i++)
        {
            result[i] = new ArraySegment<Pseudonym>(all, offset, counts[i]);
            offset += counts[i];
        }

        return result;
    }

    /// <summary>Pseudonymises <paramref name="inputs"/> under the active key version into <paramref name="destination"/>.</summary>
    public void ComputeBatch(ReadOnlySpan<MatchKeyInput> inputs, Span<Pseudonym> destination) =>
        ComputeBatch(inputs, destination, _ring.GetActiveMaterial());

    /// <summary>As <see cref="ComputeBatch(ReadOnlySpan{MatchKeyInput}, Span{Pseudonym})"/> under <paramref name="keyVersion"/>.</summary>
    public void ComputeBatch(ReadOnlySpan<MatchKeyInput> inputs, Span<Pseudonym> destination, int keyVersion) =>
        ComputeBatch(inputs, destination, _ring.GetMaterial(keyVersion));

    private static Pseudonym Compute(MatchKeyInput input, DomainKeyMaterial material)
    {
        if (input.IsEmpty)
        {
            throw new ArgumentException("The match key input is empty.", nameof(input));
        }

        Span<byte> hash = stackalloc byte[Pseudonym.HashLength];
        Hash(input, material, hash);
        return new Pseudonym(input.Kind, material.Version, hash);
    }

    private static void Hash(MatchKeyInput input, DomainKeyMaterial material, Span<byte> hash)
    {
        var length = input.MessageLength;
        byte[]? rented = null;
        var message = length <= StackMessageLimit ? stackalloc byte[StackMessageLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = input.WriteMessage(message);
            FastHmacSha256.Compute(material.PseudonymHmacKey, message[..written], hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(message[..length]);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void ComputeBatch(ReadOnlySpan<MatchKeyInput> inputs, Span<Pseudonym> destination, DomainKeyMaterial material)
    {
        if (destination.Length < inputs.Length)
        {
            throw new ArgumentException("The destination is shorter than the inputs.", nameof(destination));
        }

        var key = material.PseudonymHmacKey;
        for (var start = 0; start < inputs.Length; start += BatchChunk)
        {
            var chunk = inputs.Slice(start, Math.Min(BatchChunk, inputs.Length - start));
            var total = 0;
            foreach (var input in chunk)
            {
                total = checked(total + input.MessageLength);
            }

            var data = ArrayPool<byte>.Shared.Rent(Math.Max(total, 1));
            var offsets = ArrayPool<int>.Shared.Rent(chunk.Length + 1);
            var hashes = ArrayPool<byte>.Shared.Rent(chunk.Length * Pseudonym.HashLength);
            try
            {
                var offset = 0;
                for (var i = 0; i < chunk.Length; i++)
                {
                    offsets[i] = offset;
                    offset += chunk[i].WriteMessage(data.AsSpan(offset));
                }

                offsets[chunk.Length] = offset;
                FastHmacSha256.ComputeBatch(key, data.AsSpan(0, offset), offsets.AsSpan(0, chunk.Length + 1), hashes.AsSpan(0, chunk.Length * Pseudonym.HashLength));
                for (var i = 0; i < chunk.Length; i++)
                {
                    destination[start + i] = new Pseudonym(chunk[i].Kind, material.Version, hashes.AsSpan(i * Pseudonym.HashLength, Pseudonym.HashLength));
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(data.AsSpan(0, total));
                ArrayPool<byte>.Shared.Return(data);
                ArrayPool<int>.Shared.Return(offsets);
                ArrayPool<byte>.Shared.Return(hashes);
            }
        }
    }
}
