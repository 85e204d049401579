using System.Text.Json.Serialization;
using FusionGuide.Domain;
using FusionGuide.Domain.Wire;

namespace FusionGuide.Knowledge.Medications;

/// <summary>RxNorm term types the table holds.</summary>
public enum RxNormTermType
{
    /// <summary><c>IN</c>: ingredient.</summary>
    [JsonStringEnumMemberName("IN")]
    Ingredient,
    /// <summary><c>PIN</c>: precise ingredient (a salt).</summary>
    [JsonStringEnumMemberName("PIN")]
    PreciseIngredient,
    /// <summary><c>MIN</c>: multiple ingredients.</summary>
    [JsonStringEnumMemberName("MIN")]
    MultipleIngredients,
    /// <summary><c>BN</c>: brand name.</summary>
    [JsonStringEnumMemberName("BN")]
    BrandName,
    /// <summary><c>SCD</c>: clinical drug (ingredient, strength, dose form).</summary>
    [JsonStringEnumMemberName("SCD")]
    ClinicalDrug,
    /// <summary><c>SBD</c>: branded drug.</summary>
    [JsonStringEnumMemberName("SBD")]
    BrandedDrug,
    /// <summary><c>GPCK</c>: generic pack.</summary>
    [JsonStringEnumMemberName("GPCK")]
    GenericPack,
    /// <summary><c>BPCK</c>: branded pack.</summary>
    [JsonStringEnumMemberName("BPCK")]
    BrandedPack,
}

/// <summary>What an anticancer ingredient is, for reading it as treatment history.</summary>
public enum AnticancerClass
{
    /// <summary><c>alk-ros1-tki</c>: a targeted drug of the knowledge base (a contract therapy by itself).</summary>
    [JsonStringEnumMemberName("alk-ros1-tki")]
    AlkRos1Tki,
    /// <summary><c>egfr-tki</c>: an EGFR TKI (no contract therapy names it).</summary>
    [JsonStringEnumMemberName("egfr-tki")]
    EgfrTki,
    /// <summary><c>platinum</c>: cisplatin or carboplatin.</summary>
    [JsonStringEnumMemberName("platinum")]
    Platinum,
    /// <summary><c>pemetrexed</c></summary>
    [JsonStringEnumMemberName("pemetrexed")]
    Pemetrexed,
    /// <summary><c>etoposide</c></summary>
    [JsonStringEnumMemberName("etoposide")]
    Etoposide,
    /// <summary><c>bevacizumab</c></summary>
    [JsonStringEnumMemberName("bevacizumab")]
    Bevacizumab,
    /// <summary><c>pd-1-pd-l1-inhibitor</c></summary>
    [JsonStringEnumMemberName("pd-1-pd-l1-inhibitor")]
    PdL1Inhibitor,
    /// <summary><c>docetaxel</c></summary>
    [JsonStringEnumMemberName("docetaxel")]
    Docetaxel,
    /// <summary><c>ramucirumab</c> (given with docetaxel)</summary>
    [JsonStringEnumMemberName("ramucirumab")]
    Ramucirumab,
    /// <summary><c>other-chemotherapy</c>: a platinum partner the contract's regimens do not name (paclitaxel, gemcitabine, vinorelbine).</summary>
    [JsonStringEnumMemberName("other-chemotherapy")]
    OtherChemotherapy,
}

/// <summary>The closed vocabularies of the medication-code table.</summary>
public static class MedicationTerms
{
    /// <summary><see cref="RxNormTermType"/>, as RxNorm writes it.</summary>
    public static EnumCodec<RxNormTermType> TermType => EnumCodec.Of<RxNormTermType>();

    /// <summary><see cref="AnticancerClass"/>.</summary>
    public static EnumCodec<AnticancerClass> Anticancer => EnumCodec.Of<AnticancerClass>();
}

/// <summary>An ingredient FusionGuide knows by name.</summary>
/// <param name="Name">The name as the knowledge base spells it (a drug id, or an interaction-class member).</param>
/// <param name="Anticancer">What it is as anticancer treatment; null for a co-medication.</param>
/// <param name="Therapy">The contract therapy it is by itself (an ALK/ROS1 TKI of the knowledge base), else null.</param>
public sealed record MedicationIngredient(string Name, AnticancerClass? Anticancer, Therapy? Therapy);

/// <summary>One RxNorm concept.</summary>
/// <param name="Code">The RXCUI.</param>
/// <param name="TermType">IN, SCD, SBD, BN … when read.</param>
/// <param name="Display">Its RxNorm name when read ("rifampin 300 MG Oral Capsule").</param>
/// <param name="Ingredients">The ingredients FusionGuide knows it contains; empty for a code kept only so as not to be confused.</param>
/// <param name="Verified">Read in two independent sources.</param>
public sealed record RxNormConcept(string Code, RxNormTermType? TermType, string? Display, IReadOnlyList<MedicationIngredient> Ingredients, bool Verified);

/// <summary>
/// RxNorm codes and product names → the ingredients FusionGuide knows (knowledge/medication-codes/rxnorm.json), typed
/// and checked against the knowledge base it was loaded with (<see cref="MedicationCodeLoader"/>).
/// </summary>
public sealed class MedicationCodeTable
{
    private readonly Dictionary<string, RxNormConcept> byCode;
    private readonly Dictionary<string, RxNormConcept> byDisplay;
    private readonly Dictionary<string, MedicationIngredient> byName;

    internal MedicationCodeTable(string rxNormRelease, IReadOnlyList<MedicationIngredient> ingredients, IReadOnlyList<RxNormConcept> concepts)
    {
        RxNormRelease = rxNormRelease;
        Ingredients = ingredients;
        byCode = concepts.ToDictionary(c => c.Code, StringComparer.Ordinal);
        byDisplay = new Dictionary<string, RxNormConcept>(StringComparer.Ordinal);
        foreach (var c in concepts.Where(c => c.Display is not null && c.Ingredients.Count > 0))
        {
            byDisplay.TryAdd(KnowledgeBase.NormaliseMedication(c.Display!), c);
        }

        byName = ingredients.ToDictionary(i => KnowledgeBase.NormaliseMedication(i.Name), StringComparer.Ordinal);
    }

    /// <summary>The RxNorm release the codes were read from.</summary>
    public string RxNormRelease { get; }

    /// <summary>Every ingredient, in the file's order.</summary>
    public IReadOnlyList<MedicationIngredient> Ingredients { get; }

    /// <summary>The concepts, by code.</summary>
    public IReadOnlyCollection<RxNormConcept> Concepts => byCode.Values;

    /// <summary>The concept of an RXCUI, or null when the table does not hold it.</summary>
    public RxNormConcept? Concept(string code) => byCode.GetValueOrDefault(code);

    /// <summary>The concept whose RxNorm name is <paramref name="display"/> (any case and spacing), or null.</summary>
    public RxNormConcept? ByDisplay(string display) => byDisplay.GetValueOrDefault(KnowledgeBase.NormaliseMedication(display));

    /// <summary>The ingredient of that name (any case and spacing), or null.</summary>
    public MedicationIngredient? Ingredient(string name) => byName.GetValueOrDefault(KnowledgeBase.NormaliseMedication(name));
}
