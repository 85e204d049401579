using FusionGuide.Domain;

namespace FusionGuide.Knowledge.Model;

/// <summary>A common co-medication with its standing in the interaction classes, its own label's rules and its swap.</summary>
/// <param name="Id">Stable id (the generic name in kebab-case).</param>
/// <param name="Name">Lower-case generic name.</param>
/// <param name="Aliases">Brand names and other spellings.</param>
/// <param name="Group">Which kind of co-medication (steroid, antiepileptic, …).</param>
/// <param name="Classes">Its own interaction classes; empty when it has none of them (a known "none", never an unknown).</param>
/// <param name="Rules">What its own label says about a drug of a given class.</param>
/// <param name="Swap">The usual alternative, if one exists.</param>
/// <param name="Provenance">Sources and verification of its standing.</param>
public sealed record Comedication(string Id, string Name, IReadOnlyList<string> Aliases, ComedicationGroup Group, IReadOnlyList<InteractionClassCode> Classes,
    IReadOnlyList<ComedicationRule> Rules, ComedicationSwap? Swap, Provenance Provenance);

/// <summary>The co-medication's own label about a drug of <paramref name="TherapyClass"/>.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="TherapyClass">The class the other drug (the TKI) belongs to.</param>
/// <param name="Severity">The label's severity for the pair.</param>
/// <param name="Advice">The label's advice.</param>
/// <param name="Validity">When it is in force.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record ComedicationRule(string Id, InteractionClassCode TherapyClass, Severity Severity, string Advice, Validity Validity, Provenance Provenance);

/// <summary>The usual alternative when the pair interacts through one of <paramref name="Reasons"/>.</summary>
/// <param name="Id">Stable id.</param>
/// <param name="To">The alternatives (generic names the knowledge base knows).</param>
/// <param name="Reasons">The interaction mechanisms (classes) the swap avoids.</param>
/// <param name="Text">The swap in words.</param>
/// <param name="Provenance">Sources and verification.</param>
public sealed record ComedicationSwap(string Id, IReadOnlyList<string> To, IReadOnlyList<InteractionClassCode> Reasons, string Text, Provenance Provenance);
