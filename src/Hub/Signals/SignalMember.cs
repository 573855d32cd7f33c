namespace SharingHub.Hub.Signals;

/// <summary>
/// A member of a group-level signal (table <c>signal_members</c>; PmG jeugdgroepen): the signal's own subject is the group, and
/// every member is a person subject of its own, resolved on exact match keys like any person. The member's identity as
/// submitted is sealed under the member subject's vault id.
/// </summary>
public sealed class SignalMember
{
    public Guid SignalId { get; set; }

    public Guid SubjectId { get; set; }

    /// <summary>Position in the submitted member list.</summary>
    public int Position { get; set; }

    /// <summary>The member identity, sealed by the vault under <see cref="Subjects.Subject.VaultIdOf"/>(<see cref="SubjectId"/>).</summary>
    public required byte[] Identity { get; set; }
}
