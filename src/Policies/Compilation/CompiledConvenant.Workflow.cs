using System.Collections.Immutable;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Compilation;

/// <summary>Helpers the hub's workflow needs around decisions: hit/no-hit sources and reviewer eligibility.</summary>
public sealed partial class CompiledConvenant
{
    /// <summary>
    /// The parties whose holdings the actor may learn about with this request (typically a hit-check): each party
    /// for which the request, with that party as counterpart, is permitted. Parties not listed must not appear in
    /// a hit/no-hit answer. Allocates; call once per hit-check.
    /// </summary>
    public ImmutableArray<Party> PermittedCounterparts(in DecisionRequest request)
    {
        var builder = ImmutableArray.CreateBuilder<Party>();
        for (var i = 0; i < Document.Parties.Count; i++)
        {
            if (Decide(request with { Counterpart = new PartyHandle(i + 1) }).IsPermit)
            {
                builder.Add(Document.Parties[i]);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Whether someone of <paramref name="reviewerParty"/> acting as <paramref name="reviewerRole"/> may review for
    /// <paramref name="requirement"/> a request made by <paramref name="requesterParty"/>: the role must be held by
    /// that party, be one of the quorum's reviewer roles (when it names any), and come from another party when the
    /// quorum says so. That the reviewer is not the requester in person is the caller's check: people are not part
    /// of a convenant.
    /// </summary>
    public bool IsEligibleReviewer(ApprovalRequirement requirement, PartyHandle reviewerParty, RoleHandle reviewerRole, PartyHandle requesterParty)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        if ((uint)reviewerParty.Index >= (uint)Document.Parties.Count || (uint)reviewerRole.Index >= (uint)Document.Roles.Count)
        {
            return false;
        }

        if ((_roleParties[reviewerRole.Index] & (1UL << reviewerParty.Index)) == 0)
        {
            return false;
        }

        var roles = requirement.Quorum.ReviewerRoles;
        if (roles.Count > 0 && !roles.Contains(Document.Roles[reviewerRole.Index].Id))
        {
            return false;
        }

        return !requirement.Quorum.ReviewerFromOtherParty || reviewerParty != requesterParty;
    }

    /// <summary>True when a request waiting since <paramref name="requestedAt"/> should escalate at <paramref name="now"/>.</summary>
    public static bool IsOverdue(ApprovalRequirement requirement, DateTimeOffset requestedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return requirement.Quorum.MaxWaitDays > 0 && now >= requestedAt.AddDays(requirement.Quorum.MaxWaitDays);
    }
}
