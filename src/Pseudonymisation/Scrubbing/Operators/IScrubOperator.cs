namespace SharingHub.Pseudonymisation.Scrubbing.Operators;

/// <summary>Transformation only (the Presidio "operator"): turns an accepted detection into its replacement text.</summary>
internal interface IScrubOperator
{
    string Replace(ScrubEntityType type, string tokenId);
}

/// <summary><c>[BSN-3f9a]</c>: the type label and the keyed token id.</summary>
internal sealed class TypedTokenOperator : IScrubOperator
{
    public static TypedTokenOperator Instance { get; } = new();

    public string Replace(ScrubEntityType type, string tokenId) => $"[{type.TokenLabel()}-{tokenId}]";
}

/// <summary><c>[BSN]</c>: the type label only.</summary>
internal sealed class TypeLabelOperator : IScrubOperator
{
    public static TypeLabelOperator Instance { get; } = new();

    public string Replace(ScrubEntityType type, string tokenId) => $"[{type.TokenLabel()}]";
}

internal static class ScrubOperators
{
    public static IScrubOperator For(ScrubOperatorKind kind) => kind switch
    {
        ScrubOperatorKind.TypedToken => TypedTokenOperator.Instance,
        ScrubOperatorKind.TypeLabel => TypeLabelOperator.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), (int)kind, $"{ScrubErrorCodes.UnknownOperator}: unknown scrub operator."),
    };
}
