using FusionGuide.Domain;

namespace FusionGuide.Knowledge.Model;

/// <summary>
/// A drug's pregnancy, lactation and reproductive-potential lines from its labels (US PI §8.1–8.3, EU SmPC 4.6;
/// <c>knowledge/reproductive/&lt;drug&gt;.json</c>): embryo-fetal toxicity, contraception for females and for males and
/// for how long after the last dose, and the breastfeeding interval. One line per topic and region.
/// </summary>
/// <param name="Id">Stable id (the file name).</param>
/// <param name="Drug">The drug.</param>
/// <param name="Facts">Its lines, each a sourced fact.</param>
/// <param name="Provenance">Sources of the record as a whole.</param>
public sealed record ReproductiveFacts(string Id, Therapy Drug, IReadOnlyList<ReproductiveFact> Facts, Provenance Provenance)
{
    /// <summary>
    /// The lines of <paramref name="topic"/> for a case in <paramref name="region"/>: that region's label when it has one,
    /// else every region's (each says whose label it is), so a value is never silently borrowed from another region.
    /// </summary>
    public IReadOnlyList<ReproductiveFact> For(ReproductiveTopic topic, Region region)
    {
        var all = Facts.Where(f => f.Topic == topic).ToList();
        var own = all.Where(f => f.Region == region).ToList();
        return own.Count > 0 ? own : all;
    }
}

/// <summary>One line of a drug's reproductive sections.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Topic">What it is about.</param>
/// <param name="Region">Whose label (US PI, EU SmPC …).</param>
/// <param name="Text">The line in the clinician's words, with the label's figures.</param>
/// <param name="Provenance">Sources and evidence.</param>
public sealed record ReproductiveFact(string Id, ReproductiveTopic Topic, Region Region, string Text, Provenance Provenance);
