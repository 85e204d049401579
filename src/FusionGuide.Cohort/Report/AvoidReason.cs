using FusionGuide.Domain;

namespace FusionGuide.Cohort.Report;

/// <summary>
/// Groups the engine's avoid reasons (free sentences written for the patient, joined by "; ") into the categories
/// the contract names: resistance, prior progression, intolerance, availability, regional approval, comorbidity,
/// and immunotherapy monotherapy; plus histology, performance status and no activity against the driver.
/// </summary>
public static class AvoidReason
{
    private static readonly (string Category, string[] Markers)[] Rules =
    [
        ("prior progression", ["progressed on it", "cns progression on it"]),
        ("intolerance or label stop", ["intolerance", "discontinue permanently"]),
        ("resistance mutation", ["ic50", " found on ", "resistant", "judged resistant"]),
        ("site availability", ["site cannot obtain", "obtainable therapies"]),
        ("regional approval", ["not approved in"]),
        ("immunotherapy monotherapy", ["checkpoint-inhibitor monotherapy", "regardless of pd-l1", "whatever the pd-l1"]),
        ("histology", ["squamous histology"]),
        ("performance status", ["ecog"]),
        ("no activity against the driver", ["no activity against"]),
    ];

    /// <summary>The categories of one avoid reason (each part classified once; unknown parts are "comorbidity or other").</summary>
    public static IEnumerable<string> Categories(Therapy therapy, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (therapy == Therapy.ImmunotherapyMonotherapy)
        {
            return ["immunotherapy monotherapy"];
        }

        var seen = new List<string>(2);
        foreach (var part in reason.Split("; ", StringSplitOptions.RemoveEmptyEntries))
        {
            var category = Classify(part);
            if (!seen.Contains(category))
            {
                seen.Add(category);
            }
        }

        return seen;
    }

    private static string Classify(string part)
    {
        foreach (var (category, markers) in Rules)
        {
            foreach (var m in markers)
            {
                if (part.Contains(m, StringComparison.OrdinalIgnoreCase))
                {
                    return category;
                }
            }
        }

        return "comorbidity or other";
    }
}
