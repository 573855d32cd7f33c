namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>The kinds of subject signals are about.</summary>
public enum SubjectType
{
    Person = 1,
    Address = 2,
    Company = 3,
    Vehicle = 4,

    /// <summary>A group of persons (PmG jeugdgroep), known only by the submitting partner's own group reference.</summary>
    Group = 5,
}
