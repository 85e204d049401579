namespace FusionGuide.Knowledge.Model;

/// <summary>
/// Sources that disagree about a fact (issue #17: "recorded as disputed with both sources"). The fact keeps the value
/// the knowledge base acts on; the dispute records what each side says and where it was read, so a reviewer sees both
/// and the engine can name the disagreement on the row the fact decides. Written as the optional <c>disputed</c> block
/// on any fact with provenance (docs/knowledge-format.md); the validator requires at least two positions, each with
/// evidence (KB020).
/// </summary>
/// <param name="Summary">One line: what the sources disagree about and which side the value follows.</param>
/// <param name="Positions">What each source (or group of sources) says, with its evidence; at least two.</param>
public sealed record Dispute(string Summary, IReadOnlyList<DisputePosition> Positions);

/// <summary>One side of a dispute.</summary>
/// <param name="Value">What this side says the value is ("resistant: emerges at progression on ceritinib").</param>
/// <param name="Evidence">Where it was read: evidence items as on any fact (locator, address, date, paraphrase).</param>
public sealed record DisputePosition(string Value, IReadOnlyList<Evidence> Evidence);
