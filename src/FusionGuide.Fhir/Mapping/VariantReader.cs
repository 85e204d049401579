using FusionGuide.Domain;
using FusionGuide.Domain.Validation;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Reads a Genomics Reporting / mCODE <c>variant</c> Observation (LOINC 69548-6): one or two gene-studied genes
/// (48018-6; two are fusion partners in no particular order), the protein change (48005-3), fusion and copy-number
/// consequences, and Present / Absent values (an Absent gene is a negative result, never a finding).
/// </summary>
internal static class VariantReader
{
    public const string VariantCode = "69548-6";
    private const string GeneStudied = "48018-6";
    private const string ProteinChange = "48005-3";
    private const string VariationCode = "81252-9";
    private const string DnaChangeType = "48019-4";
    private static readonly string[] FusionSo = ["SO:0001565", "SO:0001886", "SO:0002062"];
    private static readonly string[] GainSo = ["SO:0001742", "SO:0001880", "SO:0001563"];
    private static readonly string[] LossSo = ["SO:0001743", "SO:0001912"];

    public static void Read(Observation o, string path, MappingContext ctx)
    {
        var genes = o.Component.Select((c, i) => (c, i)).Where(x => Terminology.Has(x.c.Code, Terminology.Loinc, GeneStudied))
            .Select(x => (Symbol: GeneSymbols.Symbol(x.c.Value as CodeableConcept), Path: $"{path}.component[{x.i}].valueCodeableConcept")).ToList();
        var label = Text(o, VariationCode);
        if (genes.Count == 0 && label is not null && GeneSymbols.InText(label) is { } named)
        {
            genes.Add((Codes.Gene.Code(named), $"{path}.component"));
        }

        if (genes.Count == 0 || genes.Any(g => g.Symbol is null))
        {
            ctx.Warn($"{path}.component", "a variant without a readable gene-studied (48018-6) gene was not read");
            return;
        }

        var result = Value(o, path, ctx);
        if (result is null)
        {
            return;
        }

        var method = Assay.Method(o);
        if (method is null)
        {
            ctx.Warn($"{path}.method", "no method given: read as DNA sequencing (ngs-dna)", WarningCodes.FhirAssumed);
        }

        var baseFinding = new Finding
        {
            Path = path, Symbol = "", Method = method ?? TestMethod.NgsDna, Sample = Assay.SampleOf(o, path, ctx), Result = result,
            Date = FhirDates.DatePart(ObservationDates.Effective(o)),
        };
        if (result != TestResult.Positive)
        {
            foreach (var g in genes)
            {
                Add(ctx, baseFinding with { Symbol = g.Symbol!, Gene = GeneSymbols.Gene(g.Symbol) }, g.Path, "a negative or inconclusive result");
            }

            return;
        }

        if (genes.Count >= 2 || IsFusion(o, label))
        {
            Fusion(genes.Select(g => (g.Symbol!, g.Path)).ToList(), baseFinding, path, ctx);
            return;
        }

        var (symbol, genePath) = (genes[0].Symbol!, genes[0].Path);
        Single(o, path, ctx, baseFinding with { Symbol = symbol, Gene = GeneSymbols.Gene(symbol) }, genePath);
    }

    private static void Fusion(List<(string Symbol, string Path)> genes, Finding f, string path, MappingContext ctx)
    {
        // The engine's kinases (ALK, ROS1) are the tested gene; any other gene of the fusion is its partner.
        var kinases = genes.Where(g => GeneSymbols.Gene(g.Symbol) is Gene.Alk or Gene.Ros1).ToList();
        var tested = kinases.Count == 1 ? kinases[0] : genes.Count(g => GeneSymbols.Gene(g.Symbol) is not null) == 1 ? genes.First(g => GeneSymbols.Gene(g.Symbol) is not null) : default;
        if (tested.Symbol is null)
        {
            ctx.Warn(path, $"a fusion of {string.Join(" and ", genes.Select(g => g.Symbol))} names no single gene of FusionGuide's vocabulary as the kinase: not read");
            return;
        }

        var partners = genes.Where(g => g.Symbol != tested.Symbol).Select(g => g.Symbol).ToList();
        if (partners.Count > 1)
        {
            ctx.Warn(path, $"a fusion with more than one partner ({string.Join(", ", partners)}): only {partners[0]} is kept");
        }

        ctx.Draft.Findings.Add(f with { Symbol = tested.Symbol, Gene = GeneSymbols.Gene(tested.Symbol), FusionPartner = partners.FirstOrDefault() });
    }

    private static void Single(Observation o, string path, MappingContext ctx, Finding f, string genePath)
    {
        var proteinIndex = o.Component.FindIndex(c => Terminology.Has(c.Code, Terminology.Loinc, ProteinChange));
        if (proteinIndex >= 0)
        {
            var proteinPath = $"{path}.component[{proteinIndex}].valueCodeableConcept";
            var text = ProteinText(o.Component[proteinIndex]);
            var parsed = MutationNotation.Normalise(text);
            if (parsed.Mutation is null)
            {
                if (f.Gene is Gene.Alk or Gene.Ros1)
                {
                    ctx.Problem(proteinPath, $"cannot read the protein change '{text}' of {f.Symbol}: write it as HGVS, e.g. p.Gly1202Arg");
                }
                else
                {
                    ctx.Warn(proteinPath, $"the protein change '{text}' of {f.Symbol} could not be read: not used");
                }

                return;
            }

            var alteration = Alterations.Canonical($"{f.Symbol} {parsed.Mutation}") ?? Alterations.Canonical($"{f.Symbol} mutation");
            Add(ctx, f with { Mutations = [parsed.Mutation], Alteration = alteration }, genePath, $"the variant {parsed.Mutation}");
            return;
        }

        var so = Consequences(o);
        if (so.Any(GainSo.Contains) || Terminology.Mentions(Text(o, VariationCode) ?? "", "amplification"))
        {
            Add(ctx, f with { Alteration = Alterations.Canonical($"{f.Symbol} amplification"), AlterationOnly = true }, genePath, "an amplification");
        }
        else if (so.Any(LossSo.Contains))
        {
            Add(ctx, f with { Alteration = Alterations.Canonical($"{f.Symbol} loss"), AlterationOnly = true }, genePath, "a copy-number loss");
        }
        else
        {
            ctx.Warn(path, $"a {f.Symbol} variant without a protein change, fusion or copy-number consequence was not read");
        }
    }

    private static void Add(MappingContext ctx, Finding f, string genePath, string what)
    {
        if (f.Gene is null && f.Alteration is null)
        {
            ctx.Warn(genePath, $"{f.Symbol} is not a gene FusionGuide reads: {what} of {f.Symbol} was not used");
            return;
        }

        if (f.Gene is null || f.AlterationOnly)
        {
            ctx.Draft.Findings.Add(f with { AlterationOnly = true });
            return;
        }

        ctx.Draft.Findings.Add(f);
    }

    private static TestResult? Value(Observation o, string path, MappingContext ctx)
    {
        if (o.DataAbsentReason is not null)
        {
            return TestResult.Failed;
        }

        switch (o.Value)
        {
            case null:
                ctx.Warn($"{path}.value[x]", "no value: the variant is read as present", WarningCodes.FhirAssumed);
                return TestResult.Positive;
            case FhirBoolean b when b.Value is { } present:
                return present ? TestResult.Positive : TestResult.Negative;
            case FhirString text when text.Value is { } words:
                return FromWords(words) ?? Unread(ctx, $"{path}.valueString", new CodeableConcept { Text = words });
            case not CodeableConcept:
                ctx.Warn($"{path}.value[x]", $"the variant's value is a {o.Value.TypeName}, which FusionGuide does not read as Present or Absent: not read");
                return null;
        }

        var value = (CodeableConcept)o.Value;
        return Terminology.Has(value, Terminology.Loinc, "LA9633-4") ? TestResult.Positive
            : Terminology.Has(value, Terminology.Loinc, "LA9634-2") ? TestResult.Negative
            : FromWords(Terminology.Words(value)) ?? Unread(ctx, $"{path}.valueCodeableConcept", value);
    }

    /// <summary>
    /// Present / absent / no call from the words, with their negations read ("Not present" and "Not detected" are absent):
    /// null when they say neither, or both.
    /// </summary>
    private static TestResult? FromWords(string words)
    {
        if (FreeText.Affirms(words, FreeText.Scope.Sentence, "no call", "fail"))
        {
            return TestResult.Failed;
        }

        if (FreeText.Affirms(words, FreeText.Scope.Sentence, "indeterminate", "equivocal"))
        {
            return TestResult.Equivocal;
        }

        var absent = FreeText.Affirms(words, FreeText.Scope.Sentence, "absent", "negative", "undetected") || FreeText.Negates(words, FreeText.Scope.Sentence, "present", "detected", "positive", "identified");
        var present = FreeText.Affirms(words, FreeText.Scope.Sentence, "present", "detected", "positive", "identified");
        return (present, absent) switch
        {
            (true, false) => TestResult.Positive,
            (false, true) => TestResult.Negative,
            _ => null,
        };
    }

    private static TestResult? Unread(MappingContext ctx, string path, CodeableConcept value)
    {
        ctx.Warn(path, $"the variant's value {Terminology.Describe(value)} is neither Present nor Absent: not read");
        return null;
    }

    private static bool IsFusion(Observation o, string? label) =>
        Consequences(o).Any(FusionSo.Contains) || label is not null && (Terminology.Mentions(label, "fusion") || Terminology.Mentions(label, "rearrange") || label.Contains("::", StringComparison.Ordinal));

    private static List<string> Consequences(Observation o) =>
        [.. o.Component.Where(c => Terminology.Has(c.Code, Terminology.Loinc, DnaChangeType) || Terminology.Has(c.Code, Terminology.GrTbd, "molecular-consequence"))
            .Select(c => Terminology.Code(c.Value as CodeableConcept, Terminology.SequenceOntology)).OfType<string>()];

    private static string? Text(Observation o, string loinc)
    {
        var c = o.Component.FirstOrDefault(c => Terminology.Has(c.Code, Terminology.Loinc, loinc));
        return c?.Value switch
        {
            CodeableConcept cc => cc.Text ?? cc.Coding.FirstOrDefault()?.Display ?? cc.Coding.FirstOrDefault()?.Code,
            FhirString s => s.Value,
            _ => null,
        };
    }

    private static string? ProteinText(Observation.ComponentComponent c)
    {
        var raw = c.Value switch
        {
            CodeableConcept cc => cc.Coding.FirstOrDefault()?.Code ?? cc.Text,
            FhirString s => s.Value,
            _ => null,
        };

        // HGVS with a reference sequence: NP_005219.2:p.Leu858Arg.
        if (raw is null)
        {
            return null;
        }

        var colon = raw.LastIndexOf(':');
        return colon >= 0 && raw.AsSpan(colon + 1).StartsWith("p.", StringComparison.Ordinal) ? raw[(colon + 1)..] : raw;
    }
}
