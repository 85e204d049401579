using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Audit;

/// <summary>How far a fact has been checked.</summary>
public enum FactStatus
{
    /// <summary>Read in a primary source; the reading is recorded.</summary>
    Verified,
    /// <summary>Read in two independent secondary sources; the readings are recorded.</summary>
    Secondary,
    /// <summary>Not confirmed (or no evidence recorded): the note says what was searched.</summary>
    Unverified,
}

/// <summary>One clinical fact of the knowledge base, as a reviewer sees it.</summary>
/// <param name="Folder">The knowledge folder it lives in (drugs, toxicity, interactions …).</param>
/// <param name="Kind">What kind of fact it is (approval, dosing, toxicity-rule, resistance-cell …).</param>
/// <param name="Id">Its id (for table entries: table/therapy; for cells: row/drug).</param>
/// <param name="Subject">The drug it is about, or the topic (a class, a trial, a threshold) for grouping.</param>
/// <param name="Value">The value in one line.</param>
/// <param name="Provenance">Its verification fields and evidence.</param>
/// <param name="Status">Verified, secondary or unverified (class members inherit their class's status).</param>
public sealed record KnowledgeFact(string Folder, string Kind, string Id, string Subject, string Value, IEvidenced Provenance, FactStatus Status)
{
    /// <summary>The evidence a reviewer follows (a class member without its own falls back to its class's).</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = Provenance.Evidence;

    /// <summary>Why it is unverified, when it is.</summary>
    public string? Note => Status == FactStatus.Unverified
        ? Provenance.VerificationNote ?? "no evidence recorded"
        : null;
}

/// <summary>
/// Every clinical fact of a knowledge base, in folder order. A fact is every record the engine reads a value from:
/// references, drugs and their parts (intracranial activity, approvals, dosing, organ adjustments, monitoring,
/// cautions), toxicity rules, interaction classes and their members, interaction rules, resistance cells, off-target
/// mechanisms, guideline tables and their entries, trials and their results, thresholds and panel genes. Containers
/// (a drug's toxicity table, a mutation row) and the rule catalogue describe, but are not, facts.
/// </summary>
public static class KnowledgeFacts
{
    /// <summary>The status a fact's own fields give it.</summary>
    public static FactStatus StatusOf(IEvidenced f) =>
        f.Verified == false || f.Evidence.Count == 0 ? FactStatus.Unverified
        : f.EvidenceLevel == "secondary" ? FactStatus.Secondary
        : FactStatus.Verified;

    /// <summary>Lists every fact.</summary>
    public static IReadOnlyList<KnowledgeFact> All(KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        var facts = new List<KnowledgeFact>();
        void Add(string folder, string kind, string id, string subject, string value, IEvidenced p) =>
            facts.Add(new(folder, kind, id, subject, value, p, StatusOf(p)));

        foreach (var r in kb.References)
        {
            Add("references", "reference", r.Id, "references", r.Citation, r);
        }

        foreach (var d in kb.Drugs)
        {
            Add("drugs", "drug", d.Id, d.Id, $"{d.Name} ({d.Kind}{(d.Targets.Count > 0 ? ", " + string.Join("/", d.Targets) : "")}); brands {string.Join(", ", d.Brands)}", d);
            if (d.Cns is { } cns)
            {
                Add("drugs", "cns", $"{d.Id}-cns", d.Id, $"intracranial activity {cns.Activity}, rank {cns.Rank}: {cns.Summary}", cns);
            }

            foreach (var a in d.Approvals)
            {
                Add("drugs", "approval", a.Id, d.Id, $"{a.Region} {a.Gene ?? "-"} {a.Setting}{(a.NaiveOnly == true ? " (no prior inhibitor)" : "")}: {a.Status}{(a.Date is null ? "" : " " + a.Date)}", a);
            }

            foreach (var x in d.Dosing)
            {
                Add("drugs", "dosing", x.Id, d.Id, $"{x.Start}; reductions {string.Join(" → ", x.Reductions)}; food: {x.Food}", x);
            }

            foreach (var x in d.OrganAdjustments)
            {
                Add("drugs", "organ-adjustment", x.Id, d.Id, $"{x.Comorbidity}{(x.Criterion is { } c ? $" ({c})" : "")}: {x.Dose ?? x.Text}", x);
            }

            foreach (var x in d.Monitoring)
            {
                Add("drugs", "monitoring", x.Id, d.Id, $"{x.Item}: {x.Schedule}", x);
            }

            foreach (var x in d.Cautions)
            {
                Add("drugs", "caution", x.Id, d.Id, $"{x.Comorbidity} ({x.Effect}): {x.Message}", x);
            }
        }

        foreach (var t in kb.ToxicityTables)
        {
            foreach (var r in t.Rules)
            {
                Add("toxicity", "toxicity-rule", r.Id, t.Drug, $"{r.Event} grade {string.Join("/", r.Grades)}: {r.Action}, resume {r.Resume}", r);
            }
        }

        foreach (var cls in kb.InteractionClasses)
        {
            var classStatus = StatusOf(cls);
            Add("interactions", "interaction-class", cls.Id, cls.Class, $"{cls.Class}: {cls.Members.Count} members", cls);
            foreach (var m in cls.Members)
            {
                // A member without verification fields of its own is covered by its class's evidence.
                var own = m.Verified is not null || m.Evidence.Count > 0;
                facts.Add(new("interactions", "class-member", $"{cls.Id}/{m.Name}", cls.Class, $"{m.Name} is a {cls.Class}", own ? m : cls, own ? StatusOf(m) : classStatus)
                {
                    Evidence = own ? m.Evidence : cls.Evidence,
                });
            }
        }

        foreach (var t in kb.InteractionTables)
        {
            foreach (var r in t.Rules)
            {
                Add("interactions", "interaction-rule", r.Id, t.Drug, $"{r.Class ?? r.Medication}: {r.Severity}{(r.DoseChange is { } dc ? $"; dose {dc}" : "")}", r);
            }
        }

        foreach (var row in kb.Resistance)
        {
            foreach (var c in row.Cells)
            {
                Add("resistance", "resistance-cell", $"{row.Id}/{c.Drug}", c.Drug, $"{row.Gene} {string.Join("+", row.Mutations)} × {c.Drug}: {c.Activity}{(c.Ic50nM is { } ic ? $" (IC50 {ic} nM)" : "")}{(c.Basis is { } b ? $", {b}" : "")}{(c.EmergedOnDrug == true ? ", emerged on the drug in patients" : "")}", c);
            }
        }

        foreach (var o in kb.OffTarget)
        {
            Add("resistance", "off-target", o.Id, o.Gene, $"{o.Alteration ?? o.Transformation + " transformation"}: {o.Approach}", o);
        }

        foreach (var r in kb.Regimens)
        {
            Add("regimens", "regimen", r.Id, $"{r.Driver} {r.Setting}", $"{r.Driver} {r.Setting}{(r.After.Count > 0 ? " after " + string.Join(", ", r.After) : "")}, in force {r.ValidFrom ?? "…"} to {r.ValidTo ?? "…"}", r);
            foreach (var e in r.Entries)
            {
                Add("regimens", "regimen-entry", $"{r.Id}/{e.Therapy}", e.Therapy, $"{e.Therapy}: {e.Preference}{(e.Category is { } cat ? $", category {cat}" : "")}{(e.Condition == "any" ? "" : $" ({e.Condition})")}", e);
            }
        }

        foreach (var t in kb.Trials)
        {
            Add("trials", "trial", t.Id, t.Drug ?? t.Id, $"{t.Name}: {t.Population}", t);
            foreach (var res in t.Results)
            {
                Add("trials", "trial-result", $"{t.Id}/{res.Endpoint}", t.Drug ?? t.Id, $"{t.Name} {res.Endpoint}: {res.Value}", res);
            }
        }

        foreach (var t in kb.Thresholds)
        {
            Add("thresholds", "threshold", t.Id, "thresholds", $"{t.Value} {t.Unit}: {t.Meaning}", t);
        }

        foreach (var p in kb.Panel)
        {
            Add("diagnostics", "panel-gene", p.Id, "diagnostics", $"{p.Gene} {p.Alteration}; adequate negative: {string.Join(", ", p.AdequateNegativeMethods)}", p);
        }

        return facts;
    }
}
