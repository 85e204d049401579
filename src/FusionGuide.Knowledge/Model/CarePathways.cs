using System.Text.Json.Serialization;

namespace FusionGuide.Knowledge.Model;

/// <summary>The care pathways of the brain plan and the pregnancy pathway (codes in <see cref="Terms.CarePathway"/>; one record each).</summary>
public enum CarePathwayCode
{
    /// <summary>Radiotherapy deferred while a CNS-active TKI controls asymptomatic brain metastases: MRI surveillance.</summary>
    [JsonStringEnumMemberName("deferred-radiotherapy")]
    DeferredRadiotherapy,

    /// <summary>How whole-brain radiotherapy is given when it is chosen (hippocampal avoidance, memantine).</summary>
    [JsonStringEnumMemberName("whole-brain-radiotherapy")]

    WholeBrainRadiotherapy,

    /// <summary>Leptomeningeal disease: neuraxis MRI, CSF cytology and ctDNA, a CNS-active TKI.</summary>
    [JsonStringEnumMemberName("leptomeningeal")]

    Leptomeningeal,

    /// <summary>Steroids for symptomatic oedema or mass effect.</summary>
    [JsonStringEnumMemberName("steroids-symptomatic")]

    SteroidsSymptomatic,

    /// <summary>No steroids for asymptomatic brain metastases.</summary>
    [JsonStringEnumMemberName("steroids-asymptomatic")]

    SteroidsAsymptomatic,

    /// <summary>MRI follow-up of the brain after radiosurgery (or stereotactic radiotherapy to a resection cavity).</summary>
    [JsonStringEnumMemberName("post-radiosurgery-surveillance")]
    PostRadiosurgerySurveillance,

    /// <summary>The pregnancy pathway: obstetric and maternal-fetal-medicine input, options by gestational age, delivery planning.</summary>
    [JsonStringEnumMemberName("pregnancy")]
    Pregnancy,
}

/// <summary>A care pathway: its steps in the order a clinician follows them.</summary>
/// <param name="Id">Stable id (the file name).</param>
/// <param name="Pathway">Which pathway.</param>
/// <param name="Title">A heading for the steps.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Provenance">Sources and evidence of the pathway as a whole.</param>
public sealed record CarePathway(string Id, CarePathwayCode Pathway, string Title, IReadOnlyList<CareStep> Steps, Provenance Provenance)
{
    /// <summary>Every pathway the engine needs (the engine refuses to start on a base that lacks one).</summary>
    public static IReadOnlyList<CarePathwayCode> Required { get; } = Enum.GetValues<CarePathwayCode>();
}

/// <summary>One step of a pathway.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Text">What to do, in the clinician's words (with the source's figures).</param>
/// <param name="Item">For a surveillance step, what is monitored (a monitoring row's item); otherwise null.</param>
/// <param name="Schedule">For a surveillance step, how often; otherwise null.</param>
/// <param name="Provenance">Sources and evidence.</param>
/// <param name="Option">Which options the step speaks to (it goes on their rows), or null for the pathway as a whole.</param>
public sealed record CareStep(string Id, string Text, string? Item, string? Schedule, Provenance Provenance, PathwayOption? Option = null);
