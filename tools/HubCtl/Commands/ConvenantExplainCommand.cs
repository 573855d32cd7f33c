using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SharingHub.Policies.Convenants;
using SharingHub.Policies.Decisions;
using SharingHub.Policies.Loading;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// <c>hubctl convenant explain FILE --partner P --role R --purpose U --action A --category C...</c>: prints the
/// decision, its reasons (clause ids) and obligations as JSON. Exit 0 when a decision was made (whatever it is),
/// 1 when the file is not a valid convenant, 2 for usage errors.
/// </summary>
internal static class ConvenantExplainCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CommandContext context)
    {
        var file = new Argument<string>("FILE") { Description = "Convenant JSON file" };
        var partner = new Option<string>("--partner") { Description = "Party id of the actor", Required = true };
        var role = new Option<string>("--role") { Description = "Role of the actor", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "Purpose id", Required = true };
        var action = new Option<string>("--action") { Description = "Action", Required = true };
        action.AcceptOnlyFromAmong([.. PolicyNames.Action.Names]);
        var category = new Option<string[]>("--category") { Description = "Data category id (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true };
        var phase = new Option<string?>("--phase") { Description = "Work-process phase" };
        phase.AcceptOnlyFromAmong([.. PolicyNames.Phase.Names]);
        var level = new Option<string?>("--level") { Description = "Escalation level id" };
        var mode = new Option<string>("--mode") { Description = "Access mode", DefaultValueFactory = _ => "pseudonymised" };
        mode.AcceptOnlyFromAmong([.. PolicyNames.Mode.Names]);
        var subjectType = new Option<string>("--subject-type") { Description = "Subject type", DefaultValueFactory = _ => "person" };
        subjectType.AcceptOnlyFromAmong([.. PolicyNames.SubjectType.Names]);
        var counterpart = new Option<string?>("--counterpart") { Description = "Party on the other side of the flow" };
        var minor = new Option<bool>("--minor") { Description = "The subject is a minor" };
        var newPurpose = new Option<bool>("--new-purpose") { Description = "Further processing for another purpose" };
        var crossConvenant = new Option<bool>("--cross-convenant") { Description = "Data come from another convenant" };
        var approved = new Option<string[]>("--approved") { Description = "Gates already passed (repeatable)", AllowMultipleArgumentsPerToken = true };
        approved.AcceptOnlyFromAmong([.. PolicyNames.Gate.Names]);
        var at = new Option<string?>("--at") { Description = "Evaluation time, ISO 8601 with offset (default: now)" };

        var command = new Command("explain", "Decide one request and explain it")
        {
            file, partner, role, purpose, action, category, phase, level, mode, subjectType, counterpart, minor, newPurpose, crossConvenant, approved, at,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                context.Error.WriteLine($"hubctl: {ConvenantCommand.FileNotFound} convenant file not found: {path}");
                return HubCtlApp.UsageError;
            }

            var when = context.Time.GetUtcNow();
            var atText = parse.GetValue(at);
            if (atText is not null && !DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out when))
            {
                context.Error.WriteLine($"hubctl: {ConvenantCommand.InvalidOption} --at must be an ISO 8601 time, e.g. 2026-11-25T10:00:00+01:00");
                return HubCtlApp.UsageError;
            }

            var load = ConvenantLoader.LoadFile(path);
            if (load.Convenant is not { } convenant)
            {
                foreach (var error in load.Errors)
                {
                    context.Error.WriteLine($"{path}: {error}");
                }

                return HubCtlApp.CheckFailed;
            }

            var query = new PolicyQuery
            {
                Convenant = convenant.Id,
                Partner = parse.GetValue(partner)!,
                Role = parse.GetValue(role)!,
                Purpose = parse.GetValue(purpose)!,
                Action = parse.GetValue(action)!,
                Categories = parse.GetValue(category) ?? [],
                Phase = parse.GetValue(phase),
                Level = parse.GetValue(level),
                Mode = parse.GetValue(mode)!,
                SubjectType = parse.GetValue(subjectType)!,
                Counterpart = parse.GetValue(counterpart),
                Minor = parse.GetValue(minor),
                NewPurpose = parse.GetValue(newPurpose),
                CrossConvenant = parse.GetValue(crossConvenant),
                Approved = parse.GetValue(approved) ?? [],
                At = when,
            };
            var decision = convenant.TryResolve(query, new ConvenantHandle(1), out var request, out var denial)
                ? convenant.Explain(request)
                : denial;
            context.Output.WriteLine(JsonSerializer.Serialize(DecisionJson.From(decision, query.At), Json));
            return HubCtlApp.Success;
        });
        return command;
    }
}
