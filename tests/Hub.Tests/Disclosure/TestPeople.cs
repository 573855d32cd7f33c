using System.Globalization;

namespace SharingHub.Hub.Tests.Disclosure;

/// <summary>Distinct synthetic people per test: valid BSNs (elfproef) and letter-only names that occur nowhere else.</summary>
internal static class TestPeople
{
    private static int _next = Environment.ProcessId % 1000 * 1000;

    /// <summary>A fresh valid BSN.</summary>
    public static string Bsn()
    {
        while (true)
        {
            var candidate = (100_000_000 + (Interlocked.Increment(ref _next) * 7919 % 800_000_000)).ToString(CultureInfo.InvariantCulture);
            if (SharingHub.Pseudonymisation.Identifiers.Bsn.IsValidElfproef(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>A fresh name: <paramref name="stem"/> followed by letters only this call produces.</summary>
    public static string Name(string stem)
    {
        var n = Interlocked.Increment(ref _next);
        var letters = new char[5];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + (n % 26));
            n /= 26;
        }

        return stem + new string(letters);
    }

    /// <summary>A Dutch mobile number that is a valid phone identifier.</summary>
    public static string Phone() => "06" + (10_000_000 + Interlocked.Increment(ref _next) % 89_999_999).ToString(CultureInfo.InvariantCulture);

    /// <summary>Reporter JSON (the melder) with every identifier kind the signals API takes for a person.</summary>
    public static string ReporterJson(Reporter reporter) =>
        $$"""{"bsn":"{{reporter.Bsn}}","givenNames":"{{reporter.Given}}","surname":"{{reporter.Surname}}","dateOfBirth":"1975-03-09","phone":"{{reporter.Phone}}","email":"{{reporter.Email}}"}""";

    public static Reporter NewReporter()
    {
        var given = Name("Melde");
        var surname = Name("Rapporteur");
        return new Reporter(Bsn(), given, surname, Phone(), $"{given}.{surname}@melder.example".ToLowerInvariant());
    }
}

/// <summary>A reporter (melder): every string that would identify them.</summary>
internal sealed record Reporter(string Bsn, string Given, string Surname, string Phone, string Email)
{
    public IEnumerable<string> Needles() => [Bsn, Given, Surname, Phone, Email, Phone[1..]];
}
