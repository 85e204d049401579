namespace FusionGuide.Domain;

/// <summary>The engine's answer for one case (contract version 1).</summary>
public sealed record Result
{
    /// <summary>The case's id, echoed.</summary>
    public string? CaseId { get; init; }

    /// <summary>Version of the knowledge base that produced the result.</summary>
    public required string KnowledgeBaseVersion { get; init; }

    /// <summary>The evaluation date (ISO) the knowledge was read at (project extension).</summary>
    public string? AsOf { get; init; }

    /// <summary>What the tests establish and what to test next.</summary>
    public required Diagnosis Diagnosis { get; init; }

    /// <summary>Setting, line, ranked options and drugs to avoid.</summary>
    public required SystemicTherapy SystemicTherapy { get; init; }

    /// <summary>Local therapy proposals.</summary>
    public IReadOnlyList<LocalTherapyOption> LocalTherapy { get; init; } = [];

    /// <summary>The brain plan's steps beside the local therapies (project extension; null when there is none).</summary>
    public IReadOnlyList<BrainPlanStep>? BrainPlan { get; init; }

    /// <summary>Starting doses and reductions.</summary>
    public IReadOnlyList<DosingRow> Dosing { get; init; } = [];

    /// <summary>Label actions for the case's adverse events.</summary>
    public IReadOnlyList<ToxicityRow> ToxicityManagement { get; init; } = [];

    /// <summary>What to monitor and when.</summary>
    public IReadOnlyList<MonitoringRow> Monitoring { get; init; } = [];

    /// <summary>Drug interactions with the case's medications.</summary>
    public IReadOnlyList<InteractionRow> Interactions { get; init; } = [];

    /// <summary>Warnings about the case as a whole.</summary>
    public IReadOnlyList<Warning> Warnings { get; init; } = [];

    /// <summary>
    /// The evidence behind the options, each trial or guideline once, of the case's driver and setting only (project
    /// extension; null when no option rests on recorded evidence).
    /// </summary>
    public IReadOnlyList<EvidenceEntry>? Evidence { get; init; }

    /// <summary>Every rule that shaped the result, in order.</summary>
    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];
}

/// <summary>The diagnosis section.</summary>
public sealed record Diagnosis
{
    /// <summary>The established driver.</summary>
    public required Driver Driver { get; init; }

    /// <summary>Status per gene: ALK and ROS1 always, then every other gene tested (fixed order).</summary>
    public required IReadOnlyDictionary<string, GeneStatus> Genes { get; init; }

    /// <summary>Fusion partner reported by NGS (or RT-PCR), if any.</summary>
    public string? FusionPartner { get; init; }

    /// <summary>EML4-ALK variant reported by the laboratory (project extension).</summary>
    public string? FusionVariant { get; init; }

    /// <summary>Tests to order next.</summary>
    public IReadOnlyList<NextTest> NextTests { get; init; } = [];

    /// <summary>Diagnostic warnings.</summary>
    public IReadOnlyList<Warning> Warnings { get; init; } = [];
}

/// <summary>A test to order next.</summary>
public sealed record NextTest
{
    /// <summary>Gene symbol.</summary>
    public required string Gene { get; init; }

    /// <summary>Method.</summary>
    public required TestMethod Method { get; init; }

    /// <summary>Specimen, when it matters.</summary>
    public Sample? Sample { get; init; }

    /// <summary>Why, for this patient.</summary>
    public required string Reason { get; init; }

    /// <summary>Reference ids (project extension).</summary>
    public IReadOnlyList<string>? References { get; init; }
}

/// <summary>Systemic therapy section.</summary>
public sealed record SystemicTherapy
{
    /// <summary>The setting.</summary>
    public required Setting Setting { get; init; }

    /// <summary>Line of therapy for advanced disease (null where it does not apply).</summary>
    public int? Line { get; init; }

    /// <summary>Ranked options; the first is the engine's first choice.</summary>
    public IReadOnlyList<TherapyOption> Options { get; init; } = [];

    /// <summary>Therapies ruled out, with the reason.</summary>
    public IReadOnlyList<AvoidItem> Avoid { get; init; } = [];
}

/// <summary>A ranked systemic option.</summary>
public sealed record TherapyOption
{
    /// <summary>The therapy.</summary>
    public required Therapy Therapy { get; init; }

    /// <summary>Guideline preference.</summary>
    public required Preference Preference { get; init; }

    /// <summary>Why this therapy for this patient.</summary>
    public required string Rationale { get; init; }

    /// <summary>Reference ids (trials, guidelines, labels).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Guideline category of evidence, where the guideline gives one (project extension).</summary>
    public string? Category { get; init; }

    /// <summary>Set when the option is a combination: what the therapy is given with, off-label or in a trial (project extension).</summary>
    public TherapyCombination? Combination { get; init; }
}

/// <summary>A therapy ruled out.</summary>
public sealed record AvoidItem
{
    /// <summary>The therapy.</summary>
    public required Therapy Therapy { get; init; }

    /// <summary>Why, for this patient.</summary>
    public required string Reason { get; init; }

    /// <summary>Reference ids (project extension).</summary>
    public IReadOnlyList<string>? References { get; init; }
}

/// <summary>A local therapy proposal.</summary>
public sealed record LocalTherapyOption
{
    /// <summary>The local therapy.</summary>
    public required LocalTherapy Therapy { get; init; }

    /// <summary>The indication.</summary>
    public required LocalIndication Indication { get; init; }

    /// <summary>Why, for this patient.</summary>
    public required string Rationale { get; init; }

    /// <summary>Reference ids (project extension).</summary>
    public IReadOnlyList<string>? References { get; init; }
}

/// <summary>Dosing of one therapy.</summary>
public sealed record DosingRow
{
    /// <summary>The therapy.</summary>
    public required Therapy Therapy { get; init; }

    /// <summary>Starting dose, including any lead-in.</summary>
    public required string Start { get; init; }

    /// <summary>Dose-reduction levels in order.</summary>
    public IReadOnlyList<string> Reductions { get; init; } = [];

    /// <summary>Food instruction (project extension).</summary>
    public string? Food { get; init; }

    /// <summary>Organ-function adjustments that apply to this patient, and a regimen's organ-function cautions (project extension).</summary>
    public IReadOnlyList<string>? Adjustments { get; init; }

    /// <summary>
    /// The label's pregnancy, breastfeeding and contraception lines for this patient, each saying whose label it is
    /// (project extension; the report shows them under their own heading).
    /// </summary>
    public IReadOnlyList<string>? Reproductive { get; init; }

    /// <summary>A chemotherapy regimen's premedication and supplements, each with when it is given (project extension).</summary>
    public IReadOnlyList<string>? Premedication { get; init; }

    /// <summary>A chemotherapy regimen's maintenance phase after the induction cycles (project extension).</summary>
    public string? Maintenance { get; init; }

    /// <summary>Names the knowledge this row rests on that is not yet verified against a primary source (project extension).</summary>
    public string? Caveat { get; init; }

    /// <summary>Reference ids (project extension).</summary>
    public IReadOnlyList<string>? References { get; init; }
}

/// <summary>Management of one adverse event.</summary>
public sealed record ToxicityRow
{
    /// <summary>The therapy the event is attributed to.</summary>
    public required Therapy Therapy { get; init; }

    /// <summary>The event.</summary>
    public required AdverseEventCode Event { get; init; }

    /// <summary>CTCAE grade.</summary>
    public required int Grade { get; init; }

    /// <summary>The label's action.</summary>
    public required ToxicityAction Action { get; init; }

    /// <summary>The resulting dose (null when the drug is stopped).</summary>
    public string? Dose { get; init; }

    /// <summary>Supportive care and referrals.</summary>
    public IReadOnlyList<string> Supportive { get; init; } = [];

    /// <summary>The label's rule in words (project extension).</summary>
    public string? Rule { get; init; }

    /// <summary>Says when the label rule applied is not yet verified against a primary source (project extension).</summary>
    public string? Caveat { get; init; }

    /// <summary>Reference ids (project extension).</summary>
    public IReadOnlyList<string>? References { get; init; }
}

/// <summary>A monitoring item.</summary>
public sealed record MonitoringRow
{
    /// <summary>The therapy that calls for it.</summary>
    public required Therapy Therapy { get; init; }

    /// <summary>What to measure.</summary>
    public required string Item { get; init; }

    /// <summary>When.</summary>
    public required string Schedule { get; init; }

    /// <summary>Reference ids (project extension).</summary>
    public IReadOnlyList<string>? References { get; init; }
}

/// <summary>A drug interaction.</summary>
public sealed record InteractionRow
{
    /// <summary>The FusionGuide therapy.</summary>
    public required Therapy Therapy { get; init; }

    /// <summary>The co-medication as the case named it.</summary>
    public required string With { get; init; }

    /// <summary>Severity.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The label's advice.</summary>
    public required string Advice { get; init; }

    /// <summary>Mechanism class (project extension), e.g. <c>cyp3a-strong-inducer</c>.</summary>
    public string? Mechanism { get; init; }

    /// <summary>Reference ids (project extension).</summary>
    public IReadOnlyList<string>? References { get; init; }
}

/// <summary>A warning with a stable code.</summary>
public sealed record Warning(string Code, string Message);

/// <summary>One rule's contribution to the result.</summary>
public sealed record TraceEntry
{
    /// <summary>Stable rule id (e.g. DX-FISH-001).</summary>
    public required string Rule { get; init; }

    /// <summary>What the rule found and decided, for this patient.</summary>
    public required string Detail { get; init; }

    /// <summary>Reference ids.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}
