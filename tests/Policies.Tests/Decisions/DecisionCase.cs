using System.Text.Json;
using System.Text.Json.Serialization;
using SharingHub.Policies.Decisions;

namespace SharingHub.Policies.Tests.Decisions;

/// <summary>One row of a case table (Cases/*.cases.json): a request in the convenant's words and what must come out.</summary>
public sealed record DecisionCase
{
    public required string Name { get; init; }
    public required string Partner { get; init; }
    public required string Role { get; init; }
    public required string Purpose { get; init; }
    public required string Action { get; init; }
    public required string[] Categories { get; init; }
    public string SubjectType { get; init; } = "person";
    public string Mode { get; init; } = "pseudonymised";
    public string? Phase { get; init; }
    public string? Level { get; init; }
    public string? Counterpart { get; init; }
    public bool Minor { get; init; }
    public bool NewPurpose { get; init; }
    public bool CrossConvenant { get; init; }
    public string[] Approved { get; init; } = [];
    public DateTimeOffset? At { get; init; }

    /// <summary>"permit", "deny" or "needs-approval".</summary>
    public required string Expect { get; init; }

    /// <summary>The clause id that must decide.</summary>
    public required string Clause { get; init; }

    /// <summary>For needs-approval: the open gates.</summary>
    public string[] Gates { get; init; } = [];

    /// <summary>When given: the code of the first reason.</summary>
    public string? Code { get; init; }

    public PolicyQuery ToQuery(string convenant, DateTimeOffset defaultAt) => new()
    {
        Convenant = convenant,
        Partner = Partner,
        Role = Role,
        Purpose = Purpose,
        Action = Action,
        Categories = Categories,
        SubjectType = SubjectType,
        Mode = Mode,
        Phase = Phase,
        Level = Level,
        Counterpart = Counterpart,
        Minor = Minor,
        NewPurpose = NewPurpose,
        CrossConvenant = CrossConvenant,
        Approved = Approved,
        At = At ?? defaultAt,
    };
}

public sealed record DecisionCaseTable
{
    public required string Convenant { get; init; }
    public required DateTimeOffset At { get; init; }
    public required DecisionCase[] Cases { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static DecisionCaseTable Load(string convenant)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", convenant + ".cases.json");
        return JsonSerializer.Deserialize<DecisionCaseTable>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException(path);
    }
}
