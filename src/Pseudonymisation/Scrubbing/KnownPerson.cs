using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// A person the caller knows is mentioned (the subject, the melder, a relative). Every spelling the scrubber
/// finds of this person gets one token; when <see cref="Pseudonym"/> is set the token is bound to it.
/// <see cref="ToString"/> never shows the name.
/// </summary>
/// <param name="GivenNames">Given names separated by spaces ("Jan Willem", "Jan-Willem"); may be empty.</param>
/// <param name="SurnamePrefix">Tussenvoegsels ("van der", "de"); may be empty.</param>
/// <param name="Surname">Surname without tussenvoegsels ("Vries", "El Amrani"); required for surname matching.</param>
/// <param name="Pseudonym">The subject's hub pseudonym, if known; binds the token to the subject.</param>
[DebuggerDisplay("{ToString(),nq}")]
public sealed record KnownPerson(string? GivenNames, string? SurnamePrefix, string? Surname, string? Pseudonym = null)
{
    /// <summary>Redacted: names are personal data.</summary>
    public override string ToString() => Pseudonym is null ? "KnownPerson { redacted }" : "KnownPerson { redacted, bound to pseudonym }";
}
