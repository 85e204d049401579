using FusionGuide.Domain;
using FusionGuide.Knowledge.Medications;

namespace FusionGuide.Fhir.Mapping;

/// <summary>
/// Anticancer drugs read from medication resources → treatment history. A TKI of the knowledge base is a therapy by
/// itself. Chemotherapy and immunotherapy come as one resource per drug: the drugs started on the same day are one
/// regimen, named as the contract names regimens (platinum + pemetrexed [+ bevacizumab], platinum + etoposide,
/// platinum + PD-(L)1 inhibitor = chemo-immunotherapy, a PD-(L)1 inhibitor alone, docetaxel ± ramucirumab).
/// Pemetrexed (± bevacizumab) started later is the maintenance of the platinum-pemetrexed line before it. Every
/// reading that is not exact is said in a notice; an EGFR TKI, which no contract therapy names, is named as history
/// the case cannot hold — never an unknown co-medication.
/// </summary>
internal static class AnticancerHistory
{
    public static void Add(MedicationIngredient ingredient, MedicationUse use, MappingContext ctx)
    {
        if (ingredient.Therapy is { } therapy)
        {
            TherapyReader.History(therapy, use, ctx);
        }
        else if (ingredient.Anticancer == AnticancerClass.EgfrTki)
        {
            ctx.Warn($"{use.Path}.medication", $"{ingredient.Name} is an EGFR TKI ({(use.Ongoing ? "current" : "earlier")} treatment): FusionGuide's case has no EGFR TKI therapy, so it is named here and not counted as a line");
        }
        else
        {
            ctx.Draft.RegimenParts.Add(new RegimenPart(ingredient, use, FhirDates.Earliest(use.Start)));
        }
    }

    /// <summary>Builds the regimens from the parts read (called once every resource is read).</summary>
    public static void Assemble(MappingContext ctx)
    {
        var lines = new List<(Therapy Therapy, List<RegimenPart> Parts)>();
        foreach (var day in ctx.Draft.RegimenParts.GroupBy(p => p.Start?.ToString("O") ?? p.Use.Path).OrderBy(g => g.First().Start ?? DateOnly.MaxValue))
        {
            var parts = day.ToList();
            var classes = parts.Select(p => p.Ingredient.Anticancer!.Value).ToHashSet();
            var names = string.Join(" + ", parts.Select(p => p.Ingredient.Name).Distinct());
            var path = parts[0].Use.Path;
            if (Regimen(classes) is { } therapy)
            {
                if (classes.Contains(AnticancerClass.Platinum) && classes.Contains(AnticancerClass.OtherChemotherapy) || classes.SetEquals([AnticancerClass.Platinum]))
                {
                    ctx.Warn($"{path}.medication", $"{names} read as platinum-based chemotherapy ({Codes.Therapy.Code(therapy)}, the contract's platinum doublet): its partner is not one the contract names", WarningCodes.FhirAssumed);
                }

                lines.Add((therapy, parts));
            }
            else if (classes.IsSubsetOf([AnticancerClass.Pemetrexed, AnticancerClass.Bevacizumab])
                && lines.LastOrDefault(l => l.Therapy is Therapy.PlatinumPemetrexed or Therapy.PlatinumPemetrexedBevacizumab) is { Parts: not null } induction)
            {
                // Maintenance continues the induction's line: it ends when the maintenance ends.
                induction.Parts.AddRange(parts);
            }
            else
            {
                ctx.Warn($"{path}.medication", $"{names} is not a regimen FusionGuide's case can name (platinum doublet, chemo-immunotherapy, PD-(L)1 inhibitor, docetaxel): not read as a line");
            }
        }

        foreach (var (therapy, parts) in lines)
        {
            var ongoing = parts.Any(p => p.Use.Ongoing);
            var use = new MedicationUse(
                ongoing, parts.All(p => p.Use.Completed),
                parts.Select(p => p.Use.Start).Where(s => s is not null).Min(StringComparer.Ordinal),
                ongoing ? null : parts.Select(p => p.Use.End).Where(s => s is not null).Max(StringComparer.Ordinal),
                [.. parts.SelectMany(p => p.Use.Reasons)], parts[0].Use.Path, parts[0].Use.Status);
            TherapyReader.History(therapy, use, ctx);
        }
    }

    private static Therapy? Regimen(HashSet<AnticancerClass> c)
    {
        var platinum = c.Contains(AnticancerClass.Platinum);
        return platinum && c.Contains(AnticancerClass.Etoposide) ? Therapy.PlatinumEtoposide
            : platinum && c.Contains(AnticancerClass.PdL1Inhibitor) ? Therapy.ChemoImmunotherapy
            : platinum && c.Contains(AnticancerClass.Pemetrexed) && c.Contains(AnticancerClass.Bevacizumab) ? Therapy.PlatinumPemetrexedBevacizumab
            : platinum && c.Contains(AnticancerClass.Pemetrexed) ? Therapy.PlatinumPemetrexed
            : platinum && c.IsSubsetOf([AnticancerClass.Platinum, AnticancerClass.OtherChemotherapy]) ? Therapy.PlatinumPemetrexed
            : c.SetEquals([AnticancerClass.PdL1Inhibitor]) ? Therapy.ImmunotherapyMonotherapy
            : c.Contains(AnticancerClass.Docetaxel) && c.IsSubsetOf([AnticancerClass.Docetaxel, AnticancerClass.Ramucirumab]) ? Therapy.Docetaxel
            : null;
    }
}

/// <summary>One anticancer drug of a regimen, until the regimens are assembled.</summary>
internal sealed record RegimenPart(MedicationIngredient Ingredient, MedicationUse Use, DateOnly? Start);
