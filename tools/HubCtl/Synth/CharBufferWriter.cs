using System.Text;

namespace SharingHub.HubCtl.Synth;

/// <summary>
/// A reusable in-memory text buffer. The generator serialises rows into it and keeps only offsets, so a shuffle
/// window holds one large array instead of tens of thousands of short-lived objects (which made the GC copy them).
/// </summary>
internal sealed class CharBufferWriter : TextWriter
{
    private char[] _buffer = new char[1 << 16];

    public override Encoding Encoding => Encoding.UTF8;

    public int Length { get; private set; }

    public ReadOnlySpan<char> Slice(int start, int length) => _buffer.AsSpan(start, length);

    public void Clear() => Length = 0;

    public override void Write(char value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Ensure(buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(Length));
        Length += buffer.Length;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    private void Ensure(int extra)
    {
        if (Length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + extra));
        }
    }
}
