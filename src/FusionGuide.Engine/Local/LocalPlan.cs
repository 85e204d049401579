using FusionGuide.Domain;
using FusionGuide.Engine.Pipeline;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Engine.Local;

/// <summary>What the local stage decided: the procedures (contract rows), the brain plan's steps and the surveillance they call for.</summary>
internal sealed record LocalOutcome(IReadOnlyList<LocalTherapyOption> Options, IReadOnlyList<BrainPlanStep> BrainPlan, IReadOnlyList<MonitoringRow> Monitoring);

/// <summary>Collects the local stage's rows while its rules run; every addition writes its trace entry.</summary>
internal sealed class LocalPlan(Evaluation e)
{
    private readonly List<LocalTherapyOption> options = [];
    private readonly List<BrainPlanStep> steps = [];
    private readonly List<MonitoringRow> monitoring = [];

    public bool Has(LocalTherapy therapy) => options.Any(x => x.Therapy == therapy);

    /// <summary>Proposes a procedure once (the first rule to propose it writes its rationale).</summary>
    public void Add(LocalTherapy therapy, string rule, string rationale, LocalIndication indication = LocalIndication.BrainMetastases)
    {
        if (Has(therapy))
        {
            return;
        }

        var refs = e.Kb.Rule(rule)?.Provenance.Sources ?? [];
        rationale = Evaluation.Sentence(rationale);
        options.Add(new LocalTherapyOption { Therapy = therapy, Indication = indication, Rationale = rationale, References = refs });
        e.Fire(rule, rationale);
    }

    /// <summary>A step the engine words for this patient (a decision), with the references it rests on.</summary>
    public void Step(CarePathwayCode pathway, string text, IReadOnlyList<string> references) =>
        steps.Add(new BrainPlanStep { Pathway = pathway.Code(), Step = Evaluation.Sentence(text), References = [.. references.Distinct()] });

    /// <summary>
    /// Every step of a knowledge pathway, in its order; a surveillance step (item and schedule) also becomes a monitoring
    /// row of <paramref name="monitoredWith"/>, the therapy whose CNS activity the surveillance relies on.
    /// </summary>
    public void Pathway(CarePathwayCode code, string rule, Therapy? monitoredWith = null)
    {
        // The engine refuses to start on a base without every pathway (FusionEngine.MissingRequirements).
        var pathway = e.Kb.CarePathway(code)!;
        foreach (var s in pathway.Steps)
        {
            e.UsedUnverified(s.Id, s.Provenance);
            var caveat = s.Provenance.Verified ? null : $"Not yet verified against a primary source ({s.Id}).";
            steps.Add(new BrainPlanStep { Pathway = code.Code(), Step = s.Text, Caveat = caveat, References = s.Provenance.Sources });
            if (monitoredWith is { } therapy && s.Item is { } item && s.Schedule is { } schedule)
            {
                monitoring.Add(new MonitoringRow { Therapy = therapy, Item = item, Schedule = schedule, References = s.Provenance.Sources });
            }
        }

        e.Fire(rule, $"{pathway.Title}: {pathway.Steps.Count} step{(pathway.Steps.Count == 1 ? "" : "s")} in the brain plan{(monitoredWith is { } t ? $", surveillance in the monitoring section with {e.Name(t)}" : "")}.",
            [.. pathway.Steps.SelectMany(s => s.Provenance.Sources).Distinct()]);
    }

    public LocalOutcome Outcome() => new(options, steps, monitoring);
}
