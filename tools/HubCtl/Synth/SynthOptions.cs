using System.Globalization;

namespace SharingHub.HubCtl.Synth;

/// <summary>Parameters of <c>hubctl synth</c>.</summary>
internal sealed record SynthOptions(int Persons, int Partners, double Overlap, double TypoRate, int Seed, string OutputDirectory)
{
    public const int MaxPersons = 10_000_000;
    public const int MaxPartners = 99;

    /// <summary>Usage errors (code and message), empty when the options are valid.</summary>
    public IReadOnlyList<(string Code, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        if (Persons is < 1 or > MaxPersons)
        {
            errors.Add((SynthErrorCodes.PersonsOutOfRange, string.Create(CultureInfo.InvariantCulture, $"--persons must be between 1 and {MaxPersons}")));
        }

        if (Partners is < 1 or > MaxPartners)
        {
            errors.Add((SynthErrorCodes.PartnersOutOfRange, string.Create(CultureInfo.InvariantCulture, $"--partners must be between 1 and {MaxPartners}")));
        }

        if (double.IsNaN(Overlap) || Overlap is < 0 or > 1)
        {
            errors.Add((SynthErrorCodes.OverlapOutOfRange, "--overlap must be a fraction between 0 and 1"));
        }
        else if (Overlap > 0 && Partners == 1)
        {
            errors.Add((SynthErrorCodes.OverlapNeedsPartners, "--overlap above 0 needs --partners 2 or more"));
        }

        if (double.IsNaN(TypoRate) || TypoRate is < 0 or > 1)
        {
            errors.Add((SynthErrorCodes.TypoRateOutOfRange, "--typo-rate must be a fraction between 0 and 1"));
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            errors.Add((SynthErrorCodes.OutputMissing, "--out must name a directory"));
        }
        else if (File.Exists(OutputDirectory))
        {
            errors.Add((SynthErrorCodes.OutputIsFile, "--out names an existing file; it must be a directory"));
        }

        return errors;
    }
}

/// <summary>Stable error codes of <c>hubctl synth</c> (block SH9120-SH9139).</summary>
internal static class SynthErrorCodes
{
    public const string PersonsOutOfRange = "SH9120";
    public const string PartnersOutOfRange = "SH9121";
    public const string OverlapOutOfRange = "SH9122";
    public const string OverlapNeedsPartners = "SH9123";
    public const string TypoRateOutOfRange = "SH9124";
    public const string OutputMissing = "SH9125";
    public const string OutputIsFile = "SH9126";
    public const string WriteFailed = "SH9127";
}
