using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Storage;

namespace SharingHub.Hub.Idempotency;

/// <summary>
/// Looks up and records request outcomes by (client, Idempotency-Key). <see cref="Record"/> only adds the row to
/// the context: save it in the same <c>SaveChanges</c> as the work it belongs to, so the outcome and the work commit
/// together. Two concurrent first attempts collide on the primary key (a <see cref="DbUpdateException"/>).
/// </summary>
public sealed class IdempotencyStore(HubDbContext db, TimeProvider time)
{
    /// <summary>SHA-256 over method, route and body: the same key with another hash is a conflict (SH3031).</summary>
    public static byte[] RequestHash(string method, string route, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(method + "\n" + route + "\n"));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }

    /// <summary>What a retry should get: nothing stored yet, the stored response, or a conflict.</summary>
    public async Task<IdempotencyLookup> FindAsync(string clientId, IdempotencyKey key, byte[] requestHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestHash);
        var record = await db.IdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ClientId == clientId && r.Key == key.Value, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new IdempotencyLookup(IdempotencyOutcome.New, null);
        }

        return CryptographicOperations.FixedTimeEquals(record.RequestHash, requestHash)
            ? new IdempotencyLookup(IdempotencyOutcome.Replay, record)
            : new IdempotencyLookup(IdempotencyOutcome.Conflict, null);
    }

    /// <summary>Adds the outcome to the context (not saved): commit it with the work.</summary>
    public IdempotencyRecord Record(string clientId, IdempotencyKey key, byte[] requestHash, int statusCode, string? contentType, byte[] responseBody)
    {
        var record = new IdempotencyRecord
        {
            ClientId = clientId,
            Key = key.Value,
            RequestHash = requestHash,
            StatusCode = statusCode,
            ResponseContentType = contentType,
            ResponseBody = responseBody,
            CreatedAt = time.GetUtcNow(),
        };
        db.IdempotencyRecords.Add(record);
        return record;
    }

    /// <summary>Deletes records created before <paramref name="cutoff"/>; returns how many.</summary>
    public Task<int> PurgeCreatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default) =>
        db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
}

public enum IdempotencyOutcome
{
    /// <summary>First time this key is seen: do the work and <see cref="IdempotencyStore.Record"/> its outcome.</summary>
    New,

    /// <summary>Same key, same request: answer with the stored response.</summary>
    Replay,

    /// <summary>Same key, different request: 422 SH3031.</summary>
    Conflict,
}

/// <summary>The result of <see cref="IdempotencyStore.FindAsync"/>; <see cref="Record"/> is set for a replay.</summary>
public readonly record struct IdempotencyLookup(IdempotencyOutcome Outcome, IdempotencyRecord? Record);
