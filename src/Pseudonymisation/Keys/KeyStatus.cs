namespace SharingHub.Pseudonymisation.Keys;

/// <summary>Whether a key version makes new pseudonyms (Active) or only resolves old ones (Retired).</summary>
public enum KeyStatus
{
    Active = 1,
    Retired = 2,
}
