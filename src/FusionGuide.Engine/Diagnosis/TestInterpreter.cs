using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;

namespace FusionGuide.Engine.Diagnosis;

/// <summary>Applies the testing guideline to each test on its own (IHC scoring, the FISH two-reader rule, NGS and plasma rules).</summary>
internal static class TestInterpreter
{
    private static readonly Clone[] AlkClones = [Clone.D5F3, Clone.A5A4, Clone.Other];
    private static readonly Clone[] Ros1Clones = [Clone.D4D6, Clone.SP384, Clone.Other];
    private static readonly Clone[] PdL1Clones = [Clone.C22C3, Clone.SP263, Clone.Other];

    public static TestCall Interpret(Evaluation e, int index, BiomarkerTest t)
    {
        if (t.Result == TestResult.Failed)
        {
            // Trace id DX-FAIL-001 (RuleIds.FailedTest) is written here; its sources: knowledge/rules/DX-FAIL-001.json.
            return Call(e, index, t, CallKind.Failed, "the test failed", RuleIds.FailedTest);
        }

        return t.Method switch
        {
            // Trace id DX-GENE-001 (RuleIds.GeneCombine) is written here; its sources: knowledge/rules/DX-GENE-001.json.
            TestMethod.Ihc => Ihc(e, index, t),
            TestMethod.Fish => Fish(e, index, t),
            TestMethod.NgsDna or TestMethod.NgsRna or TestMethod.RtPcr => Molecular(e, index, t),
            _ => Call(e, index, t, CallKind.Uninformative, "histology does not test a gene", RuleIds.GeneCombine),
        };
    }

    private static TestCall Ihc(Evaluation e, int i, BiomarkerTest t)
    {
        var clone = t.IhcClone;
        var fits = t.Gene switch
        {
            Gene.Alk => clone is null || AlkClones.Contains(clone.Value),
            Gene.Ros1 => clone is null || Ros1Clones.Contains(clone.Value),
            Gene.PdL1 => clone is null || PdL1Clones.Contains(clone.Value),
            _ => true,
        };
        if (!fits)
        {
            var msg = $"clone {Codes.Clone.Code(clone!.Value)} is not an antibody for {Codes.Gene.Code(t.Gene)}";
            e.WarnDiagnosis(WarningCodes.CloneMismatch, $"{Subject(i, t)}: {msg}; the result was not used.");
            // Trace id DX-IHC-004 (RuleIds.IhcCloneMismatch) is written here; its sources: knowledge/rules/DX-IHC-004.json.
            return Call(e, i, t, CallKind.Uninformative, msg, RuleIds.IhcCloneMismatch);
        }

        return t.Gene switch
        {
            Gene.Alk => AlkIhc(e, i, t),
            Gene.Ros1 => Ros1Ihc(e, i, t),
            Gene.PdL1 => PdL1(e, i, t),
            _ => Generic(e, i, t, screen: true),
        };
    }

    private static TestCall AlkIhc(Evaluation e, int i, BiomarkerTest t)
    {
        var positiveIntensity = e.Kb.ClinicalThresholds.AlkIhcPositiveIntensity;
        if (t.IhcClone == Clone.Other)
        {
            return AlkIhcOtherClone(e, i, t, positiveIntensity);
        }

        var cloneName = t.IhcClone is { } c ? Codes.Clone.Code(c) : "unstated clone";
        if (t.IhcClone is null && ReadsNegative(t) && Contradicts(t, positiveIntensity, positiveIntensity - 1) is null)
        {
            // A missing clone is "not known": only D5F3 and 5A4 may exclude ALK on IHC alone, so a negative stain whose
            // antibody is not named is read as DX-IHC-006 reads another antibody's (a positive stays positive: other
            // antibodies fail by missing weak expression, not by staining what is not there).
            const string read = "negative, but the report does not name the antibody: only D5F3 or 5A4 may exclude ALK on IHC alone (lymphoma antibodies such as ALK1 miss the lower ALK expression of lung carcinoma); state the clone, or test by FISH or RNA NGS";
            e.WarnDiagnosis(WarningCodes.UnvalidatedClone, $"{Subject(i, t)}: ALK IHC {read}.");
            // Trace id DX-IHC-006 (RuleIds.IhcAlkOtherClone) is written here; its sources: knowledge/rules/DX-IHC-006.json.
            return Call(e, i, t, CallKind.Equivocal, $"unstated clone {read}", RuleIds.IhcAlkOtherClone);
        }

        if (t.Intensity is { } intensity && intensity < positiveIntensity && t.Result == TestResult.Positive && intensity > 0)
        {
            e.WarnDiagnosis(WarningCodes.WeakStaining, $"{Subject(i, t)}: ALK IHC reported positive but with intensity {intensity}+: weak staining does not meet positivity and is treated as equivocal.");
            // Trace id DX-IHC-002 (RuleIds.IhcAlkWeak) is written here; its sources: knowledge/rules/DX-IHC-002.json.
            return Call(e, i, t, CallKind.Equivocal, $"{cloneName} staining {intensity}+ is weak: equivocal, confirm by FISH or NGS", RuleIds.IhcAlkWeak);
        }

        if (Contradicts(t, positiveIntensity, positiveIntensity - 1) is { } says)
        {
            return IhcContradicts(e, i, t, says);
        }

        if (t.Result is { } r)
        {
            return r switch
            {
                // Trace id DX-IHC-001 (RuleIds.IhcAlk) is written here; its sources: knowledge/rules/DX-IHC-001.json.
                TestResult.Positive => Call(e, i, t, CallKind.Positive, $"{cloneName} positive (strong granular staining establishes ALK rearrangement without FISH)", RuleIds.IhcAlk),
                TestResult.Negative => Call(e, i, t, CallKind.Negative, $"{cloneName} negative", RuleIds.IhcAlk),
                _ => Call(e, i, t, CallKind.Equivocal, $"{cloneName} equivocal or weak staining: confirm by FISH or NGS", RuleIds.IhcAlkWeak),
            };
        }

        if (t.Intensity is { } n)
        {
            return n >= positiveIntensity
                ? Call(e, i, t, CallKind.Positive, $"{cloneName} staining intensity {n}+ is strong: positive", RuleIds.IhcAlk)
                : n == 0
                    ? Call(e, i, t, CallKind.Negative, $"{cloneName} no staining: negative", RuleIds.IhcAlk)
                    : Call(e, i, t, CallKind.Equivocal, $"{cloneName} intensity {n}+ does not meet positivity: equivocal", RuleIds.IhcAlkWeak);
        }

        if (t.PercentStainedCells is { } p)
        {
            return p == 0
                ? Call(e, i, t, CallKind.Negative, $"{cloneName}: no stained tumour cells", RuleIds.IhcAlk)
                : Call(e, i, t, CallKind.Equivocal, $"{cloneName}: {p}% stained but intensity not reported, so positivity cannot be judged", RuleIds.IhcAlkWeak);
        }

        return NoResult(e, i, t);
    }

    /// <summary>
    /// DX-IHC-006: ALK IHC read with an antibody other than D5F3 or 5A4 (the two the testing guideline accepts as a
    /// stand-alone method; the lymphoma antibody ALK1 is not recommended in lung carcinoma, whose ALK expression is
    /// lower): a positive stain needs confirmation and a negative one does not exclude ALK. Either way the gene stays
    /// unsettled until FISH, RNA NGS or a validated IHC assay reports.
    /// </summary>
    private static TestCall AlkIhcOtherClone(Evaluation e, int i, BiomarkerTest t, double positiveIntensity)
    {
        bool? positive = t.Result switch
        {
            TestResult.Positive => true,
            TestResult.Negative => false,
            TestResult.Equivocal => null,
            _ => t.Intensity is { } n ? (n >= positiveIntensity ? true : n == 0 ? false : null) : t.PercentStainedCells == 0 ? false : null,
        };
        if (t.Result is null && t.Intensity is null && t.PercentStainedCells is null)
        {
            return NoResult(e, i, t);
        }

        var read = positive switch
        {
            true => "stained positive with an antibody other than D5F3 or 5A4, the two validated to call ALK on IHC alone: confirm by FISH or RNA NGS before an ALK TKI",
            false => "negative with an antibody other than D5F3 or 5A4: it does not exclude ALK (lymphoma antibodies such as ALK1 miss the lower ALK expression of lung carcinoma); test by D5F3 or 5A4 IHC, FISH or RNA NGS",
            null => "equivocal with an antibody other than D5F3 or 5A4: confirm by FISH or RNA NGS",
        };
        e.WarnDiagnosis(WarningCodes.UnvalidatedClone, $"{Subject(i, t)}: ALK IHC {read}.");
        // Trace id DX-IHC-006 (RuleIds.IhcAlkOtherClone) is written here; its sources: knowledge/rules/DX-IHC-006.json.
        return Call(e, i, t, CallKind.Equivocal, $"other clone {read}", RuleIds.IhcAlkOtherClone);
    }

    private static TestCall Ros1Ihc(Evaluation e, int i, BiomarkerTest t)
    {
        var screenIntensity = e.Kb.ClinicalThresholds.Ros1IhcScreenPositiveIntensity;
        if (Contradicts(t, screenIntensity, screenIntensity) is { } says)
        {
            return IhcContradicts(e, i, t, says);
        }

        var positive = t.Result == TestResult.Positive || (t.Result is null && t.Intensity >= screenIntensity);
        var negative = ReadsNegative(t);
        if (positive)
        {
            // Trace id DX-IHC-003 (RuleIds.IhcRos1Screen) is written here; its sources: knowledge/rules/DX-IHC-003.json.
            return Call(e, i, t, CallKind.Screen, "ROS1 IHC is a screen: a positive stain needs confirmation by FISH or RNA NGS", RuleIds.IhcRos1Screen);
        }

        if (negative && t.IhcClone is null or Clone.Other)
        {
            // The screen's sensitivity is that of D4D6 and SP384: a negative stain with another antibody, or one not named,
            // does not exclude ROS1.
            var read = $"negative {(t.IhcClone is null ? "with no antibody named" : "with an antibody other than D4D6 or SP384")}: ROS1 IHC excludes ROS1 only with a validated screening antibody; state the clone, or test by RNA NGS or FISH";
            e.WarnDiagnosis(WarningCodes.UnvalidatedClone, $"{Subject(i, t)}: ROS1 IHC {read}.");
            return Call(e, i, t, CallKind.Equivocal, $"ROS1 IHC {read}", RuleIds.IhcRos1Screen);
        }

        if (negative)
        {
            return Call(e, i, t, CallKind.Negative, "ROS1 IHC negative (a sensitive screen)", RuleIds.IhcRos1Screen);
        }

        return t.Result == TestResult.Equivocal || t.Intensity is not null || t.PercentStainedCells is not null
            ? Call(e, i, t, CallKind.Equivocal, "ROS1 IHC equivocal", RuleIds.IhcRos1Screen)
            : NoResult(e, i, t);
    }

    /// <summary>A stain reported negative, or with no staining (intensity 0, or 0% of cells when no intensity is given).</summary>
    private static bool ReadsNegative(BiomarkerTest t) =>
        t.Result == TestResult.Negative || (t.Result is null && (t.Intensity == 0 || (t.Intensity is null && t.PercentStainedCells == 0)));

    /// <summary>
    /// What an IHC report's intensity says against its own result, or null when they agree: a negative with staining at
    /// the positive intensity, or at the intensity read as equivocal without a call (ALK 2+); a positive with no staining
    /// or no stained cells. Faint (1+) ALK staining under a negative call is the laboratory's judgement, not a contradiction.
    /// </summary>
    private static string? Contradicts(BiomarkerTest t, double positiveIntensity, double equivocalFrom) => (t.Result, t.Intensity, t.PercentStainedCells) switch
    {
        (TestResult.Negative, { } n, var p) when n >= positiveIntensity => $"reported negative, but its staining intensity {n}+{(p is { } pc ? $" in {pc}% of cells" : "")} is at the positive level",
        // Moderate staining that the engine reads as equivocal without a call (ALK 2+) is not a negative either.
        (TestResult.Negative, { } n, var p) when n >= equivocalFrom && (p ?? 1) > 0 => $"reported negative, but with {n}+ staining{(p is { } pc ? $" in {pc}% of cells" : "")}, which does not exclude it (equivocal without a call)",
        (TestResult.Positive, 0, _) => "reported positive, but with staining intensity 0 (no staining)",
        (TestResult.Positive, _, 0) => "reported positive, but with 0% of tumour cells stained",
        _ => null,
    };

    /// <summary>
    /// DX-IHC-007: an IHC report whose result and intensity contradict each other is not used to call the gene, in
    /// either direction (a positive with weak staining already has its own rule, DX-IHC-002); an orthogonal method
    /// settles it and the laboratory is asked to review the report.
    /// </summary>
    private static TestCall IhcContradicts(Evaluation e, int i, BiomarkerTest t, string says)
    {
        var gene = Codes.Gene.Code(t.Gene);
        var msg = $"{gene} IHC {says}: the report contradicts itself, so it is not used to call {gene}; ask the laboratory to review the slide and confirm {gene} by {(t.Gene == Gene.Alk ? "FISH or RNA NGS" : "RNA NGS or FISH")}";
        e.WarnDiagnosis(WarningCodes.IhcContradicts, $"{Subject(i, t)}: {msg}.");
        // Trace id DX-IHC-007 (RuleIds.IhcContradicts) is written here; its sources: knowledge/rules/DX-IHC-007.json.
        return Call(e, i, t, CallKind.Equivocal, msg, RuleIds.IhcContradicts) with { SelfContradictory = true };
    }

    private static TestCall PdL1(Evaluation e, int i, BiomarkerTest t)
    {
        var cut = e.Kb.ClinicalThresholds.PdL1PositiveTps;
        if (t.Tps is { } tps)
        {
            return tps >= cut
                // Trace id DX-IHC-005 (RuleIds.PdL1) is written here; its sources: knowledge/rules/DX-IHC-005.json.
                ? Call(e, i, t, CallKind.Positive, $"PD-L1 TPS {tps}% (≥{cut}%)", RuleIds.PdL1)
                : Call(e, i, t, CallKind.Negative, $"PD-L1 TPS {tps}% (<{cut}%)", RuleIds.PdL1);
        }

        return Generic(e, i, t, screen: false);
    }

    private static TestCall Fish(Evaluation e, int i, BiomarkerTest t)
    {
        if (t.Gene is not (Gene.Alk or Gene.Ros1) || t.PercentRearrangedCells is null)
        {
            return Generic(e, i, t, screen: false);
        }

        var pct = t.PercentRearrangedCells.Value;
        var cells = t.CellsScored;
        var firstCells = e.Kb.ClinicalThresholds.FishFirstReadCells;
        var negBelow = e.Kb.ClinicalThresholds.FishFirstReadNegativeBelowPercent;
        var posAbove = e.Kb.ClinicalThresholds.FishFirstReadPositiveAbovePercent;
        var totalCells = e.Kb.ClinicalThresholds.FishTwoReaderCells;
        var cutoff = e.Kb.ClinicalThresholds.FishTwoReaderPositiveAtOrAbovePercent;
        var gene = Codes.Gene.Code(t.Gene);
        TestCall computed;
        if (cells is null)
        {
            return NucleiNotStated(e, i, t, pct, cutoff, firstCells);
        }

        if (cells < firstCells)
        {
            var msg = $"{gene} FISH {pct}% rearranged in {cells} cells: at least {firstCells} evaluable nuclei are needed, so the test is inadequate, not negative";
            e.WarnDiagnosis(WarningCodes.InadequateSample, $"{Subject(i, t)}: {msg}.");
            // Trace id DX-FISH-002 (RuleIds.FishInadequate) is written here; its sources: knowledge/rules/DX-FISH-002.json.
            return Call(e, i, t, CallKind.Inadequate, msg, RuleIds.FishInadequate);
        }

        if (cells >= totalCells)
        {
            computed = pct >= cutoff
                // Trace id DX-FISH-001 (RuleIds.FishRule) is written here; its sources: knowledge/rules/DX-FISH-001.json.
                ? Call(e, i, t, CallKind.Positive, $"{gene} FISH {pct}% of {cells} cells is at or above the {cutoff}% cut-off: positive", RuleIds.FishRule)
                : Call(e, i, t, CallKind.Negative, $"{gene} FISH {pct}% of {cells} cells is below the {cutoff}% cut-off: negative", RuleIds.FishRule);
        }
        else if (pct < negBelow)
        {
            computed = Call(e, i, t, CallKind.Negative, $"{gene} FISH {pct}% of {cells} cells (first reader) is below {negBelow}%: negative", RuleIds.FishRule);
        }
        else if (pct > posAbove)
        {
            computed = Call(e, i, t, CallKind.Positive, $"{gene} FISH {pct}% of {cells} cells (first reader) is above {posAbove}%: positive", RuleIds.FishRule);
        }
        else
        {
            computed = Call(e, i, t, CallKind.Equivocal, $"{gene} FISH {pct}% of {cells} cells is between {negBelow}% and {posAbove}%: equivocal; a second reader scores {totalCells - firstCells} more cells (positive at ≥{cutoff}% of {totalCells})", RuleIds.FishRule);
        }

        var reported = t.Result switch
        {
            TestResult.Positive => CallKind.Positive,
            TestResult.Negative => CallKind.Negative,
            TestResult.Equivocal => CallKind.Equivocal,
            _ => computed.Kind,
        };
        return reported == computed.Kind ? computed : LabDisagrees(e, i, t, computed);
    }

    /// <summary>
    /// DX-FISH-004: the laboratory's signed FISH call and the scoring rule applied to its own counts disagree (positive at
    /// 12% of 100 nuclei, negative at 40%). Either the report holds an error or the pattern is one the counts do not
    /// capture (atypical or isolated 3' signals, heterogeneity); neither reading is safe to follow alone, so the test is
    /// not used to call the gene, and an orthogonal method settles it (IHC for ALK, RNA NGS) with the laboratory asked
    /// to review the report.
    /// </summary>
    private static TestCall LabDisagrees(Evaluation e, int i, BiomarkerTest t, TestCall computed)
    {
        var gene = Codes.Gene.Code(t.Gene);
        var orthogonal = t.Gene == Gene.Alk ? "ALK IHC (D5F3 or 5A4) or RNA NGS" : "RNA NGS";
        var msg = $"the laboratory reported {Codes.TestResult.Code(t.Result!.Value)}, but by the scoring rule {computed.Explanation}; the report and its counts disagree, so the test is not used to call {gene} (neither reading is followed): ask the laboratory to review it and confirm {gene} by {orthogonal}";
        e.WarnDiagnosis(WarningCodes.FishResultRecomputed, $"{Subject(i, t)}: {msg}.");
        // Trace id DX-FISH-004 (RuleIds.FishLabDisagrees) is written here; its sources: knowledge/rules/DX-FISH-004.json.
        return Call(e, i, t, CallKind.Equivocal, msg, RuleIds.FishLabDisagrees) with { SelfContradictory = true };
    }

    /// <summary>
    /// DX-FISH-003: a FISH percentage without the number of nuclei scored (common in laboratory feeds). The laboratory's
    /// own call is used when the percentage agrees with it against the final cut-off (adequacy cannot be checked, and
    /// the warning says so); without a call, or with one the percentage contradicts, the test is not read — never
    /// guessed as inadequate, negative or positive.
    /// </summary>
    private static TestCall NucleiNotStated(Evaluation e, int i, BiomarkerTest t, double pct, double cutoff, double firstCells)
    {
        var gene = Codes.Gene.Code(t.Gene);
        var side = pct >= cutoff ? $"at or above the {cutoff}% cut-off" : $"below the {cutoff}% cut-off";
        var agrees = t.Result switch
        {
            TestResult.Positive => pct >= cutoff,
            TestResult.Negative => pct < cutoff,
            TestResult.Equivocal => true,
            _ => false,
        };
        if (agrees)
        {
            var reported = Codes.TestResult.Code(t.Result!.Value);
            var msg = $"{gene} FISH {pct}% rearranged ({side}), reported {reported}; the number of nuclei scored is not stated, so the laboratory's call is used without checking adequacy (at least {firstCells} evaluable nuclei)";
            e.WarnDiagnosis(WarningCodes.FishNucleiNotStated, $"{Subject(i, t)}: {msg}: confirm the count from the report.");
            var kind = t.Result switch
            {
                TestResult.Positive => CallKind.Positive,
                TestResult.Negative => CallKind.Negative,
                _ => CallKind.Equivocal,
            };
            // Trace id DX-FISH-003 (RuleIds.FishNucleiNotStated) is written here; its sources: knowledge/rules/DX-FISH-003.json.
            return Call(e, i, t, kind, msg, RuleIds.FishNucleiNotStated);
        }

        var call = t.Result is { } r ? $", reported {Codes.TestResult.Code(r)}, which the percentage ({side}) contradicts" : " with no result";
        var unread = $"{gene} FISH {pct}% rearranged{call}, and the number of nuclei scored is not stated: the percentage cannot be read against the scoring rule, so the test is not used";
        e.WarnDiagnosis(WarningCodes.FishNucleiNotStated, $"{Subject(i, t)}: {unread}.");
        return Call(e, i, t, CallKind.Inadequate, unread, RuleIds.FishNucleiNotStated);
    }

    private static TestCall Molecular(Evaluation e, int i, BiomarkerTest t)
    {
        var method = DiagnosisStage.MethodName(t.Method);
        var gene = Codes.Gene.Code(t.Gene);
        // A kinase mutation is a finding for a mutation-driven gene (EGFR); for a gene the panel tests for a fusion (ALK,
        // ROS1) it is not: F1174L or G2032R without a reported fusion does not establish a rearrangement.
        var fusionGene = e.Kb.Panel.Any(p => p.Gene == t.Gene && p.Alteration == Knowledge.Model.PanelAlteration.Fusion);
        var found = t.FusionPartner is not null || (!fusionGene && t.Mutations.Count > 0);
        var result = t.Result ?? (found ? TestResult.Positive : (TestResult?)null);
        if (result is null && fusionGene && t.Mutations.Count > 0)
        {
            e.WarnDiagnosis(WarningCodes.NoResult, $"{Subject(i, t)} reports {string.Join(", ", t.Mutations)} but no result and no fusion: a kinase mutation of {gene} alone does not establish a rearrangement of {gene} (the TKIs are for fusions), so the test was not used to call {gene}; ask the laboratory whether a fusion was found.");
            return new TestCall(i, t, CallKind.Uninformative, "kinase mutation without a reported fusion");
        }

        if (result is null)
        {
            return NoResult(e, i, t);
        }

        if (t.Sample == Sample.Plasma && result == TestResult.Negative)
        {
            // Trace id DX-NGS-002 (RuleIds.PlasmaNegative) is written here; its sources: knowledge/rules/DX-NGS-002.json.
            return Call(e, i, t, CallKind.PlasmaNegative, $"{gene} not detected on plasma {method}: a negative liquid biopsy does not exclude the alteration (low tumour shedding)", RuleIds.PlasmaNegative);
        }

        return result switch
        {
            // Trace id DX-NGS-001 (RuleIds.NgsCall) is written here; its sources: knowledge/rules/DX-NGS-001.json.
            TestResult.Positive => Call(e, i, t, CallKind.Positive, $"{gene} detected by {method}{(t.Sample == Sample.Plasma ? " in plasma (a positive liquid biopsy is actionable)" : "")}", RuleIds.NgsCall),
            TestResult.Negative => Call(e, i, t, CallKind.Negative, $"{gene} not detected by {method}", RuleIds.NgsCall),
            _ => Call(e, i, t, CallKind.Equivocal, $"{gene} {method} equivocal", RuleIds.NgsCall),
        };
    }

    private static TestCall Generic(Evaluation e, int i, BiomarkerTest t, bool screen) => t.Result switch
    {
        TestResult.Positive when screen => Call(e, i, t, CallKind.Screen, $"{Codes.Gene.Code(t.Gene)} IHC positive is a screen that needs molecular confirmation", RuleIds.GeneCombine),
        TestResult.Positive => Call(e, i, t, CallKind.Positive, $"{Codes.Gene.Code(t.Gene)} positive", RuleIds.GeneCombine),
        TestResult.Negative => Call(e, i, t, CallKind.Negative, $"{Codes.Gene.Code(t.Gene)} negative", RuleIds.GeneCombine),
        TestResult.Equivocal => Call(e, i, t, CallKind.Equivocal, $"{Codes.Gene.Code(t.Gene)} equivocal", RuleIds.GeneCombine),
        _ => NoResult(e, i, t),
    };

    private static TestCall NoResult(Evaluation e, int i, BiomarkerTest t)
    {
        e.WarnDiagnosis(WarningCodes.NoResult, $"{Subject(i, t)} reports no result, intensity, percentage or finding; it was not used.");
        return new TestCall(i, t, CallKind.Uninformative, "no result reported");
    }

    private static TestCall Call(Evaluation e, int i, BiomarkerTest t, CallKind kind, string why, string rule)
    {
        var call = new TestCall(i, t, kind, why);
        e.Fire(rule, $"{call.Subject}: {why}.");
        return call;
    }

    /// <summary>The test named in words at the start of a warning ("Test 2 (ALK FISH on tissue)"), never by its JSON path.</summary>
    private static string Subject(int i, BiomarkerTest t) => TestCall.SubjectOf(i, t);
}
