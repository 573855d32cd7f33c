using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace SharingHub.Hub.Documents;

/// <summary>
/// Checks the form XObject invocation graph (<c>/Name Do</c>) of every page before PdfPig renders any page. PdfPig
/// 0.1.16 only strips a form invoking itself under one name listed in its own resources; any other cycle (A → B → A,
/// a form drawing itself under two names, or through inherited resources) recurses until the process dies of a stack
/// overflow, which no catch can stop. So: such a cycle is a malformed PDF; a chain deeper than
/// <see cref="PdfTextLimits.MaxFormDepth"/> or more than <see cref="PdfTextLimits.MaxFormInvocations"/> expanded
/// invocations (a "billion laughs" of forms that each draw another form many times) is beyond limits.
/// A form without its own /Resources is resolved against the resources of the first place it was reached from.
/// </summary>
internal sealed class PdfFormGraph
{
    private readonly IPdfTokenScanner scanner;
    private readonly ILookupFilterProvider filters;
    private readonly PdfDecodeBudget budget;
    private readonly Dictionary<IndirectReference, Cost> expanded = [];
    private readonly HashSet<IndirectReference> onPath = [];
    private long totalInvocations;

    private PdfFormGraph(PdfDocument document, PdfDecodeBudget budget)
    {
        scanner = document.Structure.TokenScanner;
        filters = document.Structure.FilterProvider;
        this.budget = budget;
    }

    public static void Check(PdfDocument document, PdfDecodeBudget budget)
    {
        var graph = new PdfFormGraph(document, budget);
        if (DirectObjectFinder.TryGet<DictionaryToken>(document.Structure.Catalog.CatalogDictionary.Data.GetValueOrDefault(NameToken.Pages.Data), graph.scanner, out var root))
        {
            graph.WalkPageTree(root, null, [], 0);
        }
    }

    private void WalkPageTree(DictionaryToken node, DictionaryToken? inheritedResources, HashSet<IndirectReference> seen, int depth)
    {
        if (depth > budget.Limits.MaxNestingDepth)
        {
            throw new PdfLimitExceededException("The PDF page tree is nested too deeply.");
        }

        var resources = Resolve<DictionaryToken>(node, NameToken.Resources) ?? inheritedResources;
        if (node.TryGet(NameToken.Kids, out var kidsToken) && DirectObjectFinder.TryGet<ArrayToken>(kidsToken, scanner, out var kids))
        {
            foreach (var kid in kids.Data)
            {
                if (kid is IndirectReferenceToken reference && !seen.Add(reference.Data))
                {
                    continue;
                }

                if (DirectObjectFinder.TryGet<DictionaryToken>(kid, scanner, out var child))
                {
                    WalkPageTree(child, resources, seen, depth + 1);
                }
            }

            return;
        }

        var page = default(Cost);
        foreach (var content in ContentStreams(node))
        {
            var scan = PdfContentOperators.Scan(Decode(content));
            page += new Cost(0, scan.TextBytes) + Invocations(scan.XObjects, XObjects(resources), resources, 1);
        }

        totalInvocations = Add(totalInvocations, page.Invocations);
        if (totalInvocations > budget.Limits.MaxFormInvocations)
        {
            throw new PdfLimitExceededException("The PDF draws more nested forms than allowed.");
        }

        if (page.TextBytes > budget.Limits.MaxPageTextBytes)
        {
            throw new PdfLimitExceededException("A PDF page shows more text than allowed.");
        }
    }

    /// <summary>What the forms a content stream draws cost, each form expanded with everything it draws.</summary>
    private Cost Invocations(Dictionary<string, long> names, DictionaryToken? xObjects, DictionaryToken? resources, int depth)
    {
        budget.CheckTime();
        if (xObjects is null)
        {
            return default;
        }

        var cost = default(Cost);
        foreach (var (name, times) in names)
        {
            if (!xObjects.Data.TryGetValue(name, out var token) || token is not IndirectReferenceToken reference)
            {
                continue;
            }

            cost += Form(reference.Data, resources, depth) * times;
            if (cost.Invocations > budget.Limits.MaxFormInvocations)
            {
                throw new PdfLimitExceededException("The PDF draws more nested forms than allowed.");
            }

            if (cost.TextBytes > budget.Limits.MaxPageTextBytes)
            {
                throw new PdfLimitExceededException("A PDF page shows more text than allowed.");
            }
        }

        return cost;
    }

    private Cost Form(IndirectReference reference, DictionaryToken? invokerResources, int depth)
    {
        if (expanded.TryGetValue(reference, out var known))
        {
            return known;
        }

        if (!onPath.Add(reference))
        {
            throw new InvalidDataException("The PDF has forms that draw each other in a cycle.");
        }

        if (depth > budget.Limits.MaxFormDepth)
        {
            throw new PdfLimitExceededException("The PDF nests forms deeper than allowed.");
        }

        var cost = default(Cost);
        if (scanner.Get(reference)?.Data is StreamToken stream &&
            stream.StreamDictionary.TryGet(NameToken.Subtype, out var subtype) && subtype is NameToken { Data: "Form" })
        {
            var own = Resolve<DictionaryToken>(stream.StreamDictionary, NameToken.Resources);
            var resources = own ?? invokerResources;
            var xObjects = XObjects(resources);
            var scan = PdfContentOperators.Scan(Decode(stream));
            var runs = 1L;
            if (PdfPigStripsSelfReference(reference, own, xObjects, scan.XObjects, out var selfName))
            {
                // PdfPig runs the form once more under that name, then strips the self-invocation.
                scan.XObjects.Remove(selfName);
                runs = 2;
            }

            cost = (new Cost(1, scan.TextBytes) + Invocations(scan.XObjects, xObjects, resources, depth + 1)) * runs;
        }

        onPath.Remove(reference);
        expanded[reference] = cost;
        return cost;
    }

    /// <summary>
    /// PdfPig (lenient) removes a form's <c>/N Do</c> when N names the form itself in the form's own /Resources, whose
    /// /XObject is a direct dictionary; so a form drawing itself under exactly one such name terminates after one extra
    /// run. Under two names PdfPig alternates between them without end; without own resources it does not notice.
    /// </summary>
    private bool PdfPigStripsSelfReference(
        IndirectReference self, DictionaryToken? own, DictionaryToken? xObjects, Dictionary<string, long> names, out string selfName)
    {
        selfName = string.Empty;
        if (!budget.Limits.LenientParsing || own is null || xObjects is null ||
            !own.TryGet(NameToken.Xobject, out var direct) || direct is not DictionaryToken)
        {
            return false;
        }

        var selfNames = names.Keys
            .Where(n => xObjects.Data.TryGetValue(n, out var token) && token is IndirectReferenceToken r && r.Data.Equals(self))
            .Take(2)
            .ToList();
        if (selfNames.Count != 1)
        {
            return false;
        }

        selfName = selfNames[0];
        return true;
    }

    private DictionaryToken? XObjects(DictionaryToken? resources) =>
        resources is null ? null : Resolve<DictionaryToken>(resources, NameToken.Xobject);

    private IEnumerable<StreamToken> ContentStreams(DictionaryToken page)
    {
        if (!page.TryGet(NameToken.Contents, out var contents))
        {
            yield break;
        }

        if (DirectObjectFinder.TryGet<StreamToken>(contents, scanner, out var single))
        {
            yield return single;
        }
        else if (DirectObjectFinder.TryGet<ArrayToken>(contents, scanner, out var parts))
        {
            foreach (var part in parts.Data)
            {
                if (DirectObjectFinder.TryGet<StreamToken>(part, scanner, out var stream))
                {
                    yield return stream;
                }
            }
        }
    }

    private ReadOnlySpan<byte> Decode(StreamToken stream) => stream.Decode(filters, scanner).Span;

    private T? Resolve<T>(DictionaryToken dictionary, NameToken key)
        where T : class, IToken =>
        dictionary.TryGet(key, out var token) && DirectObjectFinder.TryGet<T>(token, scanner, out var value) ? value : null;

    private static long Add(long a, long b) => Math.Min(a + b, long.MaxValue / 4);

    /// <summary>
    /// Form invocations and bytes of string operands (an upper bound on the glyphs PdfPig turns into letters: every
    /// glyph needs at least one string byte). Both saturate, so multiplying by an occurrence count cannot overflow.
    /// </summary>
    private readonly record struct Cost(long Invocations, long TextBytes)
    {
        private const long Saturated = 1L << 40;

        public static Cost operator +(Cost a, Cost b) =>
            new(Math.Min(a.Invocations + b.Invocations, Saturated), Math.Min(a.TextBytes + b.TextBytes, Saturated));

        public static Cost operator *(Cost a, long times) =>
            new(Multiply(a.Invocations, times), Multiply(a.TextBytes, times));

        private static long Multiply(long value, long times) =>
            value == 0 || times == 0 ? 0 : times > Saturated / value ? Saturated : Math.Min(value * times, Saturated);
    }
}

/// <summary>What <see cref="PdfContentOperators.Scan"/> found: <c>Do</c> operand names with their counts, and string bytes.</summary>
internal sealed record PdfContentScan(Dictionary<string, long> XObjects, long TextBytes);

/// <summary>A minimal content-stream lexer: the name operand of every <c>Do</c> operator, and the bytes in strings.</summary>
internal static class PdfContentOperators
{
    public static PdfContentScan Scan(ReadOnlySpan<byte> content)
    {
        var names = new Dictionary<string, long>(StringComparer.Ordinal);
        long textBytes = 0;
        string? firstName = null;
        var i = 0;
        while (i < content.Length)
        {
            var b = content[i];
            if (IsWhitespace(b))
            {
                i++;
            }
            else if (b == '%')
            {
                while (i < content.Length && content[i] != '\n' && content[i] != '\r')
                {
                    i++;
                }
            }
            else if (b == '(')
            {
                var start = i;
                i = SkipLiteralString(content, i);
                textBytes += i - start;
                firstName ??= string.Empty;
            }
            else if (b == '<' && i + 1 < content.Length && content[i + 1] == '<')
            {
                i += 2;
            }
            else if (b == '<')
            {
                var end = content[i..].IndexOf((byte)'>');
                var next = end < 0 ? content.Length : i + end + 1;
                textBytes += (next - i) / 2;
                i = next;
                firstName ??= string.Empty;
            }
            else if (b is (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)')')
            {
                i++;
            }
            else if (b == '/')
            {
                var start = ++i;
                while (i < content.Length && !IsWhitespace(content[i]) && !IsDelimiter(content[i]))
                {
                    i++;
                }

                firstName ??= DecodeName(content[start..i]);
            }
            else
            {
                var start = i;
                while (i < content.Length && !IsWhitespace(content[i]) && !IsDelimiter(content[i]))
                {
                    i++;
                }

                var token = content[start..i];
                if (b is (byte)'+' or (byte)'-' or (byte)'.' or >= (byte)'0' and <= (byte)'9')
                {
                    firstName ??= string.Empty;
                    continue;
                }

                if (token.SequenceEqual("Do"u8) && !string.IsNullOrEmpty(firstName))
                {
                    names[firstName] = names.GetValueOrDefault(firstName) + 1;
                }
                else if (token.SequenceEqual("ID"u8))
                {
                    i = SkipInlineImage(content, i);
                }

                firstName = null;
            }
        }

        return new PdfContentScan(names, textBytes);
    }

    private static int SkipLiteralString(ReadOnlySpan<byte> content, int i)
    {
        var depth = 0;
        for (; i < content.Length; i++)
        {
            switch (content[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')' when --depth == 0:
                    return i + 1;
            }
        }

        return content.Length;
    }

    /// <summary>Inline image data runs from one whitespace after ID to whitespace, EI, whitespace (or the end).</summary>
    private static int SkipInlineImage(ReadOnlySpan<byte> content, int i)
    {
        for (i++; i + 2 < content.Length; i++)
        {
            if (IsWhitespace(content[i]) && content[i + 1] == 'E' && content[i + 2] == 'I' &&
                (i + 3 == content.Length || IsWhitespace(content[i + 3]) || IsDelimiter(content[i + 3])))
            {
                return i + 3;
            }
        }

        return content.Length;
    }

    private static string DecodeName(ReadOnlySpan<byte> raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '#' && i + 2 < raw.Length && IsHex(raw[i + 1]) && IsHex(raw[i + 2]))
            {
                bytes.Add((byte)((Hex(raw[i + 1]) << 4) | Hex(raw[i + 2])));
                i += 2;
            }
            else
            {
                bytes.Add(raw[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    private static int Hex(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;

    private static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
}
