using FusionGuide.Knowledge.Loading.Wire;

namespace FusionGuide.Knowledge.Loading;

internal static partial class KnowledgeValidator
{
    private sealed partial class Checker
    {
        // A dispute records both sides of a disagreement, each where it was read (issue #17: "recorded as disputed
        // with both sources"): a block with one side, or a side without evidence, is an unsupported claim (KB020).
        private void Disputed(string file, string what, Dispute? dispute)
        {
            if (dispute is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(dispute.Summary))
            {
                Add(KnowledgeCodes.BadDispute, file, $"{what}: the disputed block needs a one-line summary of what the sources disagree about");
            }

            if (dispute.Positions.Count < 2)
            {
                Add(KnowledgeCodes.BadDispute, file, $"{what}: a dispute needs at least two positions, each with its evidence ({dispute.Positions.Count} given)");
            }

            foreach (var (position, i) in dispute.Positions.Select((p, i) => (p, i + 1)))
            {
                if (string.IsNullOrWhiteSpace(position.Value))
                {
                    Add(KnowledgeCodes.BadDispute, file, $"{what}: disputed position {i} does not say what its source states");
                }

                if (position.Evidence.Count == 0)
                {
                    Add(KnowledgeCodes.BadDispute, file, $"{what}: disputed position {i} ('{position.Value}') records no evidence: add where it was read");
                }

                foreach (var ev in position.Evidence)
                {
                    Evidence(file, $"{what} (disputed position {i})", ev);
                }
            }
        }
    }
}
