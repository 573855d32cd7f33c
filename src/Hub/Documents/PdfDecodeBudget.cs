using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Util;

namespace SharingHub.Hub.Documents;

/// <summary>
/// Resource accounting for one extraction: decoded stream bytes (per stream and in total), the number of stream decodes
/// and elapsed time. Checked cooperatively — PdfPig has no cancellation, so the budget is consulted wherever PdfPig calls
/// back into our code (every filtered stream decode) and by <see cref="PdfText"/> between pages and form-graph steps.
/// </summary>
internal sealed class PdfDecodeBudget(PdfTextLimits limits, TimeProvider time)
{
    private readonly long started = time.GetTimestamp();
    private long decodedTotal;
    private int decodes;

    public PdfTextLimits Limits => limits;

    public void CheckTime()
    {
        if (time.GetElapsedTime(started) > limits.TimeBudget)
        {
            throw new PdfLimitExceededException("The PDF took longer than the time budget to read.");
        }
    }

    /// <summary>Before a decode: counts it and checks the time.</summary>
    public void BeginDecode()
    {
        if (++decodes > limits.MaxStreamDecodes)
        {
            throw new PdfLimitExceededException("The PDF decodes more streams than allowed.");
        }

        CheckTime();
    }

    /// <summary>Throws when a stream would decode to more than the per-stream or the remaining total budget.</summary>
    public void EnsureFits(long decodedLength)
    {
        if (decodedLength > limits.MaxDecodedStreamBytes || decodedTotal + decodedLength > limits.MaxDecodedTotalBytes)
        {
            throw new PdfLimitExceededException("A PDF stream decompresses beyond the allowed size.");
        }
    }

    /// <summary>Adds a decoded length to the total after the decode.</summary>
    public void Account(long decodedLength)
    {
        EnsureFits(decodedLength);
        decodedTotal += decodedLength;
    }

    /// <summary>Largest output a pre-count needs to see before it can stop: one byte past what still fits.</summary>
    public long CountCeiling => Math.Min(limits.MaxDecodedStreamBytes, Math.Max(0, limits.MaxDecodedTotalBytes - decodedTotal)) + 1;
}

/// <summary>A PDF exceeds a configured limit (pages, characters, decoded bytes, decodes, time, form fan-out).</summary>
internal sealed class PdfLimitExceededException(string message) : Exception(message);

/// <summary>
/// PdfPig's filters behind a budget. Flate, LZW and RunLength output is counted before the real decode runs (their
/// output can be orders of magnitude larger than their input: decompression bombs); ASCII85/ASCIIHex only shrink.
/// Image-only filters (DCT, JPX, JBIG2, CCITTFax) are never run: text extraction needs no pixels, so their encoded
/// bytes are handed back unchanged.
/// </summary>
internal sealed class PdfBoundedFilterProvider : IFilterProvider
{
    private readonly Dictionary<string, IFilter> filters = new(StringComparer.Ordinal);

    public PdfBoundedFilterProvider(PdfDecodeBudget budget)
    {
        var flate = new BoundedFilter(new FlateFilter(), budget, FilterKind.Flate);
        var lzw = new BoundedFilter(new LzwFilter(), budget, FilterKind.Lzw);
        var runLength = new BoundedFilter(new RunLengthFilter(), budget, FilterKind.RunLength);
        var ascii85 = new BoundedFilter(new Ascii85Filter(), budget, FilterKind.Shrinking);
        var asciiHex = new BoundedFilter(new AsciiHexDecodeFilter(), budget, FilterKind.Shrinking);
        var image = new PassThroughImageFilter(budget);
        Add(flate, NameToken.FlateDecode, NameToken.FlateDecodeAbbreviation);
        Add(lzw, NameToken.LzwDecode, NameToken.LzwDecodeAbbreviation);
        Add(runLength, NameToken.RunLengthDecode, NameToken.RunLengthDecodeAbbreviation);
        Add(ascii85, NameToken.Ascii85Decode, NameToken.Ascii85DecodeAbbreviation);
        Add(asciiHex, NameToken.AsciiHexDecode, NameToken.AsciiHexDecodeAbbreviation);
        Add(image, NameToken.DctDecode, NameToken.DctDecodeAbbreviation, NameToken.JpxDecode, NameToken.Jbig2Decode,
            NameToken.CcittfaxDecode, NameToken.CcittfaxDecodeAbbreviation);
    }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        var token = dictionary.GetObjectOrDefault(NameToken.Filter, NameToken.F);
        return token switch
        {
            null => [],
            NameToken name => [Get(name)],
            ArrayToken array => array.Data.Select(t => t is NameToken n ? Get(n) : throw new InvalidDataException("A stream filter is not a name.")).ToArray(),
            _ => throw new InvalidDataException("A stream filter is not a name or an array."),
        };
    }

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Select(Get).ToArray();
    }

    public IReadOnlyList<IFilter> GetAllFilters() => filters.Values.Distinct().ToArray();

    private IFilter Get(NameToken name) =>
        filters.TryGetValue(name.Data, out var filter) ? filter : throw new NotSupportedException("The PDF uses an unsupported stream filter.");

    private void Add(IFilter filter, params NameToken[] names)
    {
        foreach (var name in names)
        {
            filters[name.Data] = filter;
        }
    }

    private enum FilterKind
    {
        Flate,
        Lzw,
        RunLength,
        Shrinking,
    }

    private sealed class BoundedFilter(IFilter inner, PdfDecodeBudget budget, FilterKind kind) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.BeginDecode();
            var ceiling = budget.CountCeiling;
            var predicted = kind switch
            {
                FilterKind.Flate => PdfDecodedLength.Flate(input.Span, ceiling),
                FilterKind.Lzw => PdfDecodedLength.Lzw(input.Span, EarlyChange(streamDictionary, filterIndex), ceiling),
                FilterKind.RunLength => PdfDecodedLength.RunLength(input.Span, ceiling),
                _ => input.Length,
            };
            budget.EnsureFits(predicted);
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Account(output.Length);
            return output;
        }

        private static bool EarlyChange(DictionaryToken streamDictionary, int filterIndex) =>
            DecodeParameterResolver.GetFilterParameters(streamDictionary, filterIndex).GetIntOrDefault(NameToken.EarlyChange, 1) == 1;
    }

    private sealed class PassThroughImageFilter(PdfDecodeBudget budget) : IFilter
    {
        public bool IsSupported => false;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.BeginDecode();
            return input;
        }
    }
}

/// <summary>
/// Output length of a decode, counted without keeping the output, and stopping at a ceiling. Each mirrors how PdfPig's
/// filter decodes (so a count is never lower than PdfPig's output); corrupt input ends the count early.
/// </summary>
internal static class PdfDecodedLength
{
    public static long Flate(ReadOnlySpan<byte> input, long ceiling)
    {
        if (input.Length < 2)
        {
            return 0;
        }

        // PdfPig skips the two zlib header bytes and inflates the rest as raw deflate.
        var bytes = input[2..].ToArray();
        using var source = new MemoryStream(bytes, writable: false);
        using var inflate = new DeflateStream(source, CompressionMode.Decompress);
        var scratch = new byte[16 * 1024];
        long total = 0;
        try
        {
            int read;
            while (total < ceiling && (read = inflate.Read(scratch, 0, scratch.Length)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // Corrupt deflate data: PdfPig's decode fails the same way and yields no more than was counted.
        }

        return total;
    }

    public static long RunLength(ReadOnlySpan<byte> input, long ceiling)
    {
        long total = 0;
        var i = 0;
        while (i < input.Length && total < ceiling)
        {
            int length = input[i];
            if (length == 128)
            {
                break;
            }

            if (length <= 127)
            {
                total += length + 1;
                i += length + 2;
            }
            else
            {
                total += 257 - length;
                i += 2;
            }
        }

        return total;
    }

    /// <summary>LZW as PdfPig decodes it: 9–12 bit codes, table entries never dropped until a clear code.</summary>
    public static long Lzw(ReadOnlySpan<byte> input, bool earlyChange, long ceiling)
    {
        const int clearTable = 256;
        const int endOfData = 257;
        var lengths = new List<int>(4096);
        ResetTable(lengths);
        var codeOffset = earlyChange ? 0 : 1;
        var codeBits = 9;
        var previous = -1;
        long total = 0;
        long bitPosition = 0;
        var totalBits = (long)input.Length * 8;
        while (total < ceiling && bitPosition + codeBits <= totalBits)
        {
            var next = ReadBits(input, bitPosition, codeBits);
            bitPosition += codeBits;
            if (next == endOfData)
            {
                break;
            }

            if (next == clearTable)
            {
                ResetTable(lengths);
                previous = -1;
                codeBits = 9;
                continue;
            }

            if (next < lengths.Count)
            {
                if (lengths[next] == 0)
                {
                    break;
                }

                total += lengths[next];
                if (previous >= 0)
                {
                    lengths.Add(lengths[previous] + 1);
                }
            }
            else
            {
                if (previous < 0 || lengths[previous] == 0)
                {
                    break;
                }

                var length = lengths[previous] + 1;
                total += length;
                lengths.Add(length);
            }

            previous = next;
            codeBits = lengths.Count >= 2047 + codeOffset ? 12 : lengths.Count >= 1023 + codeOffset ? 11 : lengths.Count >= 511 + codeOffset ? 10 : 9;
        }

        return total;
    }

    private static void ResetTable(List<int> lengths)
    {
        lengths.Clear();
        for (var i = 0; i < 256; i++)
        {
            lengths.Add(1);
        }

        lengths.Add(0);
        lengths.Add(0);
    }

    private static int ReadBits(ReadOnlySpan<byte> input, long bitPosition, int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            var bit = bitPosition + i;
            value = (value << 1) | ((input[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
        }

        return value;
    }
}
