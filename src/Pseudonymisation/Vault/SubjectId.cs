namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// The hub's internal id of a subject (not an identifier of the person): 1..128 characters of [A-Za-z0-9._-],
/// not starting with '.'. The rule keeps it safe as a file name and as associated data.
/// </summary>
public static class SubjectId
{
    public const int MaxLength = 128;

    public static bool IsValid(string? subjectId)
    {
        if (string.IsNullOrEmpty(subjectId) || subjectId.Length > MaxLength || subjectId[0] == '.')
        {
            return false;
        }

        foreach (var c in subjectId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static void Validate(string? subjectId)
    {
        if (!IsValid(subjectId))
        {
            throw new VaultException(VaultErrorCodes.InvalidSubjectId, "A subject id is 1..128 characters of [A-Za-z0-9._-], not starting with '.'.");
        }
    }
}
