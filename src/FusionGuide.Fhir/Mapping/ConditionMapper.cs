using FusionGuide.Domain;
using Hl7.Fhir.Model;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Condition → the primary lung cancer, found by code (ICD-10-CM / ICD-O-3 C34.x, SNOMED CT lung-cancer disorders)
/// or, for a primary-cancer Condition, by its lung body site (histology from the mCODE histology-morphology-behavior
/// extension or the code; AJCC stage from the stage summary, the code or that Condition's own staging observations);
/// primary cancers of other sites (out of FusionGuide's scope: read, named, never taken for the lung primary);
/// secondary cancers (brain metastases and other sites, by code or body site) and comorbidities. Refuted,
/// entered-in-error and resolved conditions are skipped with a warning.
/// </summary>
internal static class ConditionMapper
{
    public static void Map(Condition c, string path, MappingContext ctx)
    {
        var verification = Terminology.Code(c.VerificationStatus, "http://terminology.hl7.org/CodeSystem/condition-ver-status");
        var clinical = Terminology.Code(c.ClinicalStatus, "http://terminology.hl7.org/CodeSystem/condition-clinical");
        if (verification is "refuted" or "entered-in-error")
        {
            ctx.Warn($"{path}.verificationStatus", $"condition {Terminology.Describe(c.Code)} is {verification}: not read");
            return;
        }

        // A provisional, differential or unconfirmed diagnosis is a question, not a finding: read as established, a
        // suspected ILD would carry an ILD caveat on every option and suspected brain metastases a brain plan.
        if (verification is "provisional" or "differential" or "unconfirmed")
        {
            ctx.Warn($"{path}.verificationStatus", $"condition {Terminology.Describe(c.Code)} is {verification} (not confirmed): not read; confirm it to have it counted");
            return;
        }

        var profiles = c.Meta?.Profile.ToList() ?? [];
        if (clinical is "resolved" or "inactive")
        {
            ctx.Warn($"{path}.clinicalStatus", IsSecondary(c, profiles) && SiteOf(c) == MetastaticSite.Brain
                ? ResolvedBrainMetastases(c, clinical)
                : $"condition {Terminology.Describe(c.Code)} is {clinical}: not read");
            return;
        }

        // A lung-cancer code (C34, a SNOMED CT lung-cancer disorder) is the primary whatever its words say: "Metastatic
        // adenocarcinoma of right upper lobe of lung" on a C34.11 problem-list entry describes the primary's spread.
        if (!HasSecondaryProfile(profiles) && CancerCodes.IsLungPrimary(c.Code))
        {
            Primary(c, path, ctx);
        }
        else if (IsSecondary(c, profiles))
        {
            Secondary(c, path, ctx);
        }
        else if (IsPrimaryCancer(c, profiles) && c.BodySite.Any(CancerCodes.IsLungSite))
        {
            Primary(c, path, ctx);
        }
        else if (IsPrimaryCancer(c, profiles))
        {
            var site = c.BodySite.Count > 0 ? $" (site {string.Join(", ", c.BodySite.Select(Terminology.Describe))})" : " (no lung site or lung cancer code)";
            ctx.Draft.OtherPrimaries.Add((c, $"{Terminology.Describe(c.Code)}{site}"));
            ctx.Warn($"{path}.code", $"the primary cancer {Terminology.Describe(c.Code)}{site} is not a lung cancer: out of FusionGuide's scope, not read");
        }
        else if (ComorbidityCodes.Of(c.Code) is { } comorbidity)
        {
            if (!ctx.Draft.Comorbidities.Contains(comorbidity))
            {
                ctx.Draft.Comorbidities.Add(comorbidity);
            }
        }
        else if (ComorbidityCodes.ObstetricNotPregnancy(c.Code) is { } meaning)
        {
            ctx.Warn($"{path}.code", $"condition {Terminology.Describe(c.Code)} is {meaning}: not read as a current pregnancy; whether she is pregnant now is to be checked");
        }
        else
        {
            ctx.Warn($"{path}.code", $"condition {Terminology.Describe(c.Code)} is not a comorbidity FusionGuide maps");
        }
    }

    private static bool HasSecondaryProfile(List<string?> profiles) =>
        profiles.Any(p => p is not null && p.EndsWith("secondary-cancer-condition", StringComparison.Ordinal));

    private static bool IsSecondary(Condition c, List<string?> profiles) => HasSecondaryProfile(profiles) || CancerCodes.IsSecondary(c.Code);

    /// <summary>The metastasis's site from its code, else from its body site; null when neither maps.</summary>
    private static MetastaticSite? SiteOf(Condition c) =>
        CancerCodes.SiteOf(c.Code) ?? c.BodySite.Select(CancerCodes.SiteOf).FirstOrDefault(s => s is not null);

    /// <summary>
    /// Resolved brain metastases (typically after radiosurgery or resection) are not read as present. The case's
    /// <c>brainMetastases.present</c> means lesions on imaging now and it has no field for "treated": read as present,
    /// the brain plan would be made for lesions already treated (radiotherapy deferred, steroids). Treated brain
    /// metastases still bear on the choice of a CNS-active TKI, so the warning says so; a Condition in remission (lesions
    /// still seen, controlled) is read as present.
    /// </summary>
    private static string ResolvedBrainMetastases(Condition c, string clinical) =>
        $"brain metastases {Terminology.Describe(c.Code)} have clinical status '{clinical}': not read as present, since the case cannot record brain metastases "
        + "as treated and 'present' means lesions on imaging now. A history of brain metastases still favours a CNS-active TKI: if lesions remain on imaging, "
        + "record them as active or in remission (or enter brainMetastases in the case)";

    private static bool IsPrimaryCancer(Condition c, List<string?> profiles) =>
        profiles.Any(p => p is not null && p.EndsWith("primary-cancer-condition", StringComparison.Ordinal)) || CancerCodes.IsCancer(c.Code);

    private static void Primary(Condition c, string path, MappingContext ctx)
    {
        ctx.Draft.LungPrimaries.Add(c);
        var ext = c.Extension.FindIndex(e => e.Url == Terminology.HistologyExtension);
        var morphology = ext >= 0 ? c.Extension[ext].Value as CodeableConcept : null;
        var histology = CancerCodes.HistologyOf(morphology) ?? CancerCodes.HistologyOf(c.Code);
        if (histology is null)
        {
            ctx.Warn(ext >= 0 ? $"{path}.extension[{ext}].valueCodeableConcept" : $"{path}.code", $"the histology {Terminology.Describe(morphology ?? c.Code)} is not one FusionGuide maps");
        }
        else if (ctx.Draft.Histology is { } earlier && earlier != histology)
        {
            ctx.Warn($"{path}.code", $"a second primary cancer with histology {Codes.Histology.Code(histology.Value)} (the first read was {Codes.Histology.Code(earlier)}): the first is kept");
        }
        else
        {
            ctx.Draft.Histology = histology;
        }

        ReadStages(c, path, ctx);
    }

    /// <summary>
    /// The primary's stage groups, each dated by its assessment Observations (the latest of them; undated without one):
    /// the case takes the latest of all stages on record (<see cref="CaseAssembler"/>), so a restaging to IVB is not
    /// hidden behind the diagnosis's IIIA. The stage a disorder code carries is read only when none is recorded.
    /// </summary>
    private static void ReadStages(Condition c, string path, MappingContext ctx)
    {
        var entry = ctx.EntryOf(c);
        var read = false;
        for (var i = 0; i < c.Stage.Count; i++)
        {
            var stage = CancerCodes.StageOf(c.Stage[i].Summary);
            if (stage is null)
            {
                ctx.Warn($"{path}.stage[{i}].summary", $"the stage {Terminology.Describe(c.Stage[i].Summary)} is not an AJCC stage group FusionGuide maps");
            }
            else
            {
                ctx.Draft.Stages.Add(new StageReading(stage.Value, AssessedOn(c.Stage[i], ctx), $"{path}.stage[{i}].summary", entry));
                read = true;
            }
        }

        // The stage the code carries ("Non-small cell carcinoma of lung, TNM stage 4").
        if (CancerCodes.StageOfDisorder(c.Code) is { } coded)
        {
            if (coded.Stage is { } s)
            {
                ctx.Draft.StageFromCode ??= s;
            }
            else if (!read)
            {
                ctx.Warn($"{path}.code", $"the code {Terminology.Describe(c.Code)} gives stage {coded.Group} without its AJCC subgroup: the stage is not read from it");
            }
        }
    }

    /// <summary>When a stage was assessed: the latest date of its assessment Observations, or null.</summary>
    private static DateOnly? AssessedOn(Condition.StageComponent stage, MappingContext ctx) =>
        stage.Assessment.Select(a => ctx.Resolve<Observation>(a)).OfType<Observation>()
            .Select(o => FhirDates.Earliest(ObservationDates.Effective(o))).Max();

    private static void Secondary(Condition c, string path, MappingContext ctx)
    {
        var site = SiteOf(c);
        if (site is null)
        {
            ctx.Warn($"{path}.bodySite", $"the site of the metastasis {Terminology.Describe(c.Code)} is not one FusionGuide maps: read as 'other'", WarningCodes.FhirAssumed);
            site = MetastaticSite.Other;
        }

        ctx.Draft.AddSite(site.Value);
        if (site == MetastaticSite.Brain)
        {
            var words = $"{Terminology.Words(c.Code)} {string.Join(" ", c.BodySite.Select(Terminology.Words))}";
            var lepto = Terminology.Mentions(words, "leptomening") || Terminology.Mentions(words, "meningeal carcinomatosis") ? true : (bool?)null;
            ctx.Draft.Brain = (ctx.Draft.Brain ?? new BrainMetastases()) with { Present = true, Leptomeningeal = lepto ?? ctx.Draft.Brain?.Leptomeningeal };
        }
    }
}
