using SharingHub.Policies.Compilation;
using SharingHub.Policies.Convenants;
using SharingHub.Pseudonymisation.Scrubbing;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Hub.Signals;

/// <summary>
/// A signal's content fields against its convenant: each field id must be a field of one of the categories the signal
/// declares (SH3054), and never a field of the reporter (melder) category, whatever the signal declares (SH3055): reporter
/// data comes only through <c>reporter</c>, sealed apart. Values are scrubbed like the summary and sealed as one
/// <see cref="IdentityRecord"/> whose field names are the ids with '-' replaced by '_'.
/// </summary>
public static class ContentFields
{
    /// <summary>The first field that the convenant does not accept as content of this signal, or null.</summary>
    public static FieldError? Check(CompiledConvenant convenant, ValidatedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(convenant);
        ArgumentNullException.ThrowIfNull(signal);
        foreach (var (id, _) in signal.Fields)
        {
            var declared = false;
            foreach (var category in convenant.Document.Categories)
            {
                if (!category.Fields.Contains(id, StringComparer.Ordinal))
                {
                    continue;
                }

                if (category.Sensitivity == Sensitivity.ReporterIdentity || category.Id == SubmitPolicy.ReporterCategory)
                {
                    return new FieldError("fields." + id, SignalErrorCodes.ReporterField);
                }

                declared |= signal.Categories.Contains(category.Id, StringComparer.Ordinal);
            }

            if (!declared)
            {
                return new FieldError("fields." + id, SignalErrorCodes.FieldNotInCategories);
            }
        }

        return null;
    }

    /// <summary>The vault field name of a convenant field id: '-' becomes '_'.</summary>
    public static string VaultFieldName(string fieldId)
    {
        ArgumentNullException.ThrowIfNull(fieldId);
        return fieldId.Replace('-', '_');
    }

    /// <summary>
    /// The scrubbed content as an identity record (null when the signal has no content fields): each value through the
    /// scrubber with the subject's (and a group's members') names as known persons, then every known identifier of those
    /// identities redacted literally.
    /// </summary>
    public static IdentityRecord? Scrub(Scrubber scrubber, ValidatedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Fields.Count == 0)
        {
            return null;
        }

        var known = KnownPersons(signal);
        var fields = new List<KeyValuePair<string, IdentityField>>(signal.Fields.Count);
        foreach (var (id, value) in signal.Fields)
        {
            fields.Add(new(VaultFieldName(id), new IdentityField(ScrubText(scrubber, value, signal, known), null)));
        }

        return new IdentityRecord(fields);
    }

    /// <summary>Scrubs free text of this signal (summary or a content field).</summary>
    public static string ScrubText(Scrubber scrubber, string text, ValidatedSignal signal, IReadOnlyList<KnownPerson>? known)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        ArgumentNullException.ThrowIfNull(signal);
        var scrubbed = KnownIdentifiers.Redact(scrubber.Scrub(text, known).Text, signal.Identity);
        if (signal.Group is { } group)
        {
            foreach (var member in group.Members)
            {
                scrubbed = KnownIdentifiers.Redact(scrubbed, member.Identity);
            }
        }

        return scrubbed;
    }

    /// <summary>The persons the scrubber should recognise by name in this signal's text; null when none.</summary>
    public static IReadOnlyList<KnownPerson>? KnownPersons(ValidatedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Group is { } group)
        {
            var members = group.Members.Select(m => m.KnownPerson).OfType<KnownPerson>().ToList();
            return members.Count == 0 ? null : members;
        }

        return signal.KnownPerson is null ? null : [signal.KnownPerson];
    }
}
