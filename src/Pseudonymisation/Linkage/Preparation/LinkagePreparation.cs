using System.Collections.Concurrent;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Exact;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Linkage.Preparation;

/// <summary>
/// The boundary between plaintext and linkage: parsed identifiers go in, a <see cref="PseudonymisedRecordSet"/>
/// comes out. Exact match keys are the hub pseudonyms of the person match keys (<see cref="Pseudonymiser"/>,
/// batch HMAC); encodings and block keys use keys derived with HKDF from the same domain key. Work is spread
/// over every core in chunks, each with its own encoder. The caller drops its plaintext afterwards; the
/// linker sees only the returned set.
/// </summary>
public static class LinkagePreparation
{
    private const int Chunk = 4096;

    /// <summary>Records encoded together, so that their cache-missing tokens fill 16-lane HMAC batches.</summary>
    private const int Group = 16;

    /// <summary>Pseudonymises and encodes <paramref name="subjects"/> under the active key of <paramref name="ring"/>.</summary>
    public static PseudonymisedRecordSet Prepare(
        DomainKeyRing ring,
        IReadOnlyList<LinkageSubject> subjects,
        ClkOptions? options = null,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentNullException.ThrowIfNull(subjects);
        var builder = new PseudonymisedRecordSetBuilder(subjects.Count);
        if (subjects.Count == 0)
        {
            return builder.Build();
        }

        var pseudonymiser = new Pseudonymiser(ring);
        var material = ring.GetActiveMaterial();
        var chunks = (subjects.Count + Chunk - 1) / Chunk;
        var done = 0;
        Parallel.ForEach(
            Partitioner.Create(0, subjects.Count, Chunk),
            () => new RecordEncoder(material.PseudonymKey, options),
            (range, _, encoder) =>
            {
                PrepareRange(builder, encoder, pseudonymiser, subjects, range.Item1, range.Item2);
                progress?.Report(Interlocked.Increment(ref done) / (double)chunks);
                return encoder;
            },
            encoder => encoder.Dispose());
        return builder.Build();
    }

    /// <summary>The normalised quasi-identifiers of a person, as the encoder wants them.</summary>
    public static QuasiIdentifiers QuasiIdentifiersOf(PersonIdentifiers person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var name = person.Name;
        var address = person.Address;
        return new QuasiIdentifiers
        {
            GivenNames = name is null || name.GivenNames.Length == 0
                ? []
                : name.GivenNames.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries),
            SurnamePrefix = name is null || name.SurnamePrefix.Length == 0 ? null : name.SurnamePrefix,
            Surname = name is null || name.Surname.Length == 0 ? null : name.Surname,
            DateOfBirth = person.DateOfBirth?.Value,
            Postcode = address?.Postcode.Normalised,
            HouseNumber = address is null
                ? null
                : address.HouseNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + address.Suffix,
        };
    }

    private static void PrepareRange(
        PseudonymisedRecordSetBuilder builder,
        RecordEncoder encoder,
        Pseudonymiser pseudonymiser,
        IReadOnlyList<LinkageSubject> subjects,
        int from,
        int to)
    {
        var inputs = new List<MatchKeyInput>((to - from) * 4);
        var owners = new List<(int Record, ExactKeyKind Kind)>((to - from) * 4);
        var scratch = new List<MatchKeyInput>(8);
        for (var i = from; i < to; i++)
        {
            scratch.Clear();
            MatchKeys.AddInputs(subjects[i].Person, scratch);
            foreach (var input in scratch)
            {
                if (ToExactKind(input.Kind) is { } kind)
                {
                    inputs.Add(input);
                    owners.Add((i, kind));
                }
            }
        }

        var pseudonyms = new Pseudonym[inputs.Count];
        pseudonymiser.ComputeBatch(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(inputs), pseudonyms);
        var keys = new Pseudonym32[(to - from) * ExactKeyKindNames.Count];
        Span<byte> hash = stackalloc byte[Pseudonym.HashLength];
        for (var k = 0; k < pseudonyms.Length; k++)
        {
            pseudonyms[k].CopyHashTo(hash);
            var (record, kind) = owners[k];
            keys[((record - from) * ExactKeyKindNames.Count) + (int)kind] = new Pseudonym32(hash);
        }

        hash.Clear();
        var ids = new List<string>(Group);
        var quasi = new List<QuasiIdentifiers>(Group);
        for (var start = from; start < to; start += Group)
        {
            var end = Math.Min(start + Group, to);
            ids.Clear();
            quasi.Clear();
            for (var i = start; i < end; i++)
            {
                ids.Add(subjects[i].RecordId);
                quasi.Add(QuasiIdentifiersOf(subjects[i].Person));
            }

            builder.SetMany(
                start,
                encoder,
                ids,
                keys.AsSpan((start - from) * ExactKeyKindNames.Count, (end - start) * ExactKeyKindNames.Count),
                quasi);
        }
    }

    private static ExactKeyKind? ToExactKind(PseudonymKind kind) => kind switch
    {
        PseudonymKind.Bsn => ExactKeyKind.Bsn,
        PseudonymKind.NameDob => ExactKeyKind.NameDob,
        PseudonymKind.SurnameInitialDob => ExactKeyKind.SurnameInitialDob,
        PseudonymKind.PostcodeHouseDob => ExactKeyKind.PostcodeHouseDob,
        _ => null,
    };
}
