namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// The outcome of migrating one stored pseudonym: <see cref="NewPseudonym"/> under the active key version when
/// <see cref="Error"/> is None (equal to the old one when it already was under the active version).
/// Holds pseudonyms only, never the identity.
/// </summary>
public readonly record struct PseudonymMigration(string OldPseudonym, Pseudonym NewPseudonym, PseudonymError Error)
{
    public bool Succeeded => Error == PseudonymError.None;

    /// <summary>The SH13xx code of <see cref="Error"/>.</summary>
    public string ErrorCode => PseudonymErrorCodes.Code(Error);
}
