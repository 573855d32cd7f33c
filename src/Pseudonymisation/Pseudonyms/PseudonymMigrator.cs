namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// Re-pseudonymises stored values after a key rotation. Hub pseudonyms are one-way, so migration needs the
/// identity: the hub decrypts each subject's identity from the vault, rebuilds the match-key inputs
/// (<see cref="MatchKeys"/>) and passes them with the stored pseudonyms. Each item is first verified under
/// its own (older) key version, so a wrong identity never yields a mapping; then it is recomputed under the
/// active version. Until an item is migrated its old pseudonym stays resolvable: the ring keeps every version
/// and <see cref="Pseudonymiser.Verify"/> and <see cref="Pseudonymiser.Compute(MatchKeyInput, int)"/> still work.
/// </summary>
public sealed class PseudonymMigrator
{
    private readonly Pseudonymiser _pseudonymiser;

    public PseudonymMigrator(Pseudonymiser pseudonymiser)
    {
        ArgumentNullException.ThrowIfNull(pseudonymiser);
        _pseudonymiser = pseudonymiser;
    }

    /// <summary>Migrates one stored pseudonym; never throws on bad stored text or a mismatched identity.</summary>
    public PseudonymMigration Migrate(string oldPseudonym, MatchKeyInput input)
    {
        ArgumentNullException.ThrowIfNull(oldPseudonym);
        if (!Pseudonym.TryParse(oldPseudonym, out var old, out var error))
        {
            return new PseudonymMigration(oldPseudonym, default, error);
        }

        var verified = _pseudonymiser.Verify(old, input);
        if (verified != PseudonymError.None)
        {
            return new PseudonymMigration(oldPseudonym, default, verified);
        }

        var activeVersion = _pseudonymiser.ActiveKeyVersion;
        var migrated = old.KeyVersion == activeVersion ? old : _pseudonymiser.Compute(input, activeVersion);
        return new PseudonymMigration(oldPseudonym, migrated, PseudonymError.None);
    }

    /// <summary>Migrates every item, in order; one result per item.</summary>
    public IReadOnlyList<PseudonymMigration> Migrate(IEnumerable<(string OldPseudonym, MatchKeyInput Input)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return [.. items.Select(item => Migrate(item.OldPseudonym, item.Input))];
    }
}
