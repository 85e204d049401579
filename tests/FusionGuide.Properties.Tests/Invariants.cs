using FusionGuide.Domain;
using FusionGuide.Domain.Validation;

namespace FusionGuide.Properties.Tests;

/// <summary>What must hold for every case the engine accepts. Each check throws with the reason when it breaks.</summary>
internal static class Invariants
{
    /// <summary>Evaluates the case and checks every result invariant and metamorphic relation.</summary>
    /// <param name="c">A case the reader accepted.</param>
    /// <param name="notices">The reader's notices for it.</param>
    /// <param name="pick">Chooses the unknown medication and the offered drug made unavailable.</param>
    public static void Hold(Case c, IReadOnlyList<InputNotice> notices, int pick)
    {
        var (result, json) = World.Evaluate(c, notices);

        var errors = World.SchemaErrors(json);
        Check(errors.Count == 0, "the result breaks result.schema.json: " + string.Join("; ", errors));

        var options = Options(result);
        var avoid = result.SystemicTherapy.Avoid.Select(a => a.Therapy).ToHashSet();
        var both = options.Where(avoid.Contains).ToList();
        Check(both.Count == 0, $"offered and avoided at once: {Names(both)}");

        var unavailableOffered = options.Where(c.Context.Unavailable.Contains).ToList();
        Check(unavailableOffered.Count == 0, $"offered though unavailable: {Names(unavailableOffered)}");
        if (c.Context.Available is { } available)
        {
            var outside = options.Where(o => !available.Contains(o)).ToList();
            Check(outside.Count == 0, $"offered though not in context.available [{Names(available)}]: {Names(outside)}");
        }

        var resistant = options.Where(ResistantDrugs(c).Contains).ToList();
        Check(resistant.Count == 0, $"offered though the knowledge base marks it resistant to a reported mutation set: {Names(resistant)}");

        var (_, again) = World.Evaluate(c, notices);
        Check(again == json, "the same case evaluated twice gave different bytes");

        var renamed = World.Evaluate(c with { Id = c.Id is "prop-renamed" ? "prop-renamed-2" : "prop-renamed" }, notices).Result;
        Check(Options(renamed).SequenceEqual(options), $"changing the case id changed the options: [{Names(options)}] → [{Names(Options(renamed))}]");

        var unknown = UnknownMedications.Names[pick % UnknownMedications.Names.Count];
        var withMedication = World.Evaluate(Edit.AddMedication(c, unknown), notices).Result;
        Check(Options(withMedication).SequenceEqual(options), $"adding the unknown medication '{unknown}' changed the options: [{Names(options)}] → [{Names(Options(withMedication))}]");

        if (options.Count > 0)
        {
            var dropped = options[pick % options.Count];
            var without = Options(World.Evaluate(Edit.MakeUnavailable(c, dropped), notices).Result);
            var added = without.Where(o => !options.Contains(o)).ToList();
            var context = $"(before [{Names(options)}], after [{Names(without)}])";

            // The brief's literal form ("never adds an option") is wrong for this engine: guideline tables admit their
            // lower tiers (crizotinib behind second-generation ALK TKIs, chemotherapy behind the last TKI, a switch
            // behind an ongoing TKI) when a drug of the tier above cannot be obtained (rule preferred-unavailable), so
            // a new option may rightly appear. What must hold: nothing the first result avoided comes back.
            var revived = added.Where(avoid.Contains).ToList();
            Check(revived.Count == 0, $"marking the offered {Codes.Therapy.Code(dropped)} unavailable offered what was avoided: {Names(revived)} {context}");
            Check(!without.Contains(dropped), $"{Codes.Therapy.Code(dropped)} is still offered after being marked unavailable");
        }
    }

    /// <summary>
    /// Drugs the knowledge base marks resistant to a mutation set reported at progression in ALK or ROS1: the row for
    /// exactly that set when there is one, otherwise the rows of its single mutations.
    /// </summary>
    public static IReadOnlySet<Therapy> ResistantDrugs(Case c)
    {
        var drugs = new HashSet<Therapy>();
        foreach (var test in c.Tests.Where(t => t.EffectiveTiming == TestTiming.Progression && t.Mutations.Count > 0 && t.Gene is Gene.Alk or Gene.Ros1))
        {
            var gene = Codes.Gene.Code(test.Gene);
            var set = test.Mutations.ToHashSet(StringComparer.Ordinal);
            var exact = World.Kb.Resistance.FirstOrDefault(r => r.Gene == gene && r.Mutations.ToHashSet(StringComparer.Ordinal).SetEquals(set));
            var rows = exact is not null
                ? [exact]
                : World.Kb.Resistance.Where(r => r.Gene == gene && r.Mutations.Count == 1 && set.Contains(r.Mutations[0])).ToList();
            foreach (var cell in rows.SelectMany(r => r.Cells).Where(x => x.Activity == "resistant"))
            {
                drugs.Add(Codes.Therapy.Parse(cell.Drug));
            }
        }

        return drugs;
    }

    private static List<Therapy> Options(Result r) => [.. r.SystemicTherapy.Options.Select(o => o.Therapy)];

    private static string Names(IEnumerable<Therapy> therapies) => string.Join(", ", therapies.Select(Codes.Therapy.Code));

    /// <summary>Throws <see cref="InvariantException"/> with the message when the condition is false.</summary>
    public static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvariantException(message);
        }
    }
}

/// <summary>A broken invariant (CsCheck shrinks to the smallest case that throws it).</summary>
internal sealed class InvariantException(string message) : Exception(message);
