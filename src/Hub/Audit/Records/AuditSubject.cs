using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Audit.Records;

/// <summary>
/// The pseudonymised data subject of an audit record. It can only be made from a parsed
/// <see cref="Pseudonym"/> or <see cref="SubjectReference"/> (or <see cref="None"/> for steps without a subject),
/// so no plaintext identifier can enter the log through it.
/// </summary>
public readonly record struct AuditSubject
{
    public const string TypeNone = "none";
    public const string TypeReference = "subject-reference";
    public const string TypePseudonymPrefix = "pseudonym:";

    private readonly string? _id;
    private readonly string? _type;

    private AuditSubject(string id, string type)
    {
        _id = id;
        _type = type;
    }

    /// <summary>The pseudonym text (<c>&lt;tag&gt;1.&lt;ver&gt;.&lt;b64url&gt;</c>), empty for <see cref="None"/>.</summary>
    public string Id => _id ?? string.Empty;

    /// <summary><c>pseudonym:&lt;kind&gt;</c>, <c>subject-reference</c> or <c>none</c>.</summary>
    public string Type => _type ?? TypeNone;

    public static AuditSubject None => new(string.Empty, TypeNone);

    public static AuditSubject From(Pseudonym pseudonym)
    {
        if (pseudonym.Kind == 0)
        {
            throw new ArgumentException("An empty pseudonym cannot name an audit subject.", nameof(pseudonym));
        }

        return new AuditSubject(pseudonym.ToString(), PseudonymType(pseudonym.Kind));
    }

    // "pseudonym:<kind>" made once per kind (every thread derives the same text, so a race only repeats the work).
    private static readonly string?[] PseudonymTypes = new string?[32];

    private static string PseudonymType(PseudonymKind kind)
    {
        static string Make(PseudonymKind kind) => TypePseudonymPrefix + kind.ToString().ToLowerInvariant();
        var slot = (int)kind;
        return (uint)slot < (uint)PseudonymTypes.Length ? PseudonymTypes[slot] ??= Make(kind) : Make(kind);
    }

    public static AuditSubject From(SubjectReference reference)
    {
        var text = reference.ToString();
        if (text.Length == 0)
        {
            throw new ArgumentException("An empty subject reference cannot name an audit subject.", nameof(reference));
        }

        return new AuditSubject(text, TypeReference);
    }

    /// <summary>Parses a pseudonym or subject reference text; false (never an exception) for anything else.</summary>
    public static bool TryParse(string? text, out AuditSubject subject)
    {
        if (SubjectReference.TryParse(text, out var reference))
        {
            subject = From(reference);
            return true;
        }

        if (Pseudonym.TryParse(text, out var pseudonym) && pseudonym.Kind != 0)
        {
            subject = From(pseudonym);
            return true;
        }

        subject = None;
        return false;
    }

    public override string ToString() => Type;
}
