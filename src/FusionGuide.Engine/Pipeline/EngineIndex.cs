using System.Collections.Frozen;
using FusionGuide.Domain;
using FusionGuide.Knowledge;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Pipeline;

/// <summary>
/// Text the rules would otherwise rebuild on every case from knowledge that does not change between cases: drug
/// names as written inside a sentence, and each guideline table's listing. Built once per engine.
/// </summary>
internal sealed class EngineIndex
{
    private readonly string[] names;
    private readonly FrozenDictionary<string, string> tableListings;
    private readonly Dictionary<InteractionRule, string> namedMedications = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<InteractionRule, (string Advice, Severity Severity)> interactionText = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, ResistanceRow> resistance = new(StringComparer.Ordinal);
    private readonly Dictionary<ResistanceRow, (string Mutations, string Summary)> resistanceText = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ResistanceCell, (Therapy Therapy, string Drug, string Cited)> cellText = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DosingRegimen, string> dosingDetails = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<DosingRegimen, IReadOnlyList<string>> dosingSources = new(ReferenceEqualityComparer.Instance);
    private readonly (string Detail, IReadOnlyList<string> Sources)?[] monitoring;
    private readonly FrozenDictionary<string, string> kinaseOfReference;

    /// <summary>
    /// True when the reference is a trial or study the knowledge base ties to one kinase only and it is not this one
    /// (TRIDENT-1 is cited only by ROS1 tables, ROS1 resistance rows and ROS1 approvals): it never explains an answer for the other.
    /// </summary>
    public bool OfOtherKinase(string referenceId, string kinase) =>
        kinaseOfReference.TryGetValue(referenceId, out var only) && only != kinase;

    /// <summary>Each reference cited by gene-specific records of exactly one kinase (tables, resistance rows, approvals, mechanisms).</summary>
    private static FrozenDictionary<string, string> KinaseOfReferences(KnowledgeBase kb)
    {
        var genes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Tie(string gene, IEnumerable<string> refs)
        {
            foreach (var r in refs)
            {
                if (!genes.TryGetValue(r, out var set))
                {
                    genes[r] = set = [];
                }

                set.Add(gene);
            }
        }

        foreach (var r in kb.Regimens.Where(r => r.Driver is "ALK" or "ROS1"))
        {
            Tie(r.Driver, [r.Guideline, .. r.Sources, .. r.Entries.SelectMany(x => x.References)]);
        }

        foreach (var row in kb.Resistance)
        {
            Tie(row.Gene, [.. row.Sources, .. row.Cells.SelectMany(c => c.Sources), .. row.Resensitises.SelectMany(x => x.Sources)]);
        }

        foreach (var a in kb.Drugs.SelectMany(d => d.Approvals).Where(a => a.Gene is "ALK" or "ROS1"))
        {
            Tie(a.Gene!, a.Sources);
        }

        foreach (var m in kb.OffTarget.Where(m => m.Gene is "ALK" or "ROS1"))
        {
            Tie(m.Gene, m.Sources);
        }

        // Only trials and studies belong to a driver: a label, a guideline or a review speaks of the drug or of both kinases.
        return genes.Where(g => g.Value.Count == 1 && kb.Reference(g.Key)?.Kind is "trial" or "study")
            .ToFrozenDictionary(g => g.Key, g => g.Value.First(), StringComparer.Ordinal);
    }

    public EngineIndex(KnowledgeBase kb)
    {
        var values = Codes.Therapy.Values;
        names = new string[values.Max(v => (int)v) + 1];
        foreach (var t in values)
        {
            names[(int)t] = NameOf(kb, t);
        }

        tableListings = kb.Regimens.ToFrozenDictionary(r => r.Id, Listing, StringComparer.Ordinal);
        kinaseOfReference = KinaseOfReferences(kb);
        monitoring = new (string, IReadOnlyList<string>)?[names.Length];
        foreach (var t in values)
        {
            foreach (var rule in kb.Interactions(t)?.Rules ?? [])
            {
                interactionText[rule] = InteractionText(rule);
                if (rule.Medication is { } m)
                {
                    namedMedications[rule] = KnowledgeBase.NormaliseMedication(m);
                }
            }

            if (!kb.HasDrug(t))
            {
                continue;
            }

            var drug = kb.Drug(t);
            foreach (var regimen in drug.Dosing)
            {
                dosingDetails[regimen] = DosingDetail(drug, regimen);
                dosingSources[regimen] = DosingSources(regimen);
            }

            if (drug.Monitoring.Count > 0)
            {
                monitoring[(int)t] = ($"{drug.Name}: {string.Join("; ", drug.Monitoring.Select(m => $"{m.Item} ({m.Schedule})"))}.",
                    [.. drug.Monitoring.SelectMany(m => m.Sources).Distinct()]);
            }
        }

        foreach (var row in kb.Resistance)
        {
            // The first row for a gene and mutation set wins, as a scan of the table in order would find it.
            resistance.TryAdd(ResistanceKey(row.Gene, row.Mutations), row);
            resistanceText[row] = RowText(row);
            foreach (var cell in row.Cells)
            {
                cellText[cell] = CellText(kb, cell);
            }
        }
    }

    /// <summary>The medication an interaction rule names, normalised as case medications are (null for a class rule).</summary>
    public string? NamedMedication(InteractionRule rule) =>
        rule.Medication is null ? null : namedMedications.TryGetValue(rule, out var m) ? m : KnowledgeBase.NormaliseMedication(rule.Medication);

    /// <summary>An interaction rule's advice (with its dose change when the advice does not already state it) and severity.</summary>
    public (string Advice, Severity Severity) Interaction(InteractionRule rule) =>
        interactionText.TryGetValue(rule, out var t) ? t : InteractionText(rule);

    private static (string, Severity) InteractionText(InteractionRule r) =>
        (r.DoseChange is { } dose && !r.Advice.Contains(dose, StringComparison.OrdinalIgnoreCase) ? $"{r.Advice} Dose: {dose}" : r.Advice,
            Codes.Severity.Parse(r.Severity));

    /// <summary>The activity-table row for exactly this set of mutations of <paramref name="gene"/> (in any order), or null.</summary>
    public ResistanceRow? Resistance(string gene, IReadOnlyList<string> mutations) => resistance.GetValueOrDefault(ResistanceKey(gene, mutations));

    /// <summary>The activity-table row for this single mutation of <paramref name="gene"/>, or null.</summary>
    public ResistanceRow? Resistance(string gene, string mutation) => resistance.GetValueOrDefault(string.Concat(gene, "\0", mutation));

    private static string ResistanceKey(string gene, IReadOnlyList<string> mutations) =>
        mutations.Count == 1 ? string.Concat(gene, "\0", mutations[0]) : gene + "\0" + string.Join('\0', mutations.Order(StringComparer.Ordinal));

    /// <summary>A row's mutations joined with "+" and its cells as "drug activity, …" (for the resistance rule's trace).</summary>
    public (string Mutations, string Summary) ResistanceText(ResistanceRow row) =>
        resistanceText.TryGetValue(row, out var t) ? t : RowText(row);

    /// <summary>A cell's therapy, its drug as written in evidence (lower case) and its "IC50 …; citations" part.</summary>
    public (Therapy Therapy, string Drug, string Cited) ResistanceCellText(KnowledgeBase kb, ResistanceCell cell) =>
        cellText.TryGetValue(cell, out var t) ? t : CellText(kb, cell);

    private static (string, string) RowText(ResistanceRow row) =>
        (string.Join("+", row.Mutations), string.Join(", ", row.Cells.Select(c => $"{c.Drug} {c.Activity}")));

    private static (Therapy, string, string) CellText(KnowledgeBase kb, ResistanceCell cell)
    {
        var therapy = Codes.Therapy.Parse(cell.Drug);
        var ic50 = cell.Ic50nM is { } v ? $"IC50 {v:0.#} nM; " : "";
        var cites = string.Join(", ", cell.Sources.Select(id => kb.Reference(id)?.ShortName ?? id));
        return (therapy, NameOf(kb, therapy).ToLowerInvariant(), ic50 + cites);
    }

    /// <summary>The dosing rule's trace detail for a regimen: start, reductions, food (knowledge only).</summary>
    public string DosingDetail(Drug drug, DosingRegimen regimen) =>
        dosingDetails.TryGetValue(regimen, out var s) ? s
            : $"{drug.Name}: start {regimen.Start}; reductions {string.Join(" → ", regimen.Reductions)}{(regimen.AfterLastReduction is { } after ? $" → {after}" : "")}{(regimen.Food is { } f ? $"; {f}" : "")}.";

    /// <summary>A regimen's sources, each once (a dosing row's references when no organ adjustment applies).</summary>
    public IReadOnlyList<string> DosingSources(DosingRegimen regimen) =>
        dosingSources.TryGetValue(regimen, out var s) ? s : [.. regimen.Sources.Distinct()];

    /// <summary>The monitoring rule's trace detail and sources for a drug, or null when its label asks for none.</summary>
    public (string Detail, IReadOnlyList<string> Sources)? Monitoring(Therapy t) => monitoring[(int)t];

    /// <summary>How a therapy is named inside a sentence (see <see cref="Evaluation.Name"/>).</summary>
    public string Name(Therapy t) => names[(int)t];

    /// <summary>"alectinib (preferred), … (other-recommended, brain-metastases)": a table's entries in order.</summary>
    public string TableListing(Regimen table) => tableListings.TryGetValue(table.Id, out var s) ? s : Listing(table);

    private static string Listing(Regimen table) =>
        string.Join(", ", table.Entries.Select(x => $"{x.Therapy} ({x.Preference}{(x.Condition == "any" ? "" : ", " + x.Condition)})"));

    private static string NameOf(KnowledgeBase kb, Therapy t)
    {
        if (!kb.HasDrug(t))
        {
            return Codes.Therapy.Code(t);
        }

        var name = kb.Drug(t).Name;
        return name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
    }
}
