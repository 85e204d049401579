using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace FusionGuide.Domain.Validation;

/// <summary>
/// Reads and validates a case document against the contract (both schemas and the README), reporting every
/// problem at once with its JSON path. Never throws for bad input.
/// </summary>
public static class CaseReader
{
    /// <summary>Largest case document accepted, in bytes (the HTTP API answers 413 above it).</summary>
    public const int MaxDocumentBytes = 1_000_000;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 32,
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    // The same grammar without the parser's duplicate-name check, which decodes and hashes every name in the document.
    // The reader finds duplicates of the fields it reads itself; anything else is settled by a strict second reading.
    private static readonly JsonDocumentOptions OptimisticOptions = DocumentOptions with { AllowDuplicateProperties = true };

    // The fields each object of the contract defines (case.schema.json); a field outside its set is an unknown field.
    private static readonly FieldSet CaseFields = new("id", "patient", "tumor", "tests", "disease", "history", "adverseEvents",
        "comorbidities", "medications", "context", "givenNext");

    private static readonly FieldSet PatientFields = new("age", "sex", "smoking", "ecog");

    private static readonly FieldSet TumorFields = new("histology", "stage", "transformation", "resected");

    private static readonly FieldSet TestFields = new("gene", "method", "sample", "clone", "result", "timing", "intensity",
        "percentStainedCells", "percentRearrangedCells", "cellsScored", "tps", "fusionPartner", "variant", "mutations", "alterations", "date");

    private static readonly FieldSet DiseaseFields = new("brainMetastases", "sites", "lesionCount", "centralAirwayObstruction");

    private static readonly FieldSet BrainFields = new("present", "count", "symptomatic", "largestMm", "massEffect", "leptomeningeal");

    private static readonly FieldSet HistoryFields = new("therapy", "start", "end", "stopReason", "progressionPattern");

    private static readonly FieldSet AdverseEventFields = new("therapy", "event", "grade");

    private static readonly FieldSet ContextFields = new("region", "available", "unavailable");

    /// <summary>Reads a case from UTF-8 bytes.</summary>
    public static ReadOutcome Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length == 0 || utf8.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Fail("the input is empty: expected a case object");
        }

        if (utf8.Length > MaxDocumentBytes)
        {
            return Fail($"the input is {utf8.Length} bytes; a case may be at most {MaxDocumentBytes} bytes");
        }

        // The JSON parser checks UTF-8 only where it must: bytes inside strings would throw later, when read as text.
        if (!Utf8.IsValid(utf8.Span))
        {
            return Fail("not valid UTF-8 text");
        }

        // Most documents hold no byte that could begin refused text (an escape, U+007F, a bidi control): the text walk
        // would find nothing, and both readings below skip it.
        var checkText = UnicodeText.MayHoldRefusedText(utf8.Span);

        // Most cases are valid and hold only contract fields: read them without the parser's duplicate check. When that
        // reading finds anything at all (a problem, an unknown field, a repeated field), the document is read again with
        // every check on, so a doubtful document gets exactly the strict reading's problems and notices.
        try
        {
            using var optimistic = JsonDocument.Parse(utf8, OptimisticOptions);
            var first = Read(optimistic.RootElement, checkText, out var doubtful);
            if (!doubtful && first.Problems.Count == 0 && first.Notices.Count == 0)
            {
                return first;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The strict reading below reports it.
        }

        try
        {
            using var doc = JsonDocument.Parse(utf8, DocumentOptions);
            return Read(doc.RootElement, checkText, out _);
        }
        catch (JsonException ex)
        {
            return Fail(SyntaxError(utf8.Span, ex));
        }
        catch (InvalidOperationException)
        {
            // Thrown by the duplicate-field check, which must decode every field name.
            return Fail("not valid Unicode text: a field name holds an unpaired surrogate escape");
        }
    }

    /// <summary>Reads a case from a string.</summary>
    public static ReadOutcome Read(string json) => Read(Encoding.UTF8.GetBytes(json ?? ""));

    /// <summary>Reads a case from a parsed element.</summary>
    public static ReadOutcome Read(JsonElement root) => Read(root, checkText: true, out _);

    /// <param name="root">The document's root.</param>
    /// <param name="checkText">Whether strings or field names may hold unreadable or refused text (see <see cref="UnicodeText"/>).</param>
    /// <param name="repeated">Set when an object names one of its fields twice (the first is read).</param>
    private static ReadOutcome Read(JsonElement root, bool checkText, out bool repeated)
    {
        repeated = false;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail($"the case must be a JSON object, not {JsonFields.Kind(root)}");
        }

        // Unreadable text stops the reading (reading it would throw); a refused character is a problem like any other,
        // and the rest of the case is still checked so that every problem is reported at once.
        var problems = new List<Problem>();
        if (checkText && !UnicodeText.Check(root, "$", problems))
        {
            return new ReadOutcome(null, problems, []);
        }

        var notices = new NoticeLog();
        var top = new JsonFields(root, "$", CaseFields, problems, notices);
        var c = new Case
        {
            Id = top.String("id", 200),
            Patient = ReadPatient(top.Object("patient", PatientFields)),
            Tumor = ReadTumor(top.Object("tumor", TumorFields)),
            Tests = Items(top, "tests", 200, TestFields, ReadTest),
            Disease = ReadDisease(top.Object("disease", DiseaseFields)),
            History = Items(top, "history", 30, HistoryFields, ReadHistory),
            AdverseEvents = Items(top, "adverseEvents", 50, AdverseEventFields, ReadAdverseEvent),
            Comorbidities = top.EnumArray("comorbidities", Codes.Comorbidity, int.MaxValue),
            Medications = top.StringArray("medications", 100, 80),
            Context = ReadContext(top.Object("context", ContextFields)),
            GivenNext = top.Enum("givenNext", Codes.Therapy),
        };
        top.NoticeUnknownFields();
        repeated = top.AnyRepeatedField;
        return new ReadOutcome(problems.Count == 0 ? c : null, problems, notices.ToList());
    }

    /// <summary>A JSON syntax error in words: where (line and column, counted from 1, the column in characters) and what.</summary>
    internal static string SyntaxError(ReadOnlySpan<byte> utf8, JsonException ex)
    {
        var what = ex.Message;
        var cut = what.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            what = what[..cut];
        }

        what = what.Trim().TrimEnd('.');
        if (what.Length > 0)
        {
            what = char.ToLowerInvariant(what[0]) + what[1..];
        }

        if (ex.LineNumber is not { } line || ex.BytePositionInLine is not { } bytes)
        {
            return $"not valid JSON: {what}";
        }

        // The parser counts lines from 0 and the position in bytes; a person counts from 1, in characters.
        var start = 0;
        for (long l = 0; l < line && start < utf8.Length; l++)
        {
            var nl = utf8[start..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                break;
            }

            start += nl + 1;
        }

        var inLine = utf8.Slice(start, (int)Math.Min(bytes, utf8.Length - start));
        var column = 1;
        foreach (var b in inLine)
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return $"not valid JSON at line {line + 1}, column {column}: {what}";
    }

    private static ReadOutcome Fail(string message) => new(null, [new Problem("$", message)], []);

    /// <summary>Reads an array of objects; an item that is not an object, or not a usable one, is left out with its problems.</summary>
    private static List<T> Items<T>(JsonFields owner, string name, int maxItems, FieldSet itemFields, Func<JsonFields, T?> read) where T : class
    {
        var list = new List<T>();
        if (!owner.TryArray(name, maxItems, out var array))
        {
            return list;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (owner.ItemObject(name, i, item, itemFields) is { } f && read(f) is { } value)
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
        if (partner is not null && !IsGeneSymbol(partner))
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
                f.ItemProblem("mutations", i, $"cannot read the mutation '{text}': write the protein change, e.g. G1202R, p.G1202R or p.Gly1202Arg");
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
                f.Notice(NoticeLog.UnknownAlteration, (f, text), static s => new InputNotice(NoticeLog.UnknownAlteration, s.f.At("alterations"),
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

        var brain = f.Object("brainMetastases", BrainFields);
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

    private static bool IsGeneSymbol(string s) =>
        s.Length is >= 1 and <= 20 && s.All(ch => ch is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-');
}
