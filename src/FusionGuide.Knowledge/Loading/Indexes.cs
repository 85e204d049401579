using System.Collections.Frozen;
using FusionGuide.Domain;
using FusionGuide.Knowledge.Model;

namespace FusionGuide.Knowledge.Loading;

/// <summary>The lookups <see cref="KnowledgeBase"/> builds once from the compiled facts.</summary>
internal static class Indexes
{
    /// <summary>A display name as written inside a sentence: "Alectinib" → "alectinib"; an acronym stays.</summary>
    public static string InSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    /// <summary>Activity rows by gene and mutation set (in any order); the first row for a set wins, as a scan in order would find it.</summary>
    public static FrozenDictionary<string, ResistanceRow> Resistance(IEnumerable<ResistanceRow> rows)
    {
        var byKey = new Dictionary<string, ResistanceRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            byKey.TryAdd(ResistanceKey(row.Gene, row.Mutations), row);
        }

        return byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static string ResistanceKey(Gene gene, IReadOnlyList<string> mutations) =>
        Codes.Gene.Code(gene) + "\0" + string.Join('\0', mutations.Order(StringComparer.Ordinal));

    /// <summary>Each trial or study cited by gene-specific records of exactly one kinase (tables, resistance rows, approvals, mechanisms).</summary>
    public static FrozenDictionary<string, Gene> KinaseOfReferences(KnowledgeContent kb, FrozenDictionary<string, Reference> references)
    {
        var genes = new Dictionary<string, HashSet<Gene>>(StringComparer.Ordinal);
        void Tie(Gene gene, IEnumerable<string> refs)
        {
            foreach (var r in refs)
            {
                if (!genes.TryGetValue(r, out var set))
                {
                    genes[r] = set = [];
                }

                set.Add(gene);
            }
        }

        foreach (var r in kb.Regimens.Where(r => r.Driver is not null))
        {
            Tie(r.Driver!.Value, [r.Guideline, .. r.Provenance.Sources, .. r.Entries.SelectMany(x => x.Provenance.Sources)]);
        }

        foreach (var row in kb.Resistance)
        {
            Tie(row.Gene, [.. row.Provenance.Sources, .. row.Cells.SelectMany(c => c.Provenance.Sources), .. row.Resensitises.SelectMany(x => x.Provenance.Sources)]);
        }

        foreach (var a in kb.Drugs.SelectMany(d => d.Approvals).Where(a => a.Gene is not null))
        {
            Tie(a.Gene!.Value, a.Provenance.Sources);
        }

        foreach (var m in kb.OffTarget.Where(m => m.Gene is not null))
        {
            Tie(m.Gene!.Value, m.Provenance.Sources);
        }

        foreach (var t in kb.Trials.Where(t => t.Driver is not null))
        {
            Tie(t.Driver!.Value, [.. t.Provenance.Sources, .. t.Results.Select(x => x.Reference).OfType<string>()]);
        }

        // Only trials and studies belong to a driver: a label, a guideline or a review speaks of the drug or of both kinases.
        // A study that declares its kinase belongs to it, whichever records cite it (a ROS1 paper's remark on ALK G1202R).
        var inferred = genes.Where(g => g.Value.Count == 1 && references.GetValueOrDefault(g.Key)?.Kind is ReferenceKind.Trial or ReferenceKind.Study)
            .Select(g => KeyValuePair.Create(g.Key, g.Value.First()));
        var declared = references.Values.Where(r => r.Driver is not null).Select(r => KeyValuePair.Create(r.Id, r.Driver!.Value)).ToList();
        return inferred.Where(g => declared.All(d => d.Key != g.Key)).Concat(declared)
            .ToFrozenDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Interaction classes by generic name, and every name (generic, alias, brand) to its generic: the members of the
    /// class files and the co-medication table together (a co-medication with no class is known, with none).
    /// </summary>
    public static (FrozenDictionary<string, InteractionClassCode[]>, FrozenDictionary<string, string>) Medications(IReadOnlyList<InteractionClass> classes,
        IReadOnlyList<Comedication> comedications)
    {
        var byGeneric = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cls in classes)
        {
            foreach (var m in cls.Members)
            {
                var generic = KnowledgeBase.NormaliseMedication(m.Name);
                if (!byGeneric.TryGetValue(generic, out var set))
                {
                    byGeneric[generic] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(Terms.InteractionClass.Code(cls.Class));
                canonical[generic] = generic;
                foreach (var alias in m.Aliases)
                {
                    canonical.TryAdd(KnowledgeBase.NormaliseMedication(alias), generic);
                }
            }
        }

        foreach (var m in comedications)
        {
            var generic = KnowledgeBase.NormaliseMedication(m.Name);
            if (!byGeneric.TryGetValue(generic, out var set))
            {
                byGeneric[generic] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(m.Classes.Select(Terms.InteractionClass.Code));
            canonical[generic] = generic;
            foreach (var alias in m.Aliases)
            {
                canonical.TryAdd(KnowledgeBase.NormaliseMedication(alias), generic);
            }
        }

        // Classes of one medication in the order of their codes, as before the knowledge base was typed.
        return (byGeneric.ToFrozenDictionary(k => k.Key, v => v.Value.Select(Terms.InteractionClass.Parse).ToArray(), StringComparer.Ordinal),
                canonical.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// A class file's entry (with the file that lists it) by class and canonical generic name; the first entry in file and member order wins, as the
    /// scan it replaces found it. Why: the interaction rows looked it up per pair, normalising every member's name each time.
    /// </summary>
    public static FrozenDictionary<(InteractionClassCode Class, string Generic), (InteractionClass File, ClassMember Member)> ClassMembers(IEnumerable<InteractionClass> classes)
    {
        var byKey = new Dictionary<(InteractionClassCode, string), (InteractionClass, ClassMember)>();
        foreach (var cls in classes)
        {
            foreach (var m in cls.Members)
            {
                byKey.TryAdd((cls.Class, KnowledgeBase.NormaliseMedication(m.Name)), (cls, m));
            }
        }

        return byKey.ToFrozenDictionary();
    }

    /// <summary>
    /// Targeted drugs by every normalised name a case may write them with (generic, contract code, brand); the first
    /// drug in order wins, as the scan it replaces found it. Why: each co-medication of each case was compared with every
    /// drug's names, normalising them each time.
    /// </summary>
    public static FrozenDictionary<string, Drug> TargetedByName(IEnumerable<Drug> drugs)
    {
        var byName = new Dictionary<string, Drug>(StringComparer.Ordinal);
        foreach (var d in drugs.Where(d => d.IsTargeted))
        {
            foreach (var name in d.Brands.Prepend(d.Therapy.Code()).Prepend(d.Name))
            {
                byName.TryAdd(KnowledgeBase.NormaliseMedication(name), d);
            }
        }

        return byName.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
