using System.Security.Cryptography;

namespace SharingHub.HubCtl.Audit;

/// <summary>How to verify: the pinned key (or explicit trust on first use), the state file, and whether to recompute every leaf.</summary>
public sealed record AuditVerifyOptions(string? Key = null, bool TrustOnFirstUse = false, bool Full = false, string? StatePath = null);

/// <summary>The outcome: success only when every requested check ran and passed; otherwise the first bad index when it can be named.</summary>
public sealed record AuditVerifyResult(bool Success, long? FirstBadIndex, long Size, IReadOnlyList<string> Messages);

/// <summary>
/// Verifies a hub's audit log independently (RFC 6962/9162, C2SP tlog-checkpoint, signed-note): the checkpoint
/// signature against a pinned key, consistency with the last verified checkpoint, and with <c>Full</c> every
/// entry (leaf = SHA-256(0x00 ‖ record)) and the root. Never reports success on anything it could not check.
/// </summary>
public sealed class AuditVerifier(AuditHubClient client)
{
    public const int PageSize = 1000;

    public async Task<AuditVerifyResult> VerifyAsync(AuditVerifyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var run = new Run();
        var state = new VerifierState();
        if (options.StatePath is not null)
        {
            var loaded = VerifierState.Load(options.StatePath, out var stateError);
            if (loaded is null)
            {
                return run.Fail(stateError ?? "state file unreadable", null, 0);
            }

            state = loaded;
        }

        var (key, keyError) = await ResolveKeyAsync(options, state, run, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return run.Fail(keyError!, null, 0);
        }

        var text = await client.GetCheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return run.Fail("could not fetch the checkpoint: " + client.LastError, null, 0);
        }

        if (!SignedCheckpoint.TryParse(text, out var checkpoint, out var parseError))
        {
            return run.Fail("checkpoint: " + parseError, null, 0);
        }

        if (!checkpoint.IsSignedBy(key))
        {
            return run.Fail($"checkpoint signature by {key.Name} does not verify", null, checkpoint.Size);
        }

        if (state.Origin is not null && state.Origin != checkpoint.Origin)
        {
            return run.Fail("checkpoint origin differs from the origin in the state file", null, checkpoint.Size);
        }

        run.Note($"checkpoint signature ok: {checkpoint.Origin} size {checkpoint.Size}");
        await CheckConsistencyAsync(state, checkpoint, run, cancellationToken).ConfigureAwait(false);

        List<byte[]>? leaves = null;
        if (options.Full)
        {
            leaves = await CheckEntriesAsync(checkpoint, state, run, cancellationToken).ConfigureAwait(false);
        }
        else if (run.Failed && state.Leaves.Count > 0)
        {
            run.Note("run with --full to locate the first bad index against the mirrored leaves");
        }

        if (run.Failed)
        {
            return run.Result(checkpoint.Size);
        }

        if (options.StatePath is not null)
        {
            var next = state with
            {
                Key = key.Text,
                Origin = checkpoint.Origin,
                Size = checkpoint.Size,
                Root = Convert.ToBase64String(checkpoint.Root),
                Leaves = leaves ?? (IReadOnlyList<byte[]>)state.Leaves,
            };
            next.Save(options.StatePath);
        }

        run.Note(options.Full ? $"all {checkpoint.Size} entries verified" : "consistent with the saved state");
        return run.Result(checkpoint.Size);
    }

    /// <summary>Verifies an offline receipt (C2SP tlog-proof@v1) against <paramref name="key"/>; <paramref name="record"/> overrides the extra line.</summary>
    public static AuditVerifyResult VerifyReceipt(string? text, NoteVerifierKey key, byte[]? record = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var run = new Run();
        if (!TlogProof.TryParse(text, out var proof, out var error))
        {
            return run.Fail("receipt: " + error, null, 0);
        }

        if (!proof.Checkpoint.IsSignedBy(key))
        {
            return run.Fail("receipt checkpoint signature does not verify", proof.Index, proof.Checkpoint.Size);
        }

        var bytes = record ?? proof.Extra;
        if (bytes is null)
        {
            return run.Fail("receipt carries no record (extra line) and none was given", proof.Index, proof.Checkpoint.Size);
        }

        if (record is not null && proof.Extra is not null && !record.AsSpan().SequenceEqual(proof.Extra))
        {
            return run.Fail("the given record differs from the record in the receipt", proof.Index, proof.Checkpoint.Size);
        }

        if (!MerkleVerification.VerifyInclusion(proof.Index, proof.Checkpoint.Size, MerkleVerification.HashLeaf(bytes), proof.Path, proof.Checkpoint.Root))
        {
            return run.Fail($"inclusion proof of entry {proof.Index} does not verify", proof.Index, proof.Checkpoint.Size);
        }

        run.Note($"entry {proof.Index} is included in {proof.Checkpoint.Origin} size {proof.Checkpoint.Size}");
        return run.Result(proof.Checkpoint.Size);
    }

    internal async Task<(NoteVerifierKey? Key, string? Error)> ResolveKeyAsync(AuditVerifyOptions options, VerifierState state, Run run, CancellationToken cancellationToken)
    {
        if (options.Key is not null && state.Key is not null && !string.Equals(options.Key.Trim(), state.Key, StringComparison.Ordinal))
        {
            return (null, "--key differs from the key pinned in the state file");
        }

        var text = options.Key ?? state.Key;
        if (text is null)
        {
            if (!options.TrustOnFirstUse)
            {
                return (null, "no log key: pass --key VKEY, or --trust-on-first-use to pin the key the hub serves");
            }

            text = await client.GetKeyAsync(cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                return (null, "could not fetch the log key: " + client.LastError);
            }

            run.Note("trust on first use: pinning the key the hub served: " + text.Trim());
        }

        return NoteVerifierKey.TryParse(text, out var key) && key.Type == NoteVerifierKey.Ed25519
            ? (key, null)
            : (null, "the log key is not a C2SP Ed25519 vkey");
    }

    private async Task CheckConsistencyAsync(VerifierState state, SignedCheckpoint checkpoint, Run run, CancellationToken cancellationToken)
    {
        if (state.Size == 0)
        {
            return;
        }

        var oldRoot = Convert.FromBase64String(state.Root ?? string.Empty);
        if (checkpoint.Size < state.Size)
        {
            run.Fail($"the tree shrank from {state.Size} to {checkpoint.Size} (truncation or rollback)", checkpoint.Size);
        }
        else if (checkpoint.Size == state.Size)
        {
            if (!CryptographicOperations.FixedTimeEquals(oldRoot, checkpoint.Root))
            {
                run.Fail($"a different root for the same size {state.Size}: the log forked", null);
            }
        }
        else
        {
            var proof = await client.GetConsistencyProofAsync(state.Size, checkpoint.Size, cancellationToken).ConfigureAwait(false);
            if (proof is null)
            {
                run.Fail("could not fetch the consistency proof: " + client.LastError, null);
            }
            else if (!MerkleVerification.VerifyConsistency(state.Size, checkpoint.Size, oldRoot, checkpoint.Root, proof))
            {
                run.Fail($"checkpoint {checkpoint.Size} is not consistent with the saved checkpoint {state.Size}: the log forked or was rewritten", null);
            }
            else
            {
                run.Note($"consistent with the saved checkpoint {state.Size}");
            }
        }
    }

    private async Task<List<byte[]>?> CheckEntriesAsync(SignedCheckpoint checkpoint, VerifierState state, Run run, CancellationToken cancellationToken)
    {
        var computed = new List<byte[]>();
        var next = 0L;
        while (next < checkpoint.Size)
        {
            var page = await client.GetEntriesAsync(next, (int)Math.Min(PageSize, checkpoint.Size - next), cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                run.Fail($"could not fetch entries from {next}: {client.LastError}", next);
                return null;
            }

            if (page.Count == 0)
            {
                run.Fail($"entries end at {next}, the checkpoint has {checkpoint.Size}", next);
                break;
            }

            foreach (var (index, served, record) in page)
            {
                if (next >= checkpoint.Size)
                {
                    break;
                }

                if (index != next)
                {
                    run.Fail($"entry {next} is missing (the hub returned index {index})", next);
                    return null;
                }

                var leaf = MerkleVerification.HashLeaf(record);
                if (!CryptographicOperations.FixedTimeEquals(leaf, served))
                {
                    run.Fail($"entry {next}: the record does not hash to its stored leaf hash", next);
                }

                computed.Add(leaf);
                next++;
            }
        }

        for (var i = 0; i < Math.Min(state.Leaves.Count, computed.Count); i++)
        {
            if (!CryptographicOperations.FixedTimeEquals(state.Leaves[i], computed[i]))
            {
                run.Fail($"entry {i} differs from the entry verified before", i);
                break;
            }
        }

        if (computed.Count < state.Leaves.Count && computed.Count == checkpoint.Size)
        {
            run.Fail($"entries verified before end at {state.Leaves.Count}, now at {computed.Count}", computed.Count);
        }

        if (computed.Count != checkpoint.Size)
        {
            return null;
        }

        var root = MerkleVerification.RootFromLeafHashes(computed);
        if (!CryptographicOperations.FixedTimeEquals(root, checkpoint.Root))
        {
            run.Fail("the entries do not produce the signed root", null);
            if (run.FirstBadIndex is null)
            {
                await LocateByInclusionAsync(checkpoint, computed, run, cancellationToken).ConfigureAwait(false);
            }
        }

        return computed;
    }

    // Without a mirror: the first entry whose leaf cannot be proven into the signed root is the first bad one.
    private async Task LocateByInclusionAsync(SignedCheckpoint checkpoint, List<byte[]> leaves, Run run, CancellationToken cancellationToken)
    {
        for (var i = 0; i < leaves.Count; i++)
        {
            var proof = await client.GetInclusionProofAsync(i, checkpoint.Size, cancellationToken).ConfigureAwait(false);
            if (proof is null || !MerkleVerification.VerifyInclusion(i, checkpoint.Size, leaves[i], proof, checkpoint.Root))
            {
                run.Fail($"entry {i} cannot be proven into the signed root", i);
                return;
            }
        }
    }

    internal sealed class Run
    {
        private readonly List<string> _messages = [];

        public bool Failed { get; private set; }

        public long? FirstBadIndex { get; private set; }

        public void Note(string message) => _messages.Add(message);

        public void Fail(string message, long? index)
        {
            Failed = true;
            _messages.Add("FAIL: " + message);
            if (index is { } i && (FirstBadIndex is null || i < FirstBadIndex))
            {
                FirstBadIndex = i;
            }
        }

        public AuditVerifyResult Fail(string message, long? index, long size)
        {
            Fail(message, index);
            return Result(size);
        }

        public AuditVerifyResult Result(long size) => new(!Failed, FirstBadIndex, size, _messages);
    }
}
