using System.Text.Json;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// The contract's rules for each part of a case (case.schema.json, docs/case-format.md): the fields of each object,
/// their types, bounds and codes. A field no rule reads is an unknown field. Every field is read even after a problem,
/// so that all problems are reported together.
/// </summary>
internal static class CaseParts
{
    /// <summary>Reads the case object at the document's root.</summary>
    public static Case Read(JsonFields top)
    {
        var c = new Case
        {
            Id = top.String("id", 200),
            Patient = ReadPatient(top.Object("patient")),
            Tumor = ReadTumor(top.Object("tumor")),
            Tests = Items(top, "tests", 200, ReadTest),
            Disease = ReadDisease(top.Object("disease")),
            History = Items(top, "history", 30, ReadHistory),
            AdverseEvents = Items(top, "adverseEvents", 50, ReadAdverseEvent),
            Comorbidities = top.EnumArray("comorbidities", Codes.Comorbidity, int.MaxValue),
            Medications = top.StringArray("medications", 100, 80),
            Context = ReadContext(top.Object("context")),
            GivenNext = top.Enum("givenNext", Codes.Therapy),
        };
        // Contradictory data is a problem, never a guess at which half is true: a man recorded as pregnant would be sent
        // down the pregnancy pathway (chemotherapy before the TKI).
        if (c.Patient.Sex == Sex.Male && c.Comorbidities.Contains(Comorbidity.Pregnancy))
        {
            top.Problem("comorbidities", "lists pregnancy, but patient.sex is male: correct one of the two");
        }

        top.NoticeUnknownFields();
        return c;
    }

    /// <summary>Reads an array of objects; an item that is not an object, or not a usable one, is left out with its problems.</summary>
    private static List<T> Items<T>(JsonFields owner, string name, int maxItems, Func<JsonFields, T?> read) where T : class
    {
        var list = new List<T>();
        if (!owner.TryArray(name, maxItems, out var array))
        {
            return list;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (owner.ItemObject(name, i, item) is { } f && read(f) is { } value)
            {
                list.Add(value);
            }

            i++;
        }

        return list;
    }

    private static Patient ReadPatient(JsonFields? f)
    {
        if (f is null)
        {
            return new Patient();
        }

        var p = new Patient
        {
            Age = f.Integer("age", 0, 120),
            Sex = f.Enum("sex", Codes.Sex),
            Smoking = f.Enum("smoking", Codes.Smoking),
            Ecog = f.Integer("ecog", 0, 4),
        };
        f.NoticeUnknownFields();
        return p;
    }

    private static Tumor ReadTumor(JsonFields? f)
    {
        if (f is null)
        {
            return new Tumor();
        }

        var t = new Tumor
        {
            Histology = f.Enum("histology", Codes.Histology),
            Stage = f.Enum("stage", Codes.Stage),
            Transformation = f.Enum("transformation", Codes.Transformation, nullable: true),
            Resected = f.Bool("resected"),
        };
        f.NoticeUnknownFields();
        return t;
    }

    private static BiomarkerTest? ReadTest(JsonFields f)
    {
        var gene = f.Enum("gene", Codes.Gene);
        var method = f.Enum("method", Codes.TestMethod);
        if (!f.Has("gene"))
        {
            f.Problem("gene", "is required");
        }

        if (!f.Has("method"))
        {
            f.Problem("method", "is required");
        }

        var partner = f.String("fusionPartner", 20);
        if (partner is not null && !GeneSymbol.IsValid(partner))
        {
            f.Problem("fusionPartner", $"'{partner}' is not a gene symbol (capital letters, digits and '-', 1–20 characters)");
            partner = null;
        }

        var mutations = ReadMutations(f, gene);
        var alterations = ReadAlterations(f);
        var test = new BiomarkerTest
        {
            Gene = gene ?? Gene.Alk,
            Method = method ?? TestMethod.Ihc,
            Sample = f.Enum("sample", Codes.Sample),
            IhcClone = f.Enum("clone", Codes.Clone),
            Result = f.Enum("result", Codes.TestResult),
            Timing = f.Enum("timing", Codes.TestTiming),
            Intensity = f.Integer("intensity", 0, 3),
            PercentStainedCells = f.Number("percentStainedCells", 0, 100),
            PercentRearrangedCells = f.Number("percentRearrangedCells", 0, 100),
            CellsScored = f.Integer("cellsScored", 0, int.MaxValue),
            Tps = f.Number("tps", 0, 100),
            FusionPartner = partner,
            Variant = f.String("variant", 20),
            Mutations = mutations,
            Alterations = alterations,
            Date = f.Date("date"),
        };
        // IHC and FISH read tumour cells; plasma carries none (cell-free DNA is read by NGS): such a test is not guessed
        // into a tissue result.
        if (method is TestMethod.Ihc or TestMethod.Fish && test.Sample == Sample.Plasma)
        {
            f.Problem("sample", $"is plasma, but {(method == TestMethod.Ihc ? "IHC" : "FISH")} needs tumour cells: give tissue or cytology (plasma is tested by NGS)");
        }

        f.NoticeUnknownFields();
        return gene is null || method is null ? null : test;
    }

    private static List<string> ReadMutations(JsonFields f, Gene? gene)
    {
        var list = new List<string>();
        if (!f.TryArray("mutations", 50, out var array))
        {
            return list;
        }

        var i = -1;
        foreach (var item in array.EnumerateArray())
        {
            i++;
            if (item.ValueKind != JsonValueKind.String)
            {
                f.ItemProblem("mutations", i, $"must be a string, not {JsonFields.Kind(item)}");
                continue;
            }

            var text = item.GetString()!;
            if (JsonFields.TooLong(text, 40, out var length))
            {
                f.ItemProblem("mutations", i, $"must be at most 40 characters (got {length})");
                continue;
            }

            var parsed = MutationNotation.Normalise(text);
            if (parsed.Mutation is null)
            {
                // A compound written in one string ("G1202R/L1196M", "G1202R+L1196M") is not split silently: the message
                // says how to enter it (one entry per change on the same test, which reads them as one compound).
                var compound = text.IndexOfAny(['/', '+', ',', ';']) >= 0
                    ? "; a compound mutation is entered as one entry per change on the same test (e.g. \"G1202R\", \"L1196M\")"
                    : "";
                // Another gene's driver (an EGFR exon 19 deletion) is not what this list holds: say where it goes instead
                // of asking for a notation the user already wrote.
                var otherGene = gene is { } g && g != Gene.Alk && g != Gene.Ros1
                    ? $"; mutations lists ALK or ROS1 kinase-domain resistance mutations, so a driver in {Codes.Gene.Code(g)} is entered by this test's result alone"
                    : "";
                f.ItemProblem("mutations", i, $"cannot read the mutation '{text}': write the protein change, e.g. G1202R, p.G1202R or p.Gly1202Arg{compound}{otherGene}");
            }
            else if (parsed.Gene is not null && gene is not null && parsed.Gene != Codes.Gene.Code(gene.Value))
            {
                f.ItemProblem("mutations", i, $"'{text}' names {parsed.Gene}, but this test is of {Codes.Gene.Code(gene.Value)}");
            }
            else if (!list.Contains(parsed.Mutation))
            {
                list.Add(parsed.Mutation);
            }
        }

        return list;
    }

    private static List<string> ReadAlterations(JsonFields f)
    {
        var list = new List<string>();
        foreach (var text in f.StringArray("alterations", 50, 60))
        {
            var known = Alterations.Canonical(text);
            if (known is null)
            {
                f.Notice(WarningCodes.UnknownAlteration, (f, text), static s => new InputNotice(WarningCodes.UnknownAlteration, s.f.At("alterations"),
                    $"The alteration '{s.text}' is not in the contract's list ({string.Join(", ", Alterations.Known)}); it was kept out of the resistance assessment."));
            }
            else if (!list.Contains(known))
            {
                list.Add(known);
            }
        }

        return list;
    }

    private static Disease ReadDisease(JsonFields? f)
    {
        if (f is null)
        {
            return new Disease();
        }

        var brain = f.Object("brainMetastases");
        BrainMetastases? bm = null;
        if (brain is not null)
        {
            bm = new BrainMetastases
            {
                Present = brain.Bool("present"),
                Count = brain.Integer("count", 0, 1000),
                Symptomatic = brain.Bool("symptomatic"),
                LargestMm = brain.Number("largestMm", 0, 300),
                MassEffect = brain.Bool("massEffect"),
                Leptomeningeal = brain.Bool("leptomeningeal"),
            };
            // "Present" with no lesion and no leptomeningeal disease contradicts itself; the local plan would otherwise
            // aim radiosurgery at nothing. Leptomeningeal disease alone is written count 0 with leptomeningeal true.
            if (bm is { Present: true, Count: 0 } && bm.Leptomeningeal != true)
            {
                brain.Problem("count", "is 0 while present is true: give the number of brain lesions (1 or more), set present to false, or set leptomeningeal to true for leptomeningeal disease without parenchymal lesions");
            }

            // "Absent" with lesions described contradicts itself the other way: which is right cannot be guessed, and
            // reading "absent" would drop the brain plan of a patient who has brain metastases.
            if (bm.Present == false)
            {
                const string fix = "while present is false: set present to true if the patient has brain metastases, or remove it";
                if (bm.Count > 0)
                {
                    brain.Problem("count", $"is {bm.Count} {fix}");
                }

                if (bm.LargestMm > 0)
                {
                    brain.Problem("largestMm", $"is {bm.LargestMm} {fix}");
                }

                foreach (var (name, set) in new[] { ("symptomatic", bm.Symptomatic), ("massEffect", bm.MassEffect), ("leptomeningeal", bm.Leptomeningeal) })
                {
                    if (set == true)
                    {
                        brain.Problem(name, $"is true {fix}");
                    }
                }
            }
            brain.NoticeUnknownFields();
        }

        var d = new Disease
        {
            BrainMetastases = bm,
            Sites = f.EnumArray("sites", Codes.MetastaticSite, int.MaxValue),
            LesionCount = f.Integer("lesionCount", 0, 10000),
            CentralAirwayObstruction = f.Bool("centralAirwayObstruction"),
        };
        f.NoticeUnknownFields();
        return d;
    }

    private static HistoryEntry? ReadHistory(JsonFields f)
    {
        var therapy = f.Enum("therapy", Codes.Therapy);
        if (!f.Has("therapy"))
        {
            f.Problem("therapy", "is required");
        }

        // Read every field even when the therapy is bad, so all problems are reported together.
        var start = f.Date("start");
        var end = f.Date("end");
        var stopReason = f.Enum("stopReason", Codes.StopReason);
        var pattern = f.Enum("progressionPattern", Codes.ProgressionPattern);
        var h = therapy is null ? null : new HistoryEntry
        {
            Therapy = therapy.Value,
            Start = start,
            End = end,
            StopReason = stopReason,
            ProgressionPattern = pattern,
        };
        f.NoticeUnknownFields();
        return h;
    }

    private static AdverseEvent? ReadAdverseEvent(JsonFields f)
    {
        var therapy = f.Enum("therapy", Codes.Therapy);
        var ev = f.Enum("event", Codes.AdverseEventCode);
        var grade = f.Integer("grade", 1, 5);
        if (!f.Has("event"))
        {
            f.Problem("event", "is required");
        }

        if (!f.Has("grade"))
        {
            f.Problem("grade", "is required");
        }

        f.NoticeUnknownFields();
        return ev is null || grade is null ? null : new AdverseEvent { Therapy = therapy, Event = ev.Value, Grade = grade.Value };
    }

    private static CaseContext ReadContext(JsonFields? f)
    {
        if (f is null)
        {
            return new CaseContext();
        }

        var available = f.Has("available") ? f.EnumArray("available", Codes.Therapy, int.MaxValue) : null;
        var c = new CaseContext
        {
            Region = f.Enum("region", Codes.Region),
            Available = available,
            Unavailable = f.EnumArray("unavailable", Codes.Therapy, int.MaxValue),
        };
        f.NoticeUnknownFields();
        return c;
    }
}
