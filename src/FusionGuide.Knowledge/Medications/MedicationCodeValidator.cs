using FusionGuide.Domain;
using FusionGuide.Knowledge.Loading;
using FusionGuide.Knowledge.Loading.Wire;

namespace FusionGuide.Knowledge.Medications;

/// <summary>
/// Every problem of the medication-code table at once, with the knowledge base's permanent codes: terms outside their
/// lists, evidence naming no source, verification without evidence, a code under two ingredients without saying it
/// holds both, a code kept "not to be confused" that is also mapped, an ingredient the knowledge base does not know,
/// and coverage — every interaction-class member and every targeted drug and regimen part of the base has its codes.
/// </summary>
internal static class MedicationCodeValidator
{
    public const string File = "medication-codes/rxnorm.json";
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    /// <summary>The anticancer classes the knowledge base's regimens are made of.</summary>
    private static readonly string[] RegimenParts = ["platinum", "pemetrexed", "etoposide", "bevacizumab", "pd-1-pd-l1-inhibitor", "docetaxel"];

    public static void Validate(WireMedicationCodes w, KnowledgeBase kb, List<KnowledgeProblem> problems)
    {
        void Add(string code, string message) => problems.Add(new(code, File, message));

        if (w.System != RxNorm)
        {
            Add(KnowledgeCodes.UnknownTerm, $"system '{w.System}' is not RxNorm ({RxNorm})");
        }

        var sources = w.SourcesUsed.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var classIds = kb.InteractionClasses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var owner = new Dictionary<string, (string Ingredient, bool Shared)>(StringComparer.Ordinal);
        foreach (var i in w.Ingredients)
        {
            var what = $"ingredient '{i.Name}'";
            if (i.Id != $"rxnorm-{i.Name}")
            {
                Add(KnowledgeCodes.BadId, $"{what}: id '{i.Id}' is not 'rxnorm-{i.Name}'");
            }

            Ingredient(i, what, kb, classIds, Add);
            foreach (var c in i.Codes)
            {
                Code(c, $"{what}, code {c.Code}", sources, Add);
                var shared = c.MultiIngredient == true || c.Pack == true;
                if (owner.TryGetValue(c.Code, out var first) && !(shared && first.Shared))
                {
                    Add(KnowledgeCodes.DuplicateId, $"code {c.Code} is listed under '{first.Ingredient}' and '{i.Name}' without multiIngredient or pack on both");
                }

                owner.TryAdd(c.Code, (i.Name, shared));
            }
        }

        foreach (var c in w.NotToBeConfused)
        {
            Code(new WireCode { Code = c.Code, Tty = c.Tty, Display = c.Display, Verified = c.Verified, Evidence = c.Evidence, EvidenceLevel = c.EvidenceLevel, VerificationNote = c.VerificationNote },
                $"not-to-be-confused code {c.Code}", sources, Add);
            if (owner.TryGetValue(c.Code, out var o))
            {
                Add(KnowledgeCodes.SelfContradiction, $"code {c.Code} is kept as not to be confused ({c.Display}) and also mapped to '{o.Ingredient}'");
            }
        }

        Coverage(w, kb, Add);
    }

    private static void Ingredient(WireIngredient i, string what, KnowledgeBase kb, Dictionary<string, Model.InteractionClass> classIds, Action<string, string> add)
    {
        foreach (var use in i.UsedIn.Where(u => u != "anticancer"))
        {
            if (!classIds.TryGetValue(use, out var cls))
            {
                add(KnowledgeCodes.UnknownTerm, $"{what}: usedIn '{use}' is neither 'anticancer' nor an interaction class of the knowledge base");
            }
            else if (!cls.Members.Any(m => KnowledgeBase.NormaliseMedication(m.Name) == KnowledgeBase.NormaliseMedication(i.Name)))
            {
                add(KnowledgeCodes.MissingRequired, $"{what}: usedIn '{use}', but that class does not list it");
            }
        }

        var anticancer = i.UsedIn.Contains("anticancer");
        if (anticancer != (i.AnticancerClass is not null))
        {
            add(KnowledgeCodes.MissingRequired, $"{what}: anticancerClass is given exactly when usedIn holds 'anticancer'");
        }

        if (i.AnticancerClass is { } ac && !MedicationTerms.Anticancer.TryParse(ac, out _))
        {
            add(KnowledgeCodes.UnknownTerm, $"{what}: anticancerClass '{ac}' is not one of {string.Join(", ", MedicationTerms.Anticancer.Codes)}");
        }

        var tki = Codes.Therapy.TryParse(i.Name, out var t) && kb.HasDrug(t) && kb.Drug(t).IsTargeted;
        if ((i.AnticancerClass == "alk-ros1-tki") != tki)
        {
            add(KnowledgeCodes.MissingRequired, $"{what}: anticancerClass 'alk-ros1-tki' is for the targeted drugs of the knowledge base, by id");
        }

        if (!anticancer && kb.Medication(i.Name).Generic is null)
        {
            add(KnowledgeCodes.MissingRequired, $"{what}: the knowledge base knows no medication of that name");
        }

        if (i.Codes.Count == 0 && string.IsNullOrWhiteSpace(i.VerificationNote))
        {
            // A drug withdrawn or not marketed where RxNorm is read may have no code: the note says what was searched.
            add(KnowledgeCodes.UnverifiedWithoutNote, $"{what}: no code, and no verificationNote saying what was searched");
        }
    }

    private static void Code(WireCode c, string what, HashSet<string> sources, Action<string, string> add)
    {
        if (c.Code.Length == 0 || !c.Code.All(char.IsAsciiDigit))
        {
            add(KnowledgeCodes.BadId, $"{what}: an RXCUI is digits only");
        }

        if (c.Tty is { } tty && !MedicationTerms.TermType.TryParse(tty, out _))
        {
            add(KnowledgeCodes.UnknownTerm, $"{what}: tty '{tty}' is not one of {string.Join(", ", MedicationTerms.TermType.Codes)}");
        }

        if (c.EvidenceLevel is { } level && !Model.Terms.EvidenceLevel.TryParse(level, out _))
        {
            add(KnowledgeCodes.UnknownTerm, $"{what}: evidenceLevel '{level}' is not one of {string.Join(", ", Model.Terms.EvidenceLevel.Codes)}");
        }

        foreach (var ev in c.Evidence)
        {
            Evidence(ev, what, sources, add);
        }

        if (c.Verified == true && c.Evidence.Select(e => e.Url).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            add(KnowledgeCodes.WeakEvidence, $"{what} counts as verified, which needs two independent readings (two evidence items with different addresses)");
        }

        if (c.Verified != true && string.IsNullOrWhiteSpace(c.VerificationNote))
        {
            add(KnowledgeCodes.UnverifiedWithoutNote, $"{what} is not verified and does not say what is missing (verificationNote)");
        }
    }

    private static void Evidence(Evidence ev, string what, HashSet<string> sources, Action<string, string> add)
    {
        if (!sources.Contains(ev.Reference))
        {
            add(KnowledgeCodes.DanglingReference, $"{what}: evidence names '{ev.Reference}', which is not in sourcesUsed");
        }

        if (string.IsNullOrWhiteSpace(ev.Locator) || string.IsNullOrWhiteSpace(ev.Says))
        {
            add(KnowledgeCodes.WeakEvidence, $"{what}: evidence from '{ev.Reference}' needs a locator and what it says");
        }

        if (!Uri.TryCreate(ev.Url, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
        {
            add(KnowledgeCodes.WeakEvidence, $"{what}: evidence url '{ev.Url}' is not an http(s) address");
        }
    }

    /// <summary>Every medication the knowledge base names for an interaction, and every anticancer drug its regimens are made of, has codes.</summary>
    private static void Coverage(WireMedicationCodes w, KnowledgeBase kb, Action<string, string> add)
    {
        var names = w.Ingredients.Select(i => KnowledgeBase.NormaliseMedication(i.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var m in kb.InteractionClasses.SelectMany(c => c.Members).Select(m => m.Name).Distinct(StringComparer.Ordinal))
        {
            if (!names.Contains(KnowledgeBase.NormaliseMedication(m)))
            {
                add(KnowledgeCodes.MissingRequired, $"interaction-class member '{m}' has no RxNorm codes");
            }
        }

        foreach (var d in kb.Drugs.Where(d => d.IsTargeted).Select(d => Codes.Therapy.Code(d.Therapy)).Where(id => !names.Contains(id)))
        {
            add(KnowledgeCodes.MissingRequired, $"targeted drug '{d}' has no RxNorm codes");
        }

        // The parts the regimens of the knowledge base are made of (platinum doublets, PD-(L)1 inhibitors, docetaxel).
        var classes = w.Ingredients.Select(i => i.AnticancerClass).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var part in RegimenParts.Where(p => !classes.Contains(p)))
        {
            add(KnowledgeCodes.MissingRequired, $"no ingredient of anticancerClass '{part}': the regimens of the knowledge base cannot be read from medication codes");
        }
    }
}
