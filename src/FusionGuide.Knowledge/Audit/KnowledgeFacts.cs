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
/// <param name="Record">The typed fact itself (an <see cref="Approval"/>, a <see cref="ToxicityRule"/> …).</param>
/// <param name="Provenance">Its verification fields and evidence (a class member without its own: its class's).</param>
/// <param name="Status">Verified, secondary or unverified (class members inherit their class's status).</param>
public sealed record KnowledgeFact(string Folder, string Kind, string Id, string Subject, string Value, object Record, Provenance Provenance, FactStatus Status)
{
    /// <summary>The evidence a reviewer follows (a class member without its own falls back to its class's).</summary>
    public IReadOnlyList<Evidence> Evidence => Provenance.Evidence;

    /// <summary>The sources' disagreement about it, when one is recorded (a class member's own only: a class's dispute is the class's).</summary>
    public Dispute? Dispute => Provenance.Disputed;

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
    public static FactStatus StatusOf(Provenance f) =>
        !f.Verified || f.Evidence.Count == 0 ? FactStatus.Unverified
        : f.EvidenceLevel == EvidenceLevel.Secondary ? FactStatus.Secondary
        : FactStatus.Verified;

    /// <summary>Lists every fact, with its full provenance (<see cref="KnowledgeBase.WithProvenance"/>).</summary>
    public static IReadOnlyList<KnowledgeFact> All(KnowledgeBase kb)
    {
        ArgumentNullException.ThrowIfNull(kb);
        kb = kb.WithProvenance();
        var facts = new List<KnowledgeFact>();
        void Add(string folder, string kind, string id, string subject, string value, object record, Provenance p) =>
            facts.Add(new(folder, kind, id, subject, value, record, p, StatusOf(p)));

        foreach (var r in kb.References)
        {
            Add("references", "reference", r.Id, "references", r.Citation, r, r.Provenance);
        }

        foreach (var d in kb.Drugs)
        {
            Add("drugs", "drug", d.Id, d.Id, $"{d.Name} ({d.Kind.Code()}{(d.Targets.Count > 0 ? ", " + string.Join("/", d.Targets.Select(g => g.Code())) : "")}); brands {string.Join(", ", d.Brands)}", d, d.Provenance);
            if (d.Cns is { } cns)
            {
                Add("drugs", "cns", $"{d.Id}/cns", d.Id, $"intracranial activity {cns.Activity.Code()}, rank {cns.Rank}: {cns.Summary}", cns, cns.Provenance);
            }

            foreach (var a in d.Approvals)
            {
                Add("drugs", "approval", a.Id, d.Id, $"{a.Region.Code()} {a.Gene?.Code() ?? "-"} {a.Setting.Code()}{(a.NaiveOnly ? " (no prior inhibitor)" : "")}: {a.Status.Code()}{(a.When() is { } when ? " " + when : "")}", a, a.Provenance);
            }

            foreach (var x in d.Dosing)
            {
                Add("drugs", "dosing", x.Id, d.Id, $"{x.StartAndScope}; reductions {string.Join(" → ", x.Reductions)}; food: {x.Food}", x, x.Provenance);
            }

            foreach (var x in d.OrganAdjustments)
            {
                Add("drugs", "organ-adjustment", x.Id, d.Id, $"{x.Comorbidity.Code()}{(x.Criterion is { } c ? $" ({c})" : "")}: {x.Dose ?? x.Text}", x, x.Provenance);
            }

            foreach (var x in d.Monitoring)
            {
                Add("drugs", "monitoring", x.Id, d.Id, $"{x.Item}: {x.Schedule}{HistologyScope.Said(x.NotIn)}", x, x.Provenance);
            }

            foreach (var x in d.Cautions)
            {
                Add("drugs", "caution", x.Id, d.Id, $"{x.Comorbidity.Code()} ({x.Effect.Code()}): {x.Message}{HistologyScope.Said(x.NotIn)}", x, x.Provenance);
            }

            foreach (var x in d.PatientFactors)
            {
                Add("drugs", "patient-factor", x.Id, d.Id, $"{x.Factor.Code()} ≥ {x.AtOrAbove}: {x.Message}", x, x.Provenance);
            }

            if (d.Regimen is { } reg)
            {
                Add("drugs", "regimen", reg.Id, d.Id, $"{reg.CycleDays}-day cycle, {reg.Induction}", reg, reg.Provenance);
                foreach (var x in reg.Components)
                {
                    Add("drugs", "regimen-component", x.Id, d.Id, $"{x.Agent.Code()} {x.Dose} {x.Route} {x.Days}", x, x.Provenance);
                }

                foreach (var x in reg.Premedication.Concat(reg.Maintenance is { } m ? [m] : []).Concat(reg.Instead.Values.OrderBy(i => i.Step.Id, StringComparer.Ordinal).Select(i => i.Step)))
                {
                    Add("drugs", "regimen-step", x.Id, d.Id, x.Text, x, x.Provenance);
                }
            }
        }

        foreach (var t in kb.ToxicityTables)
        {
            foreach (var r in t.Rules)
            {
                Add("toxicity", "toxicity-rule", r.Id, t.Drug.Code(), $"{r.Event.Code()} grade {string.Join("/", r.Grades)}: {r.Action.Code()}, resume {r.Resume.Code()}", r, r.Provenance);
            }
        }

        foreach (var cls in kb.InteractionClasses)
        {
            var classStatus = StatusOf(cls.Provenance);
            Add("interactions", "interaction-class", cls.Id, cls.Class.Code(), $"{cls.Class.Code()}: {cls.Members.Count} members", cls, cls.Provenance);
            foreach (var m in cls.Members)
            {
                // A member without verification fields of its own is covered by its class's evidence.
                facts.Add(new("interactions", "class-member", $"{cls.Id}/{m.Name}", cls.Class.Code(), $"{m.Name} is a {cls.Class.Code()}", m, m.Provenance ?? cls.Provenance,
                    m.Provenance is { } own ? StatusOf(own) : classStatus));
            }
        }

        foreach (var t in kb.InteractionTables)
        {
            foreach (var r in t.Rules)
            {
                Add("interactions", "interaction-rule", r.Id, t.Drug.Code(), $"{r.Class?.Code() ?? r.Medication}: {r.Severity.Code()}{(r.DoseChange is { } dc ? $"; dose {dc}" : "")}", r, r.Provenance);
            }
        }

        foreach (var m in kb.Comedications)
        {
            Add("interactions", "co-medication", m.Id, m.Group.Code(), $"{m.Name} ({m.Group.Code()}): {(m.Classes.Count == 0 ? "none of the interaction classes" : string.Join(", ", m.Classes.Select(c => c.Code())))}", m, m.Provenance);
            foreach (var r in m.Rules)
            {
                Add("interactions", "co-medication-rule", r.Id, m.Name, $"{m.Name} with a {r.TherapyClass.Code()} drug: {r.Severity.Code()}", r, r.Provenance);
            }

            if (m.Swap is { } swap)
            {
                Add("interactions", "co-medication-swap", swap.Id, m.Name, $"{m.Name} → {string.Join(" or ", swap.To)} (avoids {string.Join(", ", swap.Reasons.Select(c => c.Code()))})", swap, swap.Provenance);
            }
        }

        foreach (var row in kb.Resistance)
        {
            if (row.SolventFront is { } marker)
            {
                Add("resistance", "solvent-front", $"{row.Id}/solvent-front", row.Gene.Code(), $"{row.Gene.Code()} {row.Name} is the kinase's solvent-front mutation (the resistance work-up's example)", row, marker);
            }

            if (row.EnrichedInVariant is { } enriched)
            {
                Add("resistance", "variant-enrichment", $"{row.Id}/enriched-in-{enriched.Variant}", row.Gene.Code(), $"{row.Gene.Code()} {row.Name} is found more often at progression with EML4-ALK variant {enriched.Variant[1..]}", row, enriched.Provenance);
            }

            foreach (var c in row.Cells)
            {
                Add("resistance", "resistance-cell", $"{row.Id}/{c.Drug.Code()}", c.Drug.Code(), $"{row.Gene.Code()} {row.Name} × {c.Drug.Code()}: {c.Activity.Code()}{(c.Ic50nM is { } ic ? $" (IC50 {ic} nM)" : "")}{(c.Basis is { } b ? $", {b.Code()}" : "")}{(c.EmergedOnDrug ? ", emerged on the drug in patients" : "")}", c, c.Provenance);
            }
        }

        foreach (var o in kb.OffTarget)
        {
            Add("resistance", "off-target", o.Id, o.Gene?.Code() ?? "any", $"{o.Alteration ?? o.Transformation?.Code() + " transformation"}: {o.Approach}", o, o.Provenance);
            foreach (var x in o.Combinations)
            {
                Add("resistance", "combination", x.Id, o.Gene?.Code() ?? "any", $"{x.Therapy.Code()} with the TKI continued ({x.Use.Code()}): {x.Rationale}", x, x.Provenance);
            }
        }

        foreach (var r in kb.Regimens)
        {
            var driver = r.Driver?.Code() ?? "any";
            Add("regimens", "regimen", r.Id, $"{driver} {r.Setting.Code()}", $"{driver} {r.Setting.Code()}{(r.After.Count > 0 ? " after " + string.Join(", ", r.After.Select(a => a.Code())) : "")}, in force {r.Validity.From?.Code() ?? "…"} to {r.Validity.To?.Code() ?? "…"}", r, r.Provenance);
            foreach (var e in r.Entries)
            {
                Add("regimens", "regimen-entry", $"{r.Id}/{e.Therapy.Code()}", e.Therapy.Code(), $"{e.Therapy.Code()}: {e.Preference.Code()}{(e.Category is { } cat ? $", category {cat}" : "")}{(e.Condition == RegimenCondition.Any ? "" : $" ({e.Condition.Code()})")}", e, e.Provenance);
            }

            foreach (var u in r.NotCoded)
            {
                Add("regimens", "regimen-not-coded", $"{r.Id}/{u.Id}", u.Id, $"not coded{(u.Condition == RegimenCondition.Any ? "" : $" ({u.Condition.Code()})")}: {u.Regimens}", u, u.Provenance);
            }
        }

        foreach (var t in kb.Trials)
        {
            Add("trials", "trial", t.Id, t.Drug?.Code() ?? t.Id, $"{t.Name}: {t.Population}", t, t.Provenance);
            foreach (var res in t.Results)
            {
                Add("trials", "trial-result", t.ResultId(res), t.Drug?.Code() ?? t.Id, $"{t.Name} {res.Endpoint.Code()}: {res.Value}", res, res.Provenance);
            }
        }

        foreach (var t in kb.Thresholds)
        {
            Add("thresholds", "threshold", t.Id, "thresholds", $"{t.Value} {t.Unit}: {t.Meaning}", t, t.Provenance);
        }

        foreach (var p in kb.Panel)
        {
            Add("diagnostics", "panel-gene", p.Id, "diagnostics", $"{p.Gene.Code()} {p.Alteration.Code()}; adequate negative: {string.Join(", ", p.AdequateNegativeMethods.Select(m => m.Code()))}", p, p.Provenance);
            if (p.CanonicalPartners is { } cp)
            {
                Add("diagnostics", "canonical-partners", $"{p.Id}/canonical-partners", "diagnostics", $"{p.Gene.Code()} fusions found by DNA NGS with partner {string.Join(", ", cp.Partners)} are canonical; any other partner is confirmed by RNA NGS or IHC", p, cp.Provenance);
            }
        }

        // A pathway is a container (its title); each step is a fact.
        foreach (var p in kb.CarePathways)
        {
            foreach (var s in p.Steps)
            {
                Add("local", "care-step", s.Id, p.Pathway.Code(), s.Schedule is { } every ? $"{s.Text} ({every})" : s.Text, s, s.Provenance);
            }
        }

        foreach (var r in kb.ReproductiveRecords)
        {
            foreach (var f in r.Facts)
            {
                Add("reproductive", "reproductive-line", f.Id, r.Drug.Code(), $"{f.Topic.Code()} ({f.Region.Code()}): {f.Text}", f, f.Provenance);
            }
        }

        return facts;
    }
}
