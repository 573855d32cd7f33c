namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>Why a pseudonym, subject reference or migration item was refused.</summary>
public enum PseudonymError
{
    None = 0,

    /// <summary>SH1301: the text is empty.</summary>
    Empty,

    /// <summary>SH1302: the text is longer than any pseudonym.</summary>
    TooLong,

    /// <summary>SH1303: the first character is not a known tag (of this kind of value).</summary>
    UnknownTag,

    /// <summary>SH1304: the format digit after the tag is not a supported format ('1').</summary>
    UnsupportedFormat,

    /// <summary>SH1305: the text is not "&lt;tag&gt;&lt;format&gt;.&lt;keyversion&gt;.&lt;base64url&gt;".</summary>
    MalformedStructure,

    /// <summary>SH1306: the key version is not a decimal 1..2147483647 without leading zeros.</summary>
    InvalidKeyVersion,

    /// <summary>SH1307: the hash part is not 43 characters (32 bytes in unpadded base64url).</summary>
    InvalidHashLength,

    /// <summary>SH1308: the hash part has characters outside base64url or non-zero padding bits.</summary>
    InvalidBase64,

    /// <summary>SH1309: a migration input is of another kind than the pseudonym it should reproduce.</summary>
    KindMismatch,

    /// <summary>SH1310: the input does not reproduce the pseudonym under its key version (wrong identity).</summary>
    VerificationFailed,

    /// <summary>SH1311: the pseudonym's key version is not in the domain's key ring.</summary>
    UnknownKeyVersion,
}

/// <summary>Stable codes (block SH13xx) of <see cref="PseudonymError"/>.</summary>
public static class PseudonymErrorCodes
{
    public static string Code(PseudonymError error) => error switch
    {
        PseudonymError.None => "SH1300",
        PseudonymError.Empty => "SH1301",
        PseudonymError.TooLong => "SH1302",
        PseudonymError.UnknownTag => "SH1303",
        PseudonymError.UnsupportedFormat => "SH1304",
        PseudonymError.MalformedStructure => "SH1305",
        PseudonymError.InvalidKeyVersion => "SH1306",
        PseudonymError.InvalidHashLength => "SH1307",
        PseudonymError.InvalidBase64 => "SH1308",
        PseudonymError.KindMismatch => "SH1309",
        PseudonymError.VerificationFailed => "SH1310",
        PseudonymError.UnknownKeyVersion => "SH1311",
        _ => throw new ArgumentOutOfRangeException(nameof(error)),
    };
}
