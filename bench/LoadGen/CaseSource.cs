using System.Text;

namespace FusionGuide.LoadGen;

/// <summary>The request bodies: one case per non-empty line of an NDJSON file (or standard input for <c>-</c>).</summary>
internal static class CaseSource
{
    public static IReadOnlyList<byte[]> Load(string path)
    {
        using var reader = path == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(path, Encoding.UTF8);
        return Read(reader);
    }

    public static IReadOnlyList<byte[]> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var cases = new List<byte[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.AsSpan().Trim().Length > 0)
            {
                cases.Add(Encoding.UTF8.GetBytes(line));
            }
        }

        return cases;
    }
}
