using System.Buffers;

namespace FusionGuide.Cohort.Batch;

/// <summary>
/// A run of consecutive input lines and, once a worker has been through it, their output lines. Chunks are
/// recycled: a batch owns a fixed number of them, which bounds its memory whatever the file size.
/// </summary>
internal sealed class Chunk
{
    private byte[] data = new byte[64 * 1024];
    private int used;

    public long Sequence { get; set; }

    /// <summary>Input lines: 1-based line number, offset and length in the chunk buffer; length -1 marks a line too long to read.</summary>
    public List<(long Line, int Offset, int Length)> Lines { get; } = [];

    public ReadOnlyMemory<byte> Line(int i) => data.AsMemory(Lines[i].Offset, Lines[i].Length);

    public ArrayBufferWriter<byte> Output { get; } = new(256 * 1024);

    /// <summary>Digest or rejection per line, for the report (filled only when one is asked for).</summary>
    public List<object> Digests { get; } = [];

    public int Errors { get; set; }

    public int Faults { get; set; }

    public int Count => Lines.Count;

    public int Bytes => used;

    public void Add(long line, ReadOnlySpan<byte> bytes)
    {
        if (used + bytes.Length > data.Length)
        {
            Array.Resize(ref data, Math.Max(data.Length * 2, used + bytes.Length));
        }

        bytes.CopyTo(data.AsSpan(used));
        Lines.Add((line, used, bytes.Length));
        used += bytes.Length;
    }

    public void AddOversize(long line) => Lines.Add((line, 0, -1));

    public void Reset()
    {
        used = 0;
        Lines.Clear();
        Digests.Clear();
        Errors = 0;
        Faults = 0;
        Output.ResetWrittenCount();

        // A chunk that once held an unusually long line gives the memory back.
        if (data.Length > 4 * 1024 * 1024)
        {
            data = new byte[64 * 1024];
        }
    }
}
