using System.Collections.Frozen;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge;

/// <summary>One medication of a written name that the knowledge base knows.</summary>
/// <param name="Generic">Its generic name, as the base indexes it.</param>
/// <param name="Classes">Its interaction classes.</param>
/// <param name="ReadFrom">The part of the written name it was read from ("Tegretol XR 200 mg").</param>
public sealed record KnownMedication(string Generic, IReadOnlyList<InteractionClassCode> Classes, string ReadFrom);

/// <summary>
/// How a medication name as written in a case was read: the known medications in it and the parts the base does not
/// know. <see cref="Exact"/> is true when the whole name is a known name (a generic name, an alias or a brand name); else
/// the name was read part by part (<see cref="MedicationReader"/>), and whoever shows the result says how.
/// </summary>
public sealed record MedicationReading(string Written, IReadOnlyList<KnownMedication> Known, IReadOnlyList<string> Unknown, bool Exact);

/// <summary>
/// Reads a medication name as an EHR writes it, not only as a bare generic name: a combination product written with its
/// parts ("isoniazid/rifampin", "efavirenz + tenofovir") is each of its parts; from the first word holding a digit on, a
/// part is its dose or schedule ("carbamazepine 200 mg BID"); a salt or ester ("phenytoin sodium", "dabigatran
/// etexilate") and a release form or dosage form ("Tegretol XR", "metoprolol succinate ER tablets") after the first word
/// do not change which medication it is. Why: a contraindicated inducer written "phenytoin sodium" was an unknown name,
/// its interaction lost behind a generic warning. Only lexical: every medication still comes from the base's own names,
/// and a part that is not one stays unknown.
/// </summary>
internal static class MedicationReader
{
    /// <summary>What separates the parts of a combination product as written.</summary>
    private static readonly char[] PartSeparators = ['/', '+', ',', ';', '&'];

    /// <summary>Words joining the parts of a combination product.</summary>
    private static readonly string[] PartWords = [" and ", " with "];

    /// <summary>
    /// Salts, esters and hydrates (the precise-ingredient part of an RxNorm name), and release and dosage forms, routes
    /// and schedules: words that do not change which medication a name is when they follow its first word.
    /// </summary>
    private static readonly FrozenSet<string> Qualifiers = new[]
    {
        "sodium", "potassium", "hydrochloride", "hcl", "dihydrochloride", "hydrobromide", "succinate", "tartrate",
        "etexilate", "mesylate", "mesilate", "maleate", "besylate", "besilate", "fumarate", "citrate", "sulfate", "sulphate",
        "phosphate", "acetate", "bromide", "chloride", "malate", "lactate", "gluconate", "dipropionate", "propionate",
        "monohydrate", "dihydrate", "trihydrate", "hemihydrate", "anhydrous", "calcium", "magnesium", "disoproxil",
        "alafenamide", "medoxomil", "axetil", "pivoxil", "xr", "er", "sr", "cr", "xl", "la", "cd", "dr", "ir", "od", "mr",
        "retard", "depot", "extended", "release", "delayed", "modified", "prolonged", "sustained", "controlled",
        "immediate", "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps", "oral", "solution",
        "suspension", "syrup", "injection", "inj", "infusion", "iv", "po", "im", "sc", "patch", "transdermal", "cream",
        "gel", "spray", "inhaler", "drops", "daily", "bid", "tid", "qid", "qd", "prn", "nightly",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static MedicationReading Read(string written, Func<string, (string? Generic, IReadOnlyList<InteractionClassCode> Classes)> lookup)
    {
        var whole = lookup(written);
        if (whole.Generic is not null)
        {
            return new MedicationReading(written, [new KnownMedication(whole.Generic, whole.Classes, written)], [], Exact: true);
        }

        var known = new List<KnownMedication>();
        var unknown = new List<string>();
        foreach (var part in Parts(written))
        {
            if (Bare(part) is { } bare && lookup(bare) is { Generic: { } generic } found)
            {
                if (!known.Any(k => k.Generic == generic))
                {
                    known.Add(new KnownMedication(generic, found.Classes, part));
                }
            }
            else
            {
                unknown.Add(part);
            }
        }

        return new MedicationReading(written, known, unknown, Exact: false);
    }

    /// <summary>The written parts of a combination product, trimmed; the name itself when it has one part.</summary>
    private static List<string> Parts(string written)
    {
        var text = written;
        foreach (var word in PartWords)
        {
            text = text.Replace(word, "/", StringComparison.OrdinalIgnoreCase);
        }

        return [.. text.Split(PartSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>The name without its dose or schedule and without the qualifiers after its first word; null when nothing is left.</summary>
    private static string? Bare(string part)
    {
        var words = KnowledgeBase.NormaliseMedication(part).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var named = words.TakeWhile(w => !w.Any(char.IsAsciiDigit)).ToList();
        if (named.Count == 0)
        {
            return null;
        }

        var kept = named.Take(1).Concat(named.Skip(1).Where(w => !Qualifiers.Contains(w))).ToList();
        return string.Join(' ', kept);
    }
}
