namespace FusionGuide.Testing;

/// <summary>A fresh directory, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "fg-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection: the OS cleans /tmp; the test result does not depend on it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
