using CsCheck;
using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Properties.Tests;

/// <summary>
/// SYS-RES-002 over generated compounds the activity table does not hold: two single mutations of the case's kinase
/// (each a table row, or one a mutation the table does not know), phased on tissue NGS, after one or two TKI
/// progressions, in any region. No drug reads as sensitive against the compound unless every part rates it sensitive;
/// a drug some part resists is never an option; and an option whose activity is unknown because a part does not rate
/// it says so (issue #17: a less-studied drug must not look better).
/// </summary>
public sealed class CompoundFromPartsProperties
{
    /// <summary>Generated cases per run.</summary>
    public const int Cases = 400;

    private static readonly Region[] Regions = [.. Codes.Region.Values];

    [Fact]
    public void No_drug_is_sensitive_against_a_compound_unless_each_part_rates_it_sensitive()
    {
        long cases = 0;
        Gen.Select(Gen.Bool, Gen.Int[0, 1 << 20].Array[5], Gen.Bool, Gen.Bool)
            .Sample(
                (ros1, picks, unknownPart, twoTkis) =>
                {
                    Interlocked.Increment(ref cases);
                    var (json, gene, parts) = Make(ros1, picks, unknownPart, twoTkis);
                    var read = CaseReader.Read(json);
                    Assert.True(read.Case is not null, json);
                    var (result, _) = World.Evaluate(read.Case!, read.Notices);
                    foreach (var problem in Problems(result, gene, parts))
                    {
                        Assert.Fail($"{problem}\n{json}");
                    }
                },
                iter: Cases,
                print: t => Make(t.Item1, t.Item2, t.Item3, t.Item4).Json);
        CaseCount.Report(nameof(No_drug_is_sensitive_against_a_compound_unless_each_part_rates_it_sensitive), cases, Cases);
    }

    /// <summary>A case JSON with a compound of two parts that the table does not hold as a compound.</summary>
    private static (string Json, Gene Gene, string[] Parts) Make(bool ros1, int[] picks, bool unknownPart, bool twoTkis)
    {
        var gene = ros1 ? Gene.Ros1 : Gene.Alk;
        var singles = World.Kb.Resistance.Where(r => r.Gene == gene && r.Mutations.Count == 1).Select(r => r.Mutations[0]).ToList();
        var first = singles[picks[0] % singles.Count];
        // A residue the table never names for either kinase ("A2030V", "A1200V"): a part the table does not know. It also
        // stands in when the pick repeats the first part or makes a compound the table holds.
        var unknown = ros1 ? "A2030V" : "A1200V";
        var second = unknownPart ? unknown : singles[picks[1] % singles.Count];
        if (first == second || World.Kb.ResistanceFor(gene, [first, second]) is not null)
        {
            second = unknown;
        }

        string[] parts = [first, second];

        var tkis = World.Kb.Drugs.Where(d => d.IsTargeted && d.Inhibits(gene)).Select(d => Codes.Therapy.Code(d.Therapy)).ToList();
        var history = (twoTkis ? new[] { picks[2], picks[3] } : [picks[2]]).Select(p => tkis[p % tkis.Count]).Distinct()
            .Select((t, i) => $$"""{ "therapy": "{{t}}", "start": "{{2019 + 2 * i}}-01", "end": "{{2020 + 2 * i}}-12", "stopReason": "progression", "progressionPattern": "systemic" }""");
        var diagnosis = ros1
            ? """{ "gene": "ROS1", "method": "ngs-rna", "sample": "tissue", "result": "positive", "fusionPartner": "CD74" }"""
            : """{ "gene": "ALK", "method": "ihc", "clone": "D5F3", "sample": "tissue", "result": "positive" }""";
        var json = $$"""
            { "id": "compound", "patient": { "age": 60, "sex": "male", "smoking": "never", "ecog": 1 },
              "tumor": { "histology": "adenocarcinoma", "stage": "IVB" },
              "tests": [ {{diagnosis}},
                { "gene": "{{Codes.Gene.Code(gene)}}", "method": "ngs-dna", "sample": "tissue", "timing": "progression", "result": "positive", "mutations": [ "{{first}}", "{{second}}" ] } ],
              "disease": { "brainMetastases": { "present": false }, "sites": ["bone"], "centralAirwayObstruction": false },
              "history": [ {{string.Join(", ", history)}} ], "adverseEvents": [], "comorbidities": [], "medications": [],
              "context": { "region": "{{Codes.Region.Code(Regions[picks[4] % Regions.Length])}}" } }
            """;
        return (json, gene, parts);
    }

    /// <summary>What the result says against the rule, one line each.</summary>
    private static IEnumerable<string> Problems(Result r, Gene gene, string[] parts)
    {
        var compound = string.Join("+", parts);
        foreach (var o in r.SystemicTherapy.Options.Where(o => World.Kb.HasDrug(o.Therapy) && World.Kb.Drug(o.Therapy).Inhibits(gene)))
        {
            var cells = parts.Select(m => World.Kb.ResistanceFor(gene, [m])?.Cells.FirstOrDefault(c => c.Drug == o.Therapy)).ToList();
            var name = World.Kb.NameInSentence(o.Therapy);
            var text = o.Rationale;
            if (cells.Any(c => c is { Activity: CellActivity.Resistant }))
            {
                yield return $"{name} is an option though a part of {compound} resists it";
            }

            var everyPartSensitive = cells.All(c => c is { Activity: CellActivity.Sensitive, EmergedOnDrug: false });
            if (!everyPartSensitive && (text.Contains($"{name} is active against", StringComparison.OrdinalIgnoreCase) ||
                text.Contains($"sensitive against {compound}", StringComparison.OrdinalIgnoreCase) ||
                text.Contains("is judged sensitive", StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{name} reads as sensitive against {compound}, which not every part rates sensitive: {text}";
            }

            var partRatesSensitive = cells.Any(c => c is { Activity: CellActivity.Sensitive, EmergedOnDrug: false });
            var noPartWorse = !cells.Any(c => c is { Activity: CellActivity.Resistant or CellActivity.Intermediate } or { EmergedOnDrug: true });
            var missing = parts.Where((_, i) => cells[i] is null).ToList();
            if (partRatesSensitive && noPartWorse && missing.Count > 0 &&
                !text.Contains($"of unknown activity against it (no activity record against {string.Join(" or ", missing)})", StringComparison.Ordinal))
            {
                yield return $"{name} is of unknown activity against {compound} (no record against {string.Join(", ", missing)}), and its rationale does not say so: {text}";
            }
        }
    }
}
