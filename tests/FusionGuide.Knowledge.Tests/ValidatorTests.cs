using System.Text;
using System.Text.Json.Nodes;
using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Knowledge.Tests;

/// <summary>A broken knowledge base never loads: each defect is reported with its permanent code.</summary>
public sealed class ValidatorTests
{
    private static List<(string Path, byte[] Bytes)> Files() =>
        [.. Directory.EnumerateFiles(RepoPaths.Knowledge, "*.json", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(RepoPaths.Knowledge, f).Replace('\\', '/'), File.ReadAllBytes(f)))];

    private static LoadResult LoadWith(string path, Action<JsonObject> change)
    {
        var files = Files();
        var i = files.FindIndex(f => f.Path == path);
        var node = JsonNode.Parse(files[i].Bytes)!.AsObject();
        change(node);
        files[i] = (path, Encoding.UTF8.GetBytes(node.ToJsonString()));
        return KnowledgeLoader.Load(files);
    }

    private static void AssertCode(LoadResult r, string code, string file)
    {
        Assert.Null(r.KnowledgeBase);
        Assert.Contains(r.Problems, p => p.Code == code && p.File.StartsWith(file, StringComparison.Ordinal));
    }

    [Fact]
    public void Dangling_reference_is_KB003()
    {
        var r = LoadWith("drugs/lorlatinib.json", d => d["sources"]!.AsArray().Add("no-such-reference"));
        AssertCode(r, KnowledgeCodes.DanglingReference, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Targeted_drug_without_reductions_is_KB004()
    {
        var r = LoadWith("drugs/alectinib.json", d => d["dosing"]![0]!["reductions"] = new JsonArray());
        AssertCode(r, KnowledgeCodes.DrugWithoutDose, "drugs/alectinib.json");
    }

    [Fact]
    public void Toxicity_rule_resuming_reduced_without_reducing_is_KB018()
    {
        var r = LoadWith("toxicity/crizotinib-toxicity.json", t =>
        {
            var rule = t["rules"]!.AsArray().First(x => x!["resume"]!.GetValue<string>() == "reduced")!;
            rule["action"] = "hold";
        });
        AssertCode(r, KnowledgeCodes.SelfContradiction, "toxicity/crizotinib-toxicity.json");
    }

    [Fact]
    public void Resensitises_record_for_a_drug_the_row_marks_resistant_is_KB018()
    {
        var r = LoadWith("resistance/mutations/alk-c1156y-l1198f.json", row => row["resensitises"]![0]!["drug"] = "lorlatinib");
        AssertCode(r, KnowledgeCodes.SelfContradiction, "resistance/mutations/alk-c1156y-l1198f.json");
    }

    [Fact]
    public void Duplicate_id_is_KB002()
    {
        var r = LoadWith("drugs/alectinib.json", d => d["monitoring"]![0]!["id"] = "lorlatinib-lipids");
        Assert.Contains(r.Problems, p => p.Code == KnowledgeCodes.DuplicateId);
    }

    [Fact]
    public void Unknown_vocabulary_term_is_KB005()
    {
        var r = LoadWith("drugs/lorlatinib.json", d => d["cautions"]![0]!["comorbidity"] = "gout");
        AssertCode(r, KnowledgeCodes.UnknownTerm, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Resistance_cell_without_source_is_KB011()
    {
        var r = LoadWith("resistance/mutations/alk-g1202r.json", d => d["cells"]![0]!["sources"] = new JsonArray());
        AssertCode(r, KnowledgeCodes.CellWithoutSource, "resistance/mutations/alk-g1202r.json");
    }

    [Fact]
    public void Unverified_fact_without_a_note_is_KB007()
    {
        var r = LoadWith("thresholds/oligometastatic-max-lesions.json", d => d["verified"] = false);
        AssertCode(r, KnowledgeCodes.UnverifiedWithoutNote, "thresholds/oligometastatic-max-lesions.json");
    }

    [Fact]
    public void Record_without_source_is_KB006()
    {
        var r = LoadWith("rules/DX-FISH-001.json", d => d["sources"] = new JsonArray());
        AssertCode(r, KnowledgeCodes.WithoutSource, "rules/DX-FISH-001.json");
    }

    [Fact]
    public void Unknown_field_is_unreadable_KB001_so_typos_surface()
    {
        var r = LoadWith("drugs/lorlatinib.json", d => d["stratDose"] = "100 mg");
        AssertCode(r, KnowledgeCodes.Unreadable, "drugs/lorlatinib.json");
    }

    [Fact]
    public void Id_that_is_not_the_file_name_is_KB008()
    {
        var r = LoadWith("trials/crown.json", d => d["id"] = "crown-trial");
        AssertCode(r, KnowledgeCodes.IdNotFileName, "trials/crown.json");
    }

    [Fact]
    public void Empty_validity_range_is_KB009()
    {
        var r = LoadWith("regimens/nccn-alk-first-line-2025.json", d => d["validTo"] = "2025-01-01");
        AssertCode(r, KnowledgeCodes.BadDate, "regimens/nccn-alk-first-line-2025.json");
    }

    [Fact]
    public void Every_problem_is_listed_not_only_the_first()
    {
        var files = Files();
        var a = files.FindIndex(f => f.Path == "drugs/lorlatinib.json");
        var b = files.FindIndex(f => f.Path == "trials/crown.json");
        var drug = JsonNode.Parse(files[a].Bytes)!.AsObject();
        drug["sources"]!.AsArray().Add("missing-1");
        var trial = JsonNode.Parse(files[b].Bytes)!.AsObject();
        trial["sources"]!.AsArray().Add("missing-2");
        files[a] = (files[a].Path, Encoding.UTF8.GetBytes(drug.ToJsonString()));
        files[b] = (files[b].Path, Encoding.UTF8.GetBytes(trial.ToJsonString()));
        var r = KnowledgeLoader.Load(files);
        Assert.Contains(r.Problems, p => p.Message.Contains("missing-1", StringComparison.Ordinal));
        Assert.Contains(r.Problems, p => p.Message.Contains("missing-2", StringComparison.Ordinal));
    }

    [Fact]
    public void Problem_codes_are_unique()
    {
        var codes = typeof(KnowledgeCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
