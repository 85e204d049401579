using System.Text.RegularExpressions;
using FusionGuide.Domain;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Where a therapy's disease progressed, read clause by clause from the free text of its status reasons. A site counts
/// only where progression words apply to it: "Progression in liver; brain metastases stable" is systemic, not CNS-only
/// (S21D: merely mentioning the brain made it CNS-only, and the engine then said to continue the failing TKI), and
/// "Extracranial progression; no CNS progression" is systemic, not both. Text that cannot be read with confidence gives
/// no pattern and says so, rather than a guess.
/// </summary>
internal static partial class ProgressionText
{
    /// <summary>
    /// Words that say the disease progressed: "progression", "progressive", "oligoprogressive" and the abbreviations
    /// "PD" and "POD" as whole words (not "PD-L1").
    /// </summary>
    public static readonly string[] Progression = ["progress", "oligoprogress", "PD$", "POD$"];

    /// <summary>Words that say a site progressed without the word "progression" ("new liver metastases", "enlarging").</summary>
    private static readonly string[] Growth = ["new", "enlarg", "grow", "worsen", "increas"];

    /// <summary>
    /// Words that say a site is controlled, with the RECIST abbreviations SD, PR, CR and NED as whole words ("Liver PD;
    /// brain SD" read the brain clause as progressing from the clause before it, and planned radiosurgery).
    /// </summary>
    private static readonly string[] Control = ["stabl", "controlled", "respon", "unchanged", "regress", "shrink", "decreas", "improv", "resolv", "SD$", "PR$", "CR$", "NED$"];

    private static readonly string[] Cns = ["brain", "CNS$", "intracranial", "intra-cranial", "cerebr", "cerebell", "leptomening", "intraparenchymal"];

    private static readonly string[] Extracranial =
    [
        "systemic", "extracranial", "extra-cranial", "extra cranial", "body", "liver", "hepatic", "bone", "osseous", "skelet", "adrenal", "lung",
        "pulmonary", "pleura", "lymph", "nodal", "node", "mediastin", "hilar", "periton", "pericard", "kidney", "renal", "spleen", "splenic",
        "skin", "soft tissue", "chest", "thora", "abdom", "pelvi", "spine", "vertebra", "primary",
    ];

    /// <summary>The reading: a pattern, or none; <see cref="Unsure"/> when sites were named but not clearly progressing or controlled.</summary>
    public readonly record struct Reading(ProgressionPattern? Pattern, bool Unsure);

    /// <summary>Reads the pattern from the status reasons' words (each reason its own sentence).</summary>
    public static Reading Read(IEnumerable<string> reasons)
    {
        var cnsProgressed = false;
        var extracranialProgressed = false;
        var oligo = false;
        var sitesNamed = false;
        var unsure = false;
        foreach (var sentence in reasons)
        {
            // A clause without words of its own about progression or control takes those of the clause before it in
            // the same sentence ("Progression in liver, bone and adrenal" → the list shares "progression").
            var previous = Status.None;
            foreach (var clause in ClauseSplit().Split(DiseaseName().Replace(sentence, " ")).Where(c => !string.IsNullOrWhiteSpace(c)))
            {
                var cns = FreeText.Affirms(clause, FreeText.Scope.Clause, Cns);
                var extracranial = FreeText.Affirms(clause, FreeText.Scope.Clause, Extracranial);
                var status = StatusOf(clause);
                status = status == Status.None ? previous : status;
                previous = status;
                sitesNamed |= cns || extracranial;
                if (status == Status.Mixed && (cns || extracranial) || status == Status.None && (cns || extracranial))
                {
                    unsure = true;
                }

                if (status != Status.Progressing)
                {
                    continue;
                }

                oligo |= FreeText.Affirms(clause, FreeText.Scope.Clause, "oligo");
                cnsProgressed |= cns;
                extracranialProgressed |= extracranial;
            }
        }

        ProgressionPattern? pattern = cnsProgressed && extracranialProgressed ? ProgressionPattern.Both
            : cnsProgressed ? ProgressionPattern.Cns
            : oligo ? ProgressionPattern.Oligoprogression
            : extracranialProgressed ? ProgressionPattern.Systemic
            : null;

        // Sites named, but none of them progressing ("Progression; brain stable"): where it progressed is not said.
        return unsure || pattern is null && sitesNamed ? new(null, true) : new(pattern, false);
    }

    private enum Status
    {
        None,
        Progressing,
        Controlled,
        Mixed,
    }

    /// <summary>Progressing when progression or growth words are affirmed; controlled when control words are, or progression is negated.</summary>
    private static Status StatusOf(string clause)
    {
        var progressing = FreeText.Affirms(clause, FreeText.Scope.Clause, Progression)
            || FreeText.Affirms(clause, FreeText.Scope.Clause, Growth) && Lesion().IsMatch(clause)
            || FreeText.Negates(clause, FreeText.Scope.Clause, Control);
        var controlled = FreeText.Affirms(clause, FreeText.Scope.Clause, Control)
            || FreeText.Negates(clause, FreeText.Scope.Clause, Progression)
            || FreeText.Negates(clause, FreeText.Scope.Clause, Growth);
        return (progressing, controlled) switch
        {
            (true, true) => Status.Mixed,
            (true, false) => Status.Progressing,
            (false, true) => Status.Controlled,
            _ => Status.None,
        };
    }

    /// <summary>Clauses: sentences, commas, and the words that join two findings ("but", "with", "while", "whereas").</summary>
    [GeneratedRegex(@"[.;,()]|\s-\s|\b(but|with|while|whereas|although|though|however)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseSplit();

    /// <summary>The disease's own name, which names the lung as the primary's organ, not as a site of progression.</summary>
    [GeneratedRegex(@"\b(non[-\s]?small[-\s]?cell\s+)?lung\s+(cancer|carcinoma|adenocarcinoma|tumou?r)\b|\bNSCLC\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DiseaseName();

    [GeneratedRegex(@"\b(lesion|metasta|mets\b|deposit|nodule|disease|mass|tumou?r)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lesion();
}
