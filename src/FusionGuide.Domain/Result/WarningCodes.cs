namespace FusionGuide.Domain;

/// <summary>Who writes a warning, and so in which list of the result it appears.</summary>
public enum WarningSource
{
    /// <summary>The case reader (Domain/Validation): a notice about the input, carried into <c>warnings</c>.</summary>
    CaseReader,

    /// <summary>The FHIR reader (Fhir/Mapping, CDS Hooks prefetch): a fact skipped or read with an assumption, carried into <c>warnings</c>.</summary>
    FhirReader,

    /// <summary>The engine's diagnosis stage: <c>diagnosis.warnings</c>.</summary>
    Diagnosis,

    /// <summary>The engine's other stages: <c>warnings</c>.</summary>
    Engine,
}

/// <summary>
/// One warning code of the registry: the code written in results, who writes it and where, and what it means.
/// Rules and readers take an entry of <see cref="WarningCodes"/>, never a code as a bare string, so a typo cannot
/// invent a code and every code has its meaning written down once.
/// </summary>
/// <param name="Code">The code as results carry it (kebab-case, permanent: consumers filter on it).</param>
/// <param name="Source">Who writes it.</param>
/// <param name="Where">The code that writes it (folder or type), for a reader looking for the rule.</param>
/// <param name="Meaning">One line: what the warning tells the clinician or integrator.</param>
/// <param name="FixedByContract">True for the codes the contract names and requires where they apply.</param>
public sealed record WarningCode(string Code, WarningSource Source, string Where, string Meaning, bool FixedByContract = false)
{
    /// <inheritdoc/>
    public override string ToString() => Code;
}

/// <summary>
/// The registry of every warning code FusionGuide writes (docs/warning-codes.md lists them; a test keeps the two in
/// step and checks the contract's codes are here).
/// </summary>
public static class WarningCodes
{
#pragma warning disable CS1591 // each entry's documentation is its Meaning, written once in the entry itself

    // Case reader
    public static readonly WarningCode UnknownField = new("unknown-field", WarningSource.CaseReader, "Domain/Validation (JsonFields)",
        "A field the contract does not define was ignored (the first 10 are named, then one notice counts the rest).");

    public static readonly WarningCode UnknownAlteration = new("unknown-alteration", WarningSource.CaseReader, "Domain/Validation (CaseParts)",
        "A resistance alteration outside the contract's list was kept out of the resistance assessment.");

    // FHIR reader
    public static readonly WarningCode FhirSkipped = new("fhir-skipped", WarningSource.FhirReader, "Fhir/Mapping (MappingContext.Warn), CdsHooks (absent prefetch)",
        "A FHIR resource or element could not be read into the case and was left out; the message says which and why.");

    public static readonly WarningCode FhirAssumed = new("fhir-assumed", WarningSource.FhirReader, "Fhir/Mapping",
        "A FHIR element was incomplete and was read with a stated assumption (e.g. a partial birth date from its first day).");

    public static readonly WarningCode PreliminaryResult = new("preliminary-result", WarningSource.FhirReader, "Fhir/Mapping (ObservationMapper)",
        "A test result was read from a preliminary (or registered) Observation not replaced by a final result of the same test: confirm it against the final report before starting a TKI.");

    // Engine: diagnosis
    public static readonly WarningCode InadequateSample = new("inadequate-sample", WarningSource.Diagnosis, "Engine Diagnosis/TestInterpreter",
        "A FISH test scored too few cells to be read; it was not used.");

    public static readonly WarningCode CloneMismatch = new("clone-mismatch", WarningSource.Diagnosis, "Engine Diagnosis/TestInterpreter",
        "An IHC test used an antibody clone not validated for the gene; it was not used.");

    public static readonly WarningCode UnvalidatedClone = new("unvalidated-clone", WarningSource.Diagnosis, "Engine Diagnosis/TestInterpreter",
        "ALK IHC read with an antibody other than D5F3 or 5A4: a positive stain needs confirmation and a negative one does not exclude ALK.");

    public static readonly WarningCode WeakStaining = new("weak-staining", WarningSource.Diagnosis, "Engine Diagnosis/TestInterpreter",
        "ALK IHC was reported positive with weak staining; it is treated as equivocal.");

    public static readonly WarningCode FishResultRecomputed = new("fish-result-recomputed", WarningSource.Diagnosis, "Engine Diagnosis/TestInterpreter",
        "The laboratory's FISH call disagrees with the scoring rule applied to its counts; neither is followed: the test is not used to call the gene, which an orthogonal method settles.");

    public static readonly WarningCode KinaseFindingNotFusion = new("kinase-finding-not-fusion", WarningSource.Diagnosis, "Engine Diagnosis/KinaseFindingNotFusion",
        "An ALK or ROS1 test reported positive names no fusion partner and reports only a kinase mutation or amplification: not a rearrangement until a fusion is confirmed.");

    public static readonly WarningCode IhcContradicts = new("ihc-contradicts", WarningSource.Diagnosis, "Engine Diagnosis/TestInterpreter",
        "An IHC report's result and intensity contradict each other (negative with strong staining, positive with none): it is not used to call the gene.");

    public static readonly WarningCode FishNucleiNotStated = new("fish-nuclei-not-stated", WarningSource.Diagnosis, "Engine Diagnosis/TestInterpreter",
        "A FISH percentage came without the number of nuclei scored: the laboratory's call is used when the percentage agrees with it (adequacy not checked); otherwise the test is not used.");

    public static readonly WarningCode NoResult = new("no-result", WarningSource.Diagnosis, "Engine Diagnosis/TestInterpreter",
        "A test reports no result, intensity, percentage or finding; it was not used.");

    public static readonly WarningCode UnconfirmedScreen = new("unconfirmed-screen", WarningSource.Diagnosis, "Engine Diagnosis/GeneCombiner",
        "A positive screen (e.g. ROS1 IHC) needs confirmation by FISH or RNA NGS before targeted therapy.", FixedByContract: true);

    public static readonly WarningCode PlasmaNegative = new("plasma-negative", WarningSource.Diagnosis, "Engine Diagnosis/GeneCombiner",
        "Only a negative plasma test: a liquid biopsy does not exclude a fusion; a tissue test is still needed.", FixedByContract: true);

    public static readonly WarningCode SampleNotStated = new("sample-not-stated", WarningSource.Diagnosis, "Engine Diagnosis/GeneCombiner",
        "A negative sequencing result whose sample is not stated (tissue or plasma): not read as negative, since a liquid biopsy does not exclude the driver; state the sample or test tissue.");

    public static readonly WarningCode TestFailed = new("test-failed", WarningSource.Diagnosis, "Engine Diagnosis/GeneCombiner",
        "A test failed: repeat it or use another method or sample.");

    public static readonly WarningCode DiscordantResults = new("discordant-results", WarningSource.Diagnosis, "Engine Diagnosis/DiscordantResults (from GeneCombiner)",
        "Two tests of one gene disagree: the positive is followed, and the test that settles the gene (tissue RNA NGS for a fusion, DNA NGS for a mutation) is in `nextTests` unless it is one of the two.", FixedByContract: true);

    public static readonly WarningCode ConcurrentDrivers = new("concurrent-drivers", WarningSource.Diagnosis, "Engine Diagnosis/DiagnosisStage",
        "Two drivers that are almost always mutually exclusive are both positive.", FixedByContract: true);

    public static readonly WarningCode UncommonFusionPartner = new("uncommon-fusion-partner", WarningSource.Diagnosis, "Engine Diagnosis/NextTests",
        "The ALK or ROS1 fusion was found by DNA NGS only, with a partner outside the canonical ones or none reported: confirm it is expressed (RNA NGS or IHC) before relying on it.");

    public static readonly WarningCode TestAfterEvaluationDate = new("test-after-evaluation-date", WarningSource.Diagnosis, "Engine Diagnosis/DiagnosisStage",
        "A test is dated after the evaluation date: its result is read, though on that date it was not yet known (check the evaluation date or the test's date).");

    public static readonly WarningCode FindingsNotAtProgression = new("findings-not-at-progression", WarningSource.Diagnosis, "Engine Diagnosis/DiagnosisStage",
        "A test read as a diagnosis test (timing diagnosis, or not given) reports resistance mutations or alterations: they are read only from tests at progression, so they did not shape the options.");

    public static readonly WarningCode BypassNotRead = new("bypass-not-read", WarningSource.Diagnosis, "Engine Diagnosis/ProgressionBypass",
        "A positive test of another gene taken at progression (an EGFR mutation, a MET result that does not say amplification) that the contract's alteration list cannot express: said, not used.");

    // Engine: history, systemic plan
    public static readonly WarningCode StopReasonMissing = new("stop-reason-missing", WarningSource.Engine, "Engine Treatment/HistoryReader",
        "A therapy in the history ended with no stop reason: a TKI is read as stopped at progression (not offered again), another therapy is not counted as a line; the case should record the reason.");

    public static readonly WarningCode BrainMetastasesFromSites = new("brain-metastases-from-sites", WarningSource.Engine, "Engine FusionEngine (SET-BRAIN-001)",
        "'brain' is among the metastatic sites but brainMetastases does not say present (absent, or present false): read as brain metastases present, number and size not given.");

    public static readonly WarningCode HistoryInconsistent = new("history-inconsistent", WarningSource.Engine, "Engine Treatment/HistoryReader (HistoryReader.Inconsistent, also called from Systemic/SystemicStage)",
        "The treatment history contradicts itself or the tests.", FixedByContract: true);

    public static readonly WarningCode OutsideScope = new("outside-scope", WarningSource.Engine, "Engine Systemic/SystemicStage",
        "The driver is neither ALK nor ROS1 (or none was found): FusionGuide gives no ALK/ROS1 advice.");

    public static readonly WarningCode StageNotGiven = new("stage-not-given", WarningSource.Engine, "Engine Systemic/StageIntent",
        "No stage is given and nothing recorded says the disease is advanced: the options are for advanced disease, and curative-intent treatment comes first if it is localised.");

    public static readonly WarningCode BrainStatusNotGiven = new("brain-status-not-given", WarningSource.Engine, "Engine Systemic/StageIntent",
        "Advanced disease whose brain status is not given: brain MRI belongs to staging and decides the TKI and local treatment; the options are ranked as if there were no brain metastases.");

    public static readonly WarningCode StageInconsistent = new("stage-inconsistent", WarningSource.Engine, "Engine Systemic (adjuvant setting, StageIntent)",
        "The stage contradicts the case (marked resected outside the adjuvant range, or stage I–III with distant metastases); the case is treated as advanced disease.");

    public static readonly WarningCode CurativeIntent = new("curative-intent", WarningSource.Engine, "Engine Systemic (StageIntent)",
        "Stage I–III disease, not resected, untreated and without distant metastases: curative-intent treatment comes first; the first-line options are for disease not amenable to it.");

    public static readonly WarningCode AdjuvantStage = new("adjuvant-stage", WarningSource.Engine, "Engine Systemic (adjuvant setting)",
        "Stage IB qualifies for adjuvant alectinib only with a tumour of at least 4 cm, and an 8th-edition stage IIIB only as T3N2 (IIIA in the 7th edition ALINA used): confirm the size or the TNM.");

    public static readonly WarningCode HistologicTransformation = new("histologic-transformation", WarningSource.Engine, "Engine Systemic (transformation)",
        "The tumour transformed (e.g. to small-cell) at progression: the transformed histology's treatment applies.", FixedByContract: true);

    public static readonly WarningCode SmallCellHistology = new("small-cell-histology", WarningSource.Engine, "Engine Systemic (small-cell histology)",
        "The tumour is small-cell at diagnosis: the SCLC guideline decides, a TKI is never offered first.");

    public static readonly WarningCode IntoleranceNotDescribed = new("intolerance-not-described", WarningSource.Engine, "Engine Systemic/IntolerantRechallenge",
        "A TKI stopped for intolerance has no adverse event recorded on it, and no other TKI is left: whether the event allows a re-challenge at a reduced dose cannot be judged; the case should record it.");

    public static readonly WarningCode NoTargetedOption = new("no-targeted-option", WarningSource.Engine, "Engine Systemic (post-targeted)",
        "No targeted therapy is left for the patient: the conventional NSCLC pathway applies.", FixedByContract: true);

    public static readonly WarningCode NoGuidelineTable = new("no-guideline-table", WarningSource.Engine, "Engine Systemic (guideline table choice)",
        "No guideline table of the setting is in force on the evaluation date; later content is not applied.");

    public static readonly WarningCode RegimenNotCoded = new("regimen-not-coded", WarningSource.Engine, "Engine Systemic (guideline table choice)",
        "The guideline table in force also lists regimens for this patient that have no code in the FusionGuide vocabulary (e.g. squamous platinum doublets): the warning names them; they are not ranked.");

    public static readonly WarningCode WhatComesNext = new("what-comes-next", WarningSource.Engine, "Engine Systemic (what comes next)",
        "Fewer than two systemic options are left, or none is indicated (a completed adjuvant course, resected stage IA): the warning names what comes next (clinical trial, chemotherapy, best supportive care, or surveillance).");

    public static readonly WarningCode ApprovalUnknown = new("approval-unknown", WarningSource.Engine, "Engine Systemic (regional approval filter)",
        "The knowledge base does not know whether an option is approved in the case's region: check local access.");

    public static readonly WarningCode PriorImmunotherapy = new("prior-immunotherapy", WarningSource.Engine, "Engine Systemic (filters)",
        "A checkpoint inhibitor was given before: a TKI soon after raises the risk of hepatotoxicity and pneumonitis.");

    public static readonly WarningCode MinorPatient = new("minor-patient", WarningSource.Engine, "Engine Systemic/Rules/MinorPatient",
        "The patient is younger than an adult: the TKIs' lung-cancer indications are for adults and the doses shown are adult doses; a paediatric oncologist decides.");

    public static readonly WarningCode PoorPerformanceStatus = new("poor-performance-status", WarningSource.Engine, "Engine Systemic (ranking)",
        "ECOG 3–4: a TKI may still be given; chemotherapy is not recommended (best supportive care when no TKI is left).");

    public static readonly WarningCode UnknownMutation = new("unknown-mutation", WarningSource.Engine, "Engine Systemic/ResistanceProfile",
        "A resistance mutation is not in the knowledge base's activity table: it does not steer the choice.");

    public static readonly WarningCode CompoundEstimated = new("compound-estimated", WarningSource.Engine, "Engine Systemic/ResistanceProfile",
        "A compound mutation not in the activity table is judged from its single mutations: a part's resistant or intermediate carries; sensitive only when every part rates the drug sensitive, else its activity is unknown and the warning says what is missing.");

    public static readonly WarningCode UnphasedMutations = new("unphased-mutations", WarningSource.Engine, "Engine Systemic/Rules/UnphasedMutations",
        "Two or more kinase mutations from a test that cannot phase them (plasma, or not NGS): each is judged on its own, not as a proven compound; tissue NGS is a next test.");

    // Engine: safety
    public static readonly WarningCode ToxicityUnattributed = new("toxicity-unattributed", WarningSource.Engine, "Engine Safety/SafetyStage",
        "An adverse event names no therapy and the patient is on none: it cannot be managed against a label.");

    public static readonly WarningCode Grade5Event = new("grade-5-event", WarningSource.Engine, "Engine Safety/SafetyStage",
        "A fatal (grade 5) adverse event is reported, not managed: report it to pharmacovigilance.");

    public static readonly WarningCode NoToxicityRules = new("no-toxicity-rules", WarningSource.Engine, "Engine Safety/SafetyStage",
        "The knowledge base holds no dose-modification rules for the therapy of an adverse event.");

    public static readonly WarningCode Pregnancy = new("pregnancy", WarningSource.Engine, "Engine Safety/ReproductiveAdvice",
        "The patient is pregnant: the pregnancy pathway (obstetric input, gestational age, lactation; every ALK/ROS1 TKI can cause fetal harm).");

    public static readonly WarningCode Breastfeeding = new("breastfeeding", WarningSource.Engine, "Engine Safety/ReproductiveAdvice",
        "The patient is breastfeeding: no breastfeeding during treatment and for each option's label interval after the last dose.");

    public static readonly WarningCode UnknownMedication = new("unknown-medication", WarningSource.Engine, "Engine Safety/InteractionStage",
        "A co-medication the knowledge base does not know: check its interactions by hand (the likely names are suggested).");

    public static readonly WarningCode CombinationTakenNow = new("combination-taken-now", WarningSource.Engine, "Engine Safety/InteractionStage",
        "The TKI taken now and a co-medication taken now are a pair its label contraindicates: act now (stop or replace the co-medication, or hold the TKI until it is stopped and washed out), not only before a start.");

    // Engine: the whole result
    public static readonly WarningCode UnverifiedKnowledge = new("unverified-knowledge", WarningSource.Engine, "Engine FusionEngine",
        "The answer uses knowledge-base facts not yet verified against a primary source (named in the trace).");

    public static readonly WarningCode KnowledgeAfterRelease = new("knowledge-after-release", WarningSource.Engine, "Engine FusionEngine",
        "The evaluation date is after the knowledge base's release: labels, approvals and guidelines published since are not known to it.");
#pragma warning restore CS1591

    /// <summary>Every entry, in the order above (the order of docs/warning-codes.md).</summary>
    public static IReadOnlyList<WarningCode> All { get; } =
    [
        UnknownField, UnknownAlteration, FhirSkipped, FhirAssumed, PreliminaryResult,
        InadequateSample, CloneMismatch, UnvalidatedClone, WeakStaining, IhcContradicts, FishResultRecomputed, FishNucleiNotStated, NoResult, KinaseFindingNotFusion, UnconfirmedScreen, PlasmaNegative, SampleNotStated, TestFailed, DiscordantResults, ConcurrentDrivers, UncommonFusionPartner, TestAfterEvaluationDate, FindingsNotAtProgression, BypassNotRead,
        HistoryInconsistent, StopReasonMissing, BrainMetastasesFromSites, OutsideScope, StageNotGiven, BrainStatusNotGiven, StageInconsistent, CurativeIntent, AdjuvantStage, HistologicTransformation, SmallCellHistology, IntoleranceNotDescribed, NoTargetedOption, NoGuidelineTable, RegimenNotCoded, WhatComesNext,
        ApprovalUnknown, PriorImmunotherapy, MinorPatient, PoorPerformanceStatus, UnknownMutation, CompoundEstimated, UnphasedMutations,
        ToxicityUnattributed, Grade5Event, NoToxicityRules, Pregnancy, Breastfeeding, UnknownMedication, CombinationTakenNow,
        UnverifiedKnowledge, KnowledgeAfterRelease,
    ];
}
