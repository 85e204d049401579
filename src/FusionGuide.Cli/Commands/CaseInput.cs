using FusionGuide.Domain.Validation;

namespace FusionGuide.Cli.Commands;

/// <summary>Reads a case document from a file or standard input into a validated case.</summary>
internal static class CaseInput
{
    public static ReadOutcome Read(string path, Stream stdin) => Read(path, stdin, out _);

    /// <summary>
    /// Reads and validates a case: the file at <paramref name="path"/>, or <paramref name="stdin"/> when the path is
    /// <c>-</c> (bytes, not text: the case reader judges the encoding itself). <paramref name="document"/> is what was
    /// read (empty when it could not be read).
    /// </summary>
    public static ReadOutcome Read(string path, Stream stdin, out byte[] document)
    {
        document = [];
        byte[] bytes;
        try
        {
            if (path == "-")
            {
                ArgumentNullException.ThrowIfNull(stdin);
                using var ms = new MemoryStream();
                var buffer = new byte[81920];
                int n;
                while ((n = stdin.Read(buffer, 0, buffer.Length)) > 0)
                {
                    ms.Write(buffer, 0, n);
                    if (ms.Length > CaseReader.MaxDocumentBytes)
                    {
                        return Fail($"standard input is larger than {CaseReader.MaxDocumentBytes} bytes");
                    }
                }

                bytes = ms.ToArray();
            }
            else
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    return Fail($"cannot read '{path}': no such file");
                }

                if (info.Length > CaseReader.MaxDocumentBytes)
                {
                    return Fail($"'{path}' is {info.Length} bytes; a case may be at most {CaseReader.MaxDocumentBytes} bytes");
                }

                bytes = File.ReadAllBytes(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read '{path}': {ex.Message}");
        }

        document = bytes;
        return CaseReader.Read(bytes);
    }

    private static ReadOutcome Fail(string message) => new(null, [new Problem("$", message)], []);
}
