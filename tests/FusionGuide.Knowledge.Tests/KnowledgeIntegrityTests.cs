using FusionGuide.Domain;
using FusionGuide.Engine;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Tests;

public sealed class KnowledgeIntegrityTests
{
    [Fact]
    public void Embedded_knowledge_base_loads_without_problems()
    {
        var result = KnowledgeLoader.LoadEmbedded();
        Assert.Empty(result.Problems);
        Assert.NotNull(result.KnowledgeBase);
    }

    [Fact]
    public void Folder_on_disk_and_embedded_copy_are_the_same_release()
    {
        var disk = KnowledgeLoader.LoadDirectory(RepoPaths.Knowledge);
        Assert.Empty(disk.Problems);
        Assert.Equal(KnowledgeLoader.Embedded.Version, disk.KnowledgeBase!.Version);
        Assert.Equal(KnowledgeLoader.LoadEmbedded().Counts, disk.Counts);
    }

    [Fact]
    public void Engine_finds_every_rule_threshold_and_panel_gene_it_needs()
    {
        Assert.Empty(FusionEngine.MissingRequirements(KnowledgeLoader.Embedded));
    }

    [Fact]
    public void Every_rule_in_the_catalogue_cites_a_resolvable_source()
    {
        var kb = KnowledgeLoader.Embedded;
        Assert.All(kb.Rules, r =>
        {
            Assert.NotEmpty(r.Provenance.Sources);
            Assert.All(r.Provenance.Sources, s => Assert.NotNull(kb.Reference(s)));
        });
    }

    [Fact]
    public void Every_contract_therapy_has_a_record_and_every_targeted_drug_a_dose_and_label_table()
    {
        var kb = KnowledgeLoader.Embedded;
        foreach (var therapy in Codes.Therapy.Values)
        {
            Assert.True(kb.HasDrug(therapy), $"no record for {therapy}");
            var drug = kb.Drug(therapy);
            if (drug.IsTargeted && drug.DosingNotRead is not null)
            {
                // Recorded from its approval alone (zidesamtinib): no dose at all rather than a guessed one.
                Assert.Empty(drug.Dosing);
                Assert.NotNull(kb.Toxicity(therapy));
            }
            else if (drug.IsTargeted)
            {
                Assert.NotEmpty(drug.Dosing);
                // Only a regional label may lack a ladder, and it then says what follows an interruption (alectinib, JP).
                Assert.All(drug.Dosing, d => Assert.True(d.Reductions.Count > 0 || (d.Region is not null && d.AfterLastReduction is not null), d.Id));
                Assert.NotNull(kb.Toxicity(therapy));
            }
        }
    }

    [Fact]
    public void Every_resistance_cell_and_regimen_entry_cites_a_resolvable_source()
    {
        var kb = KnowledgeLoader.Embedded;
        Assert.All(kb.Resistance.SelectMany(r => r.Cells), c => Assert.All(c.Provenance.Sources, s => Assert.NotNull(kb.Reference(s))));
        Assert.All(kb.Regimens.SelectMany(r => r.Entries), e => Assert.All(e.Provenance.Sources, s => Assert.NotNull(kb.Reference(s))));
    }

    [Fact]
    public void Every_unverified_fact_says_what_is_missing()
    {
        // Verification notes are provenance text: the runtime image leaves them out, the provenance part has them.
        var kb = KnowledgeLoader.EmbeddedWithProvenance;
        var facts = kb.Drugs.SelectMany(d => d.Approvals.Select(a => (Id: a.Id, a.Provenance))
                .Concat(d.Dosing.Select(x => (x.Id, x.Provenance)))
                .Concat(d.Monitoring.Select(x => (x.Id, x.Provenance))))
            .Concat(kb.Resistance.SelectMany(r => r.Cells.Select(c => (Id: $"{r.Id}/{c.Drug}", c.Provenance))));
        Assert.All(facts.Where(f => !f.Provenance.Verified), f => Assert.False(string.IsNullOrWhiteSpace(f.Provenance.VerificationNote), f.Id));
    }

    [Fact]
    public void Medication_lookup_folds_case_brand_names_and_spelling()
    {
        var kb = KnowledgeLoader.Embedded;
        var (generic, classes) = kb.Medication("  RIFAMPIN ");
        Assert.Equal("rifampin", generic);
        Assert.Contains(InteractionClassCode.Cyp3aStrongInducer, classes);
        Assert.Equal("rifampin", kb.Medication("rifampicin").Generic);
        Assert.Null(kb.Medication("not-a-medicine-xyz").Generic);
    }

    [Fact]
    public void No_approval_covers_a_setting_its_label_does_not_name()
    {
        // Issue #18: an approval's scope is its indication and setting. 'any' names none (alectinib's 2014 Japanese
        // approval made adjuvant use look approved); an approval without a date is recorded as unknown, not approved.
        var approvals = KnowledgeLoader.Embedded.Drugs.SelectMany(d => d.Approvals).ToList();
        Assert.All(approvals.Where(a => a.Status == ApprovalStatus.Approved), a => Assert.NotEqual(ApprovalSetting.Any, a.Setting));
        Assert.All(approvals.Where(a => a.Status == ApprovalStatus.Approved && a.Setting == ApprovalSetting.Advanced), a => Assert.NotNull(a.Gene));
    }

    [Fact]
    public void First_release_from_the_repository_history_still_loads()
    {
        // Format 1: verified by default, no evidence; the format-2 rules (KB017, KB019, 'any' approvals) do not apply.
        using var release = FirstRelease.Checkout();
        var first = KnowledgeLoader.LoadDirectory(release.Path);
        Assert.Empty(first.Problems);
        Assert.Equal("2026.11.0", first.KnowledgeBase!.Version);

        // The engine has rules the first release's catalogue does not describe yet, and the brain plan's thresholds and
        // care pathways (#20 item 4) and zidesamtinib (added to the vocabulary in session 5, not required of older
        // releases by the validator) came later, as did the adult age (session 19); nothing else is missing.
        string[] later = ["threshold srs-max-brain-lesions-fit", "threshold srs-fit-ecog-at-most", "threshold adult-age-years", "drug record zidesamtinib (drugs/)"];
        Assert.All(FusionEngine.MissingRequirements(first.KnowledgeBase), m => Assert.True(
            m.StartsWith("rule catalogue entry", StringComparison.Ordinal) || m.StartsWith("care pathway", StringComparison.Ordinal) || later.Contains(m), m));
    }
}
