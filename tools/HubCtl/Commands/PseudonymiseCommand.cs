using System.CommandLine;

namespace SharingHub.HubCtl.Commands;

/// <summary><c>hubctl pseudonymise --in A.csv --out B.csv --key-file K --domain D [--create-key] [--skip-invalid]</c>.</summary>
internal static class PseudonymiseCommand
{
    public static Command Create(CommandContext context)
    {
        var input = new Option<string>("--in") { Description = "person-record CSV to pseudonymise", Required = true };
        var output = new Option<string>("--out") { Description = "pseudonymised CSV to write (replaced atomically; nothing is written on error)", Required = true };
        var keyFile = new Option<string>("--key-file")
        {
            Description = "hubctl key file: JSON {kind, format, keyId, keyVersion, createdAt, secret} with a random 256-bit secret (base64), mode 0600. "
                + "Per-domain keys are derived from it with HKDF, so one key file serves every --domain. It is not DataProtection-wrapped: keep it secret.",
            Required = true,
        };
        var domain = new Option<string>("--domain") { Description = "key domain (convenant id, e.g. riec): [a-z0-9-], 1..63 characters", Required = true };
        var createKey = new Option<bool>("--create-key") { Description = "create --key-file first with a new random secret (mode 0600); fails if it exists" };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "leave invalid identifiers without pseudonym instead of failing on the first bad row" };

        var command = new Command(
            "pseudonymise",
            "Writes a copy of a person-record CSV in which identifiers are replaced by keyed pseudonyms: record_id plus one column per match key "
            + "(bsn, name+dob, surname+initial+dob, postcode+house+dob) and identifier field (phone, email). Other columns are dropped. "
            + "A bad row stops with its row number and exit code 1, leaving no output file.")
        {
            input, output, keyFile, domain, createKey, skipInvalid,
        };
        command.SetAction(parse => new PseudonymiseRunner(context).Run(new PseudonymiseRunner.Options(
            parse.GetValue(input)!,
            parse.GetValue(output)!,
            parse.GetValue(keyFile)!,
            parse.GetValue(domain)!,
            parse.GetValue(createKey),
            parse.GetValue(skipInvalid))));
        return command;
    }
}
