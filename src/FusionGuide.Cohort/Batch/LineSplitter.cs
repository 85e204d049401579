using FusionGuide.Domain.Validation;

namespace FusionGuide.Cohort.Batch;

/// <summary>
/// Splits a UTF-8 stream into lines ('\n' or "\r\n") with a fixed buffer. Blank lines are skipped (they are not
/// cases); a line longer than a case may be (<see cref="CaseReader.MaxDocumentBytes"/>) is reported, not buffered.
/// </summary>
internal sealed class LineSplitter(Stream input)
{
    private const int MaxLine = CaseReader.MaxDocumentBytes;
    private readonly byte[] buffer = new byte[MaxLine + (1 << 20)];
    private int start;
    private int end;
    private bool eof;
    private bool skipping;

    /// <summary>1-based number of the last line returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Fills <paramref name="chunk"/> with up to <paramref name="max"/> lines; false at the end of the input.</summary>
    public bool Fill(Chunk chunk, int max)
    {
        while (chunk.Count < max)
        {
            var nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                Emit(chunk, buffer.AsSpan(start, nl));
                start += nl + 1;
                continue;
            }

            if (eof)
            {
                if (end > start || skipping)
                {
                    Emit(chunk, buffer.AsSpan(start, end - start));
                }

                start = end;
                break;
            }

            if (end - start > MaxLine)
            {
                // Keep counting the line but drop its bytes until its newline.
                skipping = true;
                start = end = 0;
            }

            Refill();
        }

        return chunk.Count > 0;
    }

    private void Emit(Chunk chunk, ReadOnlySpan<byte> line)
    {
        LineNumber++;
        if (skipping)
        {
            skipping = false;
            chunk.AddOversize(LineNumber);
            return;
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.Length > MaxLine)
        {
            chunk.AddOversize(LineNumber);
        }
        else if (!line.Trim(" \t"u8).IsEmpty)
        {
            chunk.Add(LineNumber, line);
        }
    }

    private void Refill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        var n = input.Read(buffer, end, buffer.Length - end);
        if (n == 0)
        {
            eof = true;
        }

        end += n;
    }
}
