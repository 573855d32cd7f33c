using SharingHub.HubCtl.Csv;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// Runs <c>hubctl pseudonymise</c>: reads a person-record CSV, parses every identifier, and writes a copy in
/// which each record holds only its record_id and one pseudonym column per match key or identifier field.
/// The output is written to a temporary file and renamed at the end, so a failure leaves no partial output.
/// </summary>
internal sealed class PseudonymiseRunner
{
    /// <summary>The output columns after record_id: the pseudonym kinds a person record can give.</summary>
    public static readonly IReadOnlyList<PseudonymKind> OutputKinds =
    [
        PseudonymKind.Bsn, PseudonymKind.NameDob, PseudonymKind.SurnameInitialDob, PseudonymKind.PostcodeHouseDob,
        PseudonymKind.Phone, PseudonymKind.Email,
    ];

    private const int Chunk = 4096;

    private readonly CommandContext _context;

    public PseudonymiseRunner(CommandContext context) => _context = context;

    public sealed record Options(string Input, string Output, string KeyFile, string Domain, bool CreateKey, bool SkipInvalid);

    public int Run(Options options)
    {
        if (!DomainId.IsValid(options.Domain))
        {
            return Fail(HubCtlApp.UsageError, $"{PseudonymiseErrorCodes.InvalidDomain}: --domain must be 1..63 characters of [a-z0-9-]");
        }

        if (options.CreateKey)
        {
            var created = PseudonymiseKeyFile.Create(options.KeyFile, _context.Time);
            if (created is not null)
            {
                return Fail(HubCtlApp.CheckFailed, created);
            }

            _context.Error.WriteLine("hubctl: created a new key file (mode 0600); keep it secret and back it up");
        }

        using var ring = PseudonymiseKeyFile.Load(options.KeyFile, options.Domain, _context.Time, out var keyError);
        if (ring is null)
        {
            return Fail(HubCtlApp.CheckFailed, keyError!);
        }

        var pseudonymiser = new Pseudonymiser(ring);
        var today = DateOnly.FromDateTime(_context.Time.GetUtcNow().UtcDateTime);
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        AtomicFileWriter output;
        try
        {
            output = AtomicFileWriter.Create(options.Output);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Fail(HubCtlApp.CheckFailed, $"{PseudonymiseErrorCodes.WriteFailed}: the output file could not be created ({ex.GetType().Name})");
        }

        using (output)
        using (var reader = PersonRecordCsv.OpenReader(options.Input))
        {
            CsvFieldWriter.WriteRow(output.Writer, [.. Header()]);
            var ids = new List<string>(Chunk);
            var subjects = new List<SubjectIdentifiers>(Chunk);
            long rows = 0;
            while (reader.TryRead(out var record))
            {
                var (person, error) = Parse(record, today);
                if (error is not null)
                {
                    if (!options.SkipInvalid)
                    {
                        return Fail(HubCtlApp.CheckFailed, $"{PseudonymiseErrorCodes.InvalidIdentifier}: row {reader.RowNumber}: {error}; no output written");
                    }

                    foreach (var column in person.Skipped)
                    {
                        skipped[column] = skipped.GetValueOrDefault(column) + 1;
                    }
                }

                ids.Add(record.RecordId);
                subjects.Add(person.Identifiers);
                if (subjects.Count == Chunk)
                {
                    rows += Flush(pseudonymiser, ids, subjects, output.Writer);
                    Progress(rows);
                }
            }

            if (reader.Error is not null)
            {
                return Fail(HubCtlApp.CheckFailed, $"{reader.Error}; no output written");
            }

            rows += Flush(pseudonymiser, ids, subjects, output.Writer);
            if (_context.IsInteractive && rows >= Chunk)
            {
                _context.Error.WriteLine();
            }

            try
            {
                output.Commit();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return Fail(HubCtlApp.CheckFailed, $"{PseudonymiseErrorCodes.WriteFailed}: the output file could not be written ({ex.GetType().Name})");
            }

            foreach (var (column, count) in skipped)
            {
                _context.Error.WriteLine($"hubctl: {count} invalid {column} value(s) left without pseudonym");
            }

            _context.Output.WriteLine($"pseudonymised {rows} records for domain {options.Domain} with key version {ring.ActiveVersion}");
            return HubCtlApp.Success;
        }
    }

    public static IEnumerable<string> Header() => ["record_id", .. OutputKinds.Select(k => MatchKeys.Get(k).Name)];

    private static int Flush(Pseudonymiser pseudonymiser, List<string> ids, List<SubjectIdentifiers> subjects, TextWriter writer)
    {
        var results = pseudonymiser.PseudonymiseBatch(subjects);
        var row = new string[1 + OutputKinds.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            Array.Fill(row, string.Empty);
            row[0] = ids[i];
            foreach (var pseudonym in results[i])
            {
                var column = IndexOf(pseudonym.Kind);
                if (column >= 0)
                {
                    row[1 + column] = pseudonym.ToString();
                }
            }

            CsvFieldWriter.WriteRow(writer, row);
        }

        var count = ids.Count;
        ids.Clear();
        subjects.Clear();
        return count;
    }

    private static int IndexOf(PseudonymKind kind)
    {
        for (var i = 0; i < OutputKinds.Count; i++)
        {
            if (OutputKinds[i] == kind)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Parses the identifiers of one row; the error names the field and the SH10xx code, never the value.
    /// Fields: bsn, name (given_names, surname_prefix, surname), date_of_birth, address (postcode,
    /// house_number, house_number_suffix), phone, email.
    /// </summary>
    private static (ParsedPerson Person, string? Error) Parse(PersonRecord record, DateOnly today)
    {
        var skipped = new List<string>();
        string? firstError = null;

        T? Field<T>(string column, bool present, Func<ParseResult<T>> parse)
            where T : class
        {
            if (!present)
            {
                return null;
            }

            var result = parse();
            if (result.IsValid)
            {
                return result.Value;
            }

            skipped.Add(column);
            firstError ??= $"column {column} is invalid ({result.ErrorCode})";
            return null;
        }

        var bsn = Field("bsn", Has(record.Bsn), () => Bsn.Parse(record.Bsn));
        var name = Field("name", Has(record.GivenNames) || Has(record.SurnamePrefix) || Has(record.Surname), () => PersonName.Parse(record.GivenNames, record.SurnamePrefix, record.Surname));
        var dob = Field("date_of_birth", Has(record.DateOfBirth), () => DateOfBirth.Parse(record.DateOfBirth, today));
        var address = Field("address", Has(record.Postcode) || Has(record.HouseNumber) || Has(record.HouseNumberSuffix), () => DutchAddress.Parse(record.Postcode, record.HouseNumber, record.HouseNumberSuffix));
        var phone = Field("phone", Has(record.Phone), () => PhoneNumber.Parse(record.Phone));
        var email = Field("email", Has(record.Email), () => EmailAddress.Parse(record.Email));
        var person = new PersonIdentifiers(bsn, name, dob, address, Iban: null, phone, email);
        return (new ParsedPerson(person, skipped), firstError);
    }

    private static bool Has(string value) => !string.IsNullOrWhiteSpace(value);

    private void Progress(long rows)
    {
        if (_context.IsInteractive)
        {
            _context.Error.Write($"\rpseudonymised {rows} records");
        }
    }

    private int Fail(int exitCode, string message)
    {
        _context.Error.WriteLine($"hubctl: {message}");
        return exitCode;
    }

    private sealed record ParsedPerson(PersonIdentifiers Identifiers, IReadOnlyList<string> Skipped);
}
