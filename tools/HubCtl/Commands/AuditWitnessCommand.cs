using System.CommandLine;
using System.Security.Cryptography;
using SharingHub.HubCtl.Audit;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// <c>hubctl audit witness --url URL --state FILE --key-file K [--key VKEY | --trust-on-first-use] [--post] [--out FILE]</c>:
/// checks the checkpoint signature and its consistency with the last checkpoint this witness saw, then cosigns it
/// (C2SP cosignature/v1) and POSTs the cosignature to the hub and/or writes the cosigned checkpoint to a file.
/// </summary>
internal static class AuditWitnessCommand
{
    public static Command Create(CommandContext context, HttpClient? shared)
    {
        var url = new Option<string>("--url") { Description = "Hub base URL", Required = true };
        var state = new Option<string>("--state") { Description = "Witness state file", Required = true };
        var keyFile = new Option<string>("--key-file") { Description = "Witness key file (hubctl audit witness-keygen)", Required = true };
        var key = new Option<string?>("--key") { Description = "The log's verifier key (C2SP vkey)" };
        var tofu = new Option<bool>("--trust-on-first-use") { Description = "Pin the key the hub serves when the state has none" };
        var post = new Option<bool>("--post") { Description = "POST the cosignature to the hub" };
        var output = new Option<string?>("--out") { Description = "Write the cosigned checkpoint to this file" };
        var command = new Command("witness", "Check consistency and cosign the hub's checkpoint") { url, state, keyFile, key, tofu, post, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = new WitnessArguments(parse.GetValue(url)!, parse.GetValue(state)!, parse.GetValue(keyFile)!,
                parse.GetValue(key), parse.GetValue(tofu), parse.GetValue(post), parse.GetValue(output));
            return await AuditCommand.WithHttpAsync(shared, http => RunAsync(context, args, http, cancellationToken)).ConfigureAwait(false);
        });
        return command;
    }

    internal sealed record WitnessArguments(string Url, string State, string KeyFile, string? Key, bool TrustOnFirstUse, bool Post, string? Out);

    internal static async Task<int> RunAsync(CommandContext context, WitnessArguments args, HttpClient http, CancellationToken cancellationToken)
    {
        var baseUri = AuditCommand.ParseUrl(args.Url);
        if (baseUri is null)
        {
            context.Error.WriteLine($"hubctl: {AuditCommand.InvalidOption} --url must be an absolute http(s) URL");
            return HubCtlApp.UsageError;
        }

        if (!File.Exists(args.KeyFile))
        {
            context.Error.WriteLine($"hubctl: {AuditCommand.FileNotFound} witness key file not found: {args.KeyFile}");
            return HubCtlApp.UsageError;
        }

        if (!WitnessKey.TryParse(File.ReadAllText(args.KeyFile), out var witness))
        {
            context.Error.WriteLine($"hubctl: {AuditCommand.InvalidOption} the witness key file is not a PRIVATE+KEY cosignature key");
            return HubCtlApp.UsageError;
        }

        if (!args.Post && args.Out is null)
        {
            context.Error.WriteLine($"hubctl: {AuditCommand.InvalidOption} pass --post, --out FILE or both");
            return HubCtlApp.UsageError;
        }

        var client = new AuditHubClient(http, baseUri);
        var result = await new AuditVerifier(client).VerifyAsync(new AuditVerifyOptions(args.Key, args.TrustOnFirstUse, Full: false, args.State), cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            return AuditVerifyCommand.Report(context, result);
        }

        // The state now holds the verified size; cosign exactly that checkpoint (re-fetch and compare the root).
        var text = await client.GetCheckpointAsync(cancellationToken).ConfigureAwait(false);
        var saved = VerifierState.Load(args.State, out _);
        if (text is null || !SignedCheckpoint.TryParse(text, out var checkpoint, out _) || saved is null
            || checkpoint.Size != saved.Size || !CryptographicOperations.FixedTimeEquals(checkpoint.Root, Convert.FromBase64String(saved.Root ?? string.Empty)))
        {
            context.Error.WriteLine($"hubctl: {AuditCommand.VerificationFailed} the checkpoint changed while witnessing; run again");
            return HubCtlApp.CheckFailed;
        }

        var line = witness.Cosign(checkpoint.Body, (ulong)context.Time.GetUtcNow().ToUnixTimeSeconds());
        if (args.Out is not null)
        {
            File.WriteAllText(args.Out, checkpoint.Text + line + "\n");
        }

        if (args.Post && !await client.PostCosignatureAsync(checkpoint.Size, line, cancellationToken).ConfigureAwait(false))
        {
            context.Error.WriteLine($"hubctl: {AuditCommand.VerificationFailed} {client.LastError}");
            return HubCtlApp.CheckFailed;
        }

        context.Output.WriteLine($"ok: cosigned {checkpoint.Origin} size {checkpoint.Size} as {witness.Name}");
        return HubCtlApp.Success;
    }
}
