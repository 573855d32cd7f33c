using System.CommandLine;
using SharingHub.HubCtl.Audit;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// <c>hubctl audit verify --url URL [--state FILE] [--key VKEY | --trust-on-first-use] [--full] [--token T | --client-id ID --client-secret S]</c>
/// and <c>hubctl audit verify --receipt FILE --key VKEY|--state FILE [--record FILE]</c>.
/// Exit 0 when every check passed, 1 when one failed (naming the first bad index when known), 2 for usage errors.
/// </summary>
internal static class AuditVerifyCommand
{
    public static Command Create(CommandContext context, HttpClient? shared)
    {
        var url = new Option<string?>("--url") { Description = "Hub base URL, e.g. https://hub.example" };
        var state = new Option<string?>("--state") { Description = "State file: pinned key, last verified checkpoint (and leaf mirror after --full)" };
        var key = new Option<string?>("--key") { Description = "The log's verifier key (C2SP vkey name+id+base64)" };
        var tofu = new Option<bool>("--trust-on-first-use") { Description = "No key yet: pin the key the hub serves (explicit trust on first use)" };
        var full = new Option<bool>("--full") { Description = "Fetch every entry, recompute the root, name the first bad index" };
        var token = new Option<string?>("--token") { Description = "Access token with the audit scope (for --full)" };
        var clientId = new Option<string?>("--client-id") { Description = "Client id for a client-credentials token (audit scope)" };
        var clientSecret = new Option<string?>("--client-secret") { Description = "Client secret" };
        var receipt = new Option<string?>("--receipt") { Description = "Verify an offline receipt (c2sp.org/tlog-proof@v1 file)" };
        var record = new Option<string?>("--record") { Description = "With --receipt: the canonical record file the receipt must prove" };
        var command = new Command("verify", "Verify checkpoint signature, consistency, entries or a receipt")
        {
            url, state, key, tofu, full, token, clientId, clientSecret, receipt, record,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new VerifyArguments(parse.GetValue(url), parse.GetValue(state), parse.GetValue(key), parse.GetValue(tofu), parse.GetValue(full),
                parse.GetValue(token), parse.GetValue(clientId), parse.GetValue(clientSecret), parse.GetValue(receipt), parse.GetValue(record));
            return await AuditCommand.WithHttpAsync(shared, http => RunAsync(context, options, http, cancellationToken)).ConfigureAwait(false);
        });
        return command;
    }

    internal sealed record VerifyArguments(
        string? Url, string? State, string? Key, bool TrustOnFirstUse, bool Full, string? Token, string? ClientId, string? ClientSecret,
        string? Receipt, string? Record);

    /// <summary>Runs the command against any <see cref="HttpClient"/> (tests pass an in-memory hub's client).</summary>
    internal static async Task<int> RunAsync(CommandContext context, VerifyArguments args, HttpClient http, CancellationToken cancellationToken)
    {
        if (args.Receipt is not null)
        {
            return VerifyReceipt(context, args);
        }

        var baseUri = AuditCommand.ParseUrl(args.Url);
        if (baseUri is null)
        {
            return Usage(context, "--url must be an absolute http(s) URL (or use --receipt)");
        }

        if (args.Key is not null && !NoteVerifierKey.TryParse(args.Key, out _))
        {
            return Usage(context, "--key is not a C2SP verifier key");
        }

        var client = new AuditHubClient(http, baseUri);
        if (args.Token is not null)
        {
            client.UseToken(args.Token);
        }
        else if (args.ClientId is not null || args.ClientSecret is not null)
        {
            if (args.ClientId is null || args.ClientSecret is null)
            {
                return Usage(context, "--client-id and --client-secret go together");
            }

            if (!await client.AuthenticateAsync(args.ClientId, args.ClientSecret, cancellationToken).ConfigureAwait(false))
            {
                context.Error.WriteLine($"hubctl: {AuditCommand.AuthenticationFailed} {client.LastError}");
                return HubCtlApp.CheckFailed;
            }
        }

        var result = await new AuditVerifier(client).VerifyAsync(
            new AuditVerifyOptions(args.Key, args.TrustOnFirstUse, args.Full, args.State), cancellationToken).ConfigureAwait(false);
        return Report(context, result);
    }

    internal static int Report(CommandContext context, AuditVerifyResult result)
    {
        foreach (var message in result.Messages)
        {
            (message.StartsWith("FAIL", StringComparison.Ordinal) ? context.Error : context.Output).WriteLine(message);
        }

        if (result.Success)
        {
            context.Output.WriteLine($"ok: audit log verified at size {result.Size}");
            return HubCtlApp.Success;
        }

        context.Error.WriteLine(result.FirstBadIndex is { } index
            ? $"hubctl: {AuditCommand.VerificationFailed} verification failed; first bad index: {index}"
            : $"hubctl: {AuditCommand.VerificationFailed} verification failed");
        return HubCtlApp.CheckFailed;
    }

    private static int VerifyReceipt(CommandContext context, VerifyArguments args)
    {
        if (!File.Exists(args.Receipt))
        {
            context.Error.WriteLine($"hubctl: {AuditCommand.FileNotFound} receipt file not found: {args.Receipt}");
            return HubCtlApp.UsageError;
        }

        var keyText = args.Key;
        if (keyText is null && args.State is not null)
        {
            keyText = VerifierState.Load(args.State, out _)?.Key;
        }

        if (!NoteVerifierKey.TryParse(keyText, out var key) || key.Type != NoteVerifierKey.Ed25519)
        {
            return Usage(context, "--receipt needs the log key: --key VKEY or a --state file with a pinned key");
        }

        byte[]? record = null;
        if (args.Record is not null)
        {
            if (!File.Exists(args.Record))
            {
                context.Error.WriteLine($"hubctl: {AuditCommand.FileNotFound} record file not found: {args.Record}");
                return HubCtlApp.UsageError;
            }

            record = File.ReadAllBytes(args.Record);
        }

        return Report(context, AuditVerifier.VerifyReceipt(File.ReadAllText(args.Receipt), key, record));
    }

    private static int Usage(CommandContext context, string message)
    {
        context.Error.WriteLine($"hubctl: {AuditCommand.InvalidOption} {message}");
        return HubCtlApp.UsageError;
    }
}
