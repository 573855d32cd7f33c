using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// <c>hubctl scrub --in doc.txt --out doc.scrubbed.txt [--key-file K] [--report findings.json]</c>: free text
/// with Dutch identifiers replaced by typed tokens. Without --key-file the token key is random and forgotten
/// after the run. Output and report are written to temporary files and renamed, so a failure leaves nothing.
/// </summary>
internal static class ScrubCommand
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = new Option<string>("--in") { Description = "UTF-8 text file to scrub", Required = true };
        var output = new Option<string>("--out") { Description = "where to write the scrubbed text", Required = true };
        var keyFile = new Option<string?>("--key-file") { Description = "hubctl key file (as made by pseudonymise --create-key); default: a random key for this run only" };
        var report = new Option<string?>("--report") { Description = "write findings (type, offsets, token, score; never values) as JSON" };
        var command = new Command("scrub", "Replace Dutch identifiers in free text with typed tokens such as [PERSOON-3f9a]")
        {
            input,
            output,
            keyFile,
            report,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            new ScrubRequest(parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(keyFile), parse.GetValue(report)),
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(CommandContext context, ScrubRequest request, CancellationToken cancellationToken)
    {
        if (!ValidPath(request.Input) || !ValidPath(request.Output) || (request.KeyFile is not null && !ValidPath(request.KeyFile))
            || (request.Report is not null && !ValidPath(request.Report)))
        {
            return await FailAsync(context, HubCtlApp.UsageError, ScrubErrors.InvalidPath, "every path option needs a valid, non-empty path").ConfigureAwait(false);
        }

        if (SamePath(request.Input, request.Output) || SamePath(request.Input, request.Report) || SamePath(request.Output, request.Report))
        {
            return await FailAsync(context, HubCtlApp.UsageError, ScrubErrors.SameFile, "--in, --out and --report must name different files").ConfigureAwait(false);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(await File.ReadAllBytesAsync(request.Input, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await FailAsync(context, HubCtlApp.CheckFailed, ScrubErrors.InputNotFound, $"cannot read input file '{request.Input}'").ConfigureAwait(false);
        }
        catch (DecoderFallbackException)
        {
            return await FailAsync(context, HubCtlApp.CheckFailed, ScrubErrors.InputNotUtf8, "input file is not valid UTF-8").ConfigureAwait(false);
        }

        var (code, tokenKey) = await ReadKeyAsync(context, request.KeyFile, cancellationToken).ConfigureAwait(false);
        if (code != HubCtlApp.Success)
        {
            return code;
        }

        ScrubResult result;
        try
        {
            result = new Scrubber(new ScrubberOptions(tokenKey)).Scrub(text);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(tokenKey);
        }

        var files = new List<(string Target, byte[] Content)> { (request.Output, StrictUtf8.GetBytes(result.Text)) };
        if (request.Report is not null)
        {
            files.Add((request.Report, ScrubReport.Serialise(result, request.KeyFile is null ? "ephemeral" : "key-file")));
        }

        if (!await WriteAllOrNothingAsync(files, cancellationToken).ConfigureAwait(false))
        {
            return await FailAsync(context, HubCtlApp.CheckFailed, ScrubErrors.OutputNotWritten, "could not write the output; no file was written").ConfigureAwait(false);
        }

        var counts = string.Join(", ", result.Findings.GroupBy(f => f.Type).OrderBy(g => g.Key).Select(g => $"{g.Key.TokenLabel()} {g.Count()}"));
        await context.Output.WriteLineAsync($"scrubbed {result.Findings.Count} identifiers{(counts.Length > 0 ? " (" + counts + ")" : string.Empty)} -> {request.Output}").ConfigureAwait(false);
        return HubCtlApp.Success;
    }

    private static async Task<(int Code, byte[] Key)> ReadKeyAsync(CommandContext context, string? keyFile, CancellationToken cancellationToken)
    {
        if (keyFile is null)
        {
            return (HubCtlApp.Success, RandomNumberGenerator.GetBytes(32));
        }

        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(keyFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (await FailAsync(context, HubCtlApp.CheckFailed, ScrubErrors.KeyFileNotFound, $"cannot read key file '{keyFile}'").ConfigureAwait(false), []);
        }

        try
        {
            var key = ScrubKeyFile.Load(bytes, keyFile, out var error);
            if (key is null)
            {
                await context.Error.WriteLineAsync($"hubctl scrub: {error}").ConfigureAwait(false);
                return (HubCtlApp.CheckFailed, []);
            }

            return (HubCtlApp.Success, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Writes every file to a temporary name next to its target, then renames; on failure deletes them all.</summary>
    private static async Task<bool> WriteAllOrNothingAsync(List<(string Target, byte[] Content)> files, CancellationToken cancellationToken)
    {
        var temporary = new List<(string Temp, string Target)>();
        try
        {
            foreach (var (target, content) in files)
            {
                var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, $".{Path.GetFileName(target)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
                temporary.Add((temp, target));
                await File.WriteAllBytesAsync(temp, content, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (temp, target) in temporary)
            {
                File.Move(temp, target, overwrite: true);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (temp, _) in temporary)
            {
                TryDelete(temp);
            }

            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file holds only scrubbed text.
        }
    }

    private static bool ValidPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            return Path.GetFileName(Path.GetFullPath(path)).Length > 0;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }
    }

    private static bool SamePath(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static async Task<int> FailAsync(CommandContext context, int exitCode, string code, string message)
    {
        await context.Error.WriteLineAsync($"hubctl scrub: {code}: {message}").ConfigureAwait(false);
        return exitCode;
    }
}

internal sealed record ScrubRequest(string Input, string Output, string? KeyFile, string? Report);
