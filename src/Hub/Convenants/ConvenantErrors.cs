namespace SharingHub.Hub.Convenants;

/// <summary>Start-up errors of the convenant loading (the hub refuses to start with any of them).</summary>
public static class ConvenantErrors
{
    /// <summary>The configured convenants directory does not exist.</summary>
    public const string DirectoryMissing = "SH3060";

    /// <summary>The convenants directory holds no convenant.</summary>
    public const string NoConvenants = "SH3061";

    /// <summary>At least one convenant failed validation (the SH20xx errors follow in the message).</summary>
    public const string Invalid = "SH3062";
}
