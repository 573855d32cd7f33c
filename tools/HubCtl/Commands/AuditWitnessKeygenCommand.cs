using System.CommandLine;
using SharingHub.HubCtl.Audit;

namespace SharingHub.HubCtl.Commands;

/// <summary><c>hubctl audit witness-keygen --name NAME --key-file K</c>: creates a witness key file and prints its vkey (give it to the hub's Audit:Witnesses).</summary>
internal static class AuditWitnessKeygenCommand
{
    public static Command Create(CommandContext context)
    {
        var name = new Option<string>("--name") { Description = "Witness name (schema-less URL, e.g. witness.example/w1)", Required = true };
        var keyFile = new Option<string>("--key-file") { Description = "Where to write the private key (must not exist)", Required = true };
        var command = new Command("witness-keygen", "Create a witness cosigning key") { name, keyFile };
        command.SetAction(parse =>
        {
            var witnessName = parse.GetValue(name)!;
            var path = parse.GetValue(keyFile)!;
            if (!NoteVerifierKey.IsValidName(witnessName))
            {
                context.Error.WriteLine($"hubctl: {AuditCommand.InvalidOption} --name has no spaces, '+' or control characters");
                return HubCtlApp.UsageError;
            }

            if (File.Exists(path))
            {
                context.Error.WriteLine($"hubctl: {AuditCommand.InvalidOption} refusing to overwrite {path}");
                return HubCtlApp.UsageError;
            }

            var key = WitnessKey.Generate(witnessName, out var keyText);
            File.WriteAllText(path, keyText);
            context.Output.WriteLine(key.VerifierKey.Text);
            return HubCtlApp.Success;
        });
        return command;
    }
}
