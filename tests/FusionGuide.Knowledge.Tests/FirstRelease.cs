using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;

namespace FusionGuide.Knowledge.Tests;

/// <summary>
/// Knowledge-base release 2026.11.0 (format 1), taken from the repository's history into a temporary folder, so that
/// the loader's support for older releases is tested without keeping a second copy of its ~330 files in the tree.
/// </summary>
/// <remarks>
/// A clone without that commit (a shallow clone, <c>git clone --depth …</c>) fails the test that needs it, with a
/// message saying how to fetch the history; it is never skipped.
/// </remarks>
internal sealed class FirstRelease : IDisposable
{
    /// <summary>
    /// The last commit of the release date (2026-11-24) that changed <c>knowledge/</c>: release 2026.11.0 as published,
    /// before the engine's later rules reached its catalogue.
    /// </summary>
    public const string Commit = "73c1fffcdfdcd53243efed452913978faa2020c4";

    private readonly string folder;

    private FirstRelease(string folder, string path)
    {
        this.folder = folder;
        Path = path;
    }

    /// <summary>The release's knowledge folder (manifest.json, drugs/, rules/ …).</summary>
    public string Path { get; }

    /// <summary>Writes <c>knowledge/</c> as of <see cref="Commit"/> into a new temporary folder.</summary>
    public static FirstRelease Checkout()
    {
        var root = RepoPaths.Root;
        if (Git(root, "rev-parse", "--git-dir").Code != 0)
        {
            Assert.Fail($"{root} is not a git clone: knowledge release 2026.11.0 is read from the repository's history (commit {Commit}). Run the tests in a clone of the repository.");
        }

        if (Git(root, "cat-file", "-e", Commit + "^{commit}").Code != 0)
        {
            var shallow = Git(root, "rev-parse", "--is-shallow-repository").Out.Trim() == "true" ? "This is a shallow clone. " : "";
            Assert.Fail($"Knowledge release 2026.11.0 is read from commit {Commit} of the repository's history, which this clone does not have. "
                + $"{shallow}Fetch the full history (git fetch --unshallow, or git fetch origin {Commit}), or clone without --depth.");
        }

        var folder = Directory.CreateTempSubdirectory("fg-kb-2026.11.0-").FullName;
        var tar = System.IO.Path.Combine(folder, "knowledge.tar");
        var archive = Git(root, "archive", "--format=tar", "-o", tar, Commit, "knowledge");
        Assert.True(archive.Code == 0, $"git archive {Commit} knowledge failed: {archive.Err}");
        TarFile.ExtractToDirectory(tar, folder, overwriteFiles: false);
        File.Delete(tar);
        return new FirstRelease(folder, System.IO.Path.Combine(folder, "knowledge"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (int Code, string Out, string Err) Git(string root, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr);
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"git could not be run ({ex.Message}): knowledge release 2026.11.0 is read from the repository's history (commit {Commit}).");
            throw;
        }
    }
}
