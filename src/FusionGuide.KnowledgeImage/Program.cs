using FusionGuide.Knowledge.Loading;

// fusionguide-knowledge-image KNOWLEDGE-DIR OUT-DIR: loads and validates the knowledge folder in full (as `kb validate`
// does), then writes the runtime image, the provenance part and the hash FusionGuide.Knowledge embeds. A folder with
// any problem fails the build: every problem is printed in MSBuild's error format, so `dotnet build` lists them.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: FusionGuide.KnowledgeImage KNOWLEDGE-DIR OUT-DIR");
    return 2;
}

var (dir, outDir) = (Path.GetFullPath(args[0]), args[1]);
// The files the program embeds: every record but the RxNorm table, which is embedded apart (FusionGuide.Knowledge.csproj).
var files = Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories)
    .Select(f => (Path: Path.GetRelativePath(dir, f).Replace('\\', '/'), Bytes: File.ReadAllBytes(f)))
    .Where(f => !f.Path.StartsWith("medication-codes/", StringComparison.Ordinal))
    .OrderBy(f => f.Path, StringComparer.Ordinal)
    .ToList();
var build = KnowledgeImage.Build(files);
if (build.Runtime is null || build.Provenance is null)
{
    IReadOnlyList<KnowledgeProblem> problems = build.Load.Problems.Count > 0 ? build.Load.Problems
        : [new KnowledgeProblem(KnowledgeCodes.BadManifest, "manifest.json", "the folder did not load as a knowledge base")];
    Console.WriteLine($"The knowledge base has {problems.Count} problem(s) (the list `fusionguide kb validate {args[0]}` prints):");
    foreach (var p in problems)
    {
        Console.WriteLine($"{Path.Combine(dir, p.File)}: error {p.Code}: {p.Message}");
    }

    return 1;
}

Directory.CreateDirectory(outDir);
File.WriteAllBytes(Path.Combine(outDir, KnowledgeImage.RuntimeResource), build.Runtime);
File.WriteAllBytes(Path.Combine(outDir, KnowledgeImage.ProvenanceResource), build.Provenance);
File.WriteAllText(Path.Combine(outDir, "knowledge.sha256"), build.Hash);
Console.WriteLine($"knowledge image {build.Hash[..12]}: runtime {build.Runtime.Length:N0} bytes, provenance {build.Provenance.Length:N0} bytes, {files.Count} files");
return 0;
