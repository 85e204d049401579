using System.IO.Compression;
using System.Text;

namespace FusionGuide.Server.Audit;

/// <summary>
/// How a record's result and case are stored (record format 2, schema 3): UTF-8 text compressed as one Brotli stream
/// (RFC 7932; quality 5, window 2^22), in the <c>result_br</c> and <c>case_br</c> columns. Any Brotli decoder reads
/// them (<c>brotli -d</c>, Python's <c>brotli.decompress</c>). The chain hashes the text, not the compressed bytes, so
/// the compression is a storage detail: an archive may recompress without breaking the chain.
/// </summary>
/// <remarks>
/// Quality 5 (of 11) was measured on the example cases' results: about 8× smaller than the text for well under a
/// millisecond per record; higher qualities saved a few percent more at several times the CPU of the writer loop.
/// </remarks>
public static class RecordCompression
{
    private const int Quality = 5;
    private const int Window = 22;

    /// <summary>The text as UTF-8, Brotli-compressed.</summary>
    public static byte[] Compress(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var encoder = new BrotliEncoder(Quality, Window);
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        var status = encoder.Compress(utf8, output, out _, out var written, isFinalBlock: true);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw new InvalidOperationException($"Brotli compression stopped: {status}.");
        }

        return output.AsSpan(0, written).ToArray();
    }

    /// <summary>The text back from <see cref="Compress"/>'s bytes (damaged bytes give an error, or a text whose hash the verifier refuses).</summary>
    public static string Decompress(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var input = new MemoryStream(data, writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var text = new MemoryStream(data.Length * 8);
        brotli.CopyTo(text);
        return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }
}
