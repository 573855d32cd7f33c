namespace SharingHub.Hub.Linkage;

/// <summary>The stable codes of linkage in the hub and the hit/no-hit endpoint (block SH3100–SH3119).</summary>
public static class LinkageErrorCodes
{
    /// <summary>400: the subject reference in the route is not a well-formed subject reference.</summary>
    public const string MalformedReference = "SH3100";

    /// <summary>
    /// 404: the caller's partner holds no such subject reference under this convenant (unknown, another partner's or another
    /// convenant's: the answer is the same so that nothing leaks).
    /// </summary>
    public const string SubjectNotFound = "SH3101";

    /// <summary>404: the convenant in the route is not loaded by this hub.</summary>
    public const string UnknownConvenant = "SH3102";

    /// <summary>403: the convenant permits none of the caller's roles a hit/no-hit check here (deny clauses in <c>clauses</c>).</summary>
    public const string HitCheckDenied = "SH3103";

    /// <summary>Background linker: a run found another run's changes in its way and rolled back; the next run repeats it.</summary>
    public const string RunConflict = "SH3110";

    /// <summary>Background linker: a run failed (the exception type is logged, never data); the next run repeats it.</summary>
    public const string RunFailed = "SH3111";

    /// <summary>Background linker: a stored encoding has the wrong length and is skipped (marked linked, never compared).</summary>
    public const string MalformedEncoding = "SH3112";
}
