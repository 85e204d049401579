using FusionGuide.Knowledge.Loading;

namespace FusionGuide.Batch.Tests;

/// <summary>
/// The runtime knowledge image a start reads leaves out provenance text no answer prints (KnowledgeImage): the golden
/// cohort's results are the same bytes with it, with the provenance part, and never make the image read that part.
/// </summary>
public sealed class KnowledgeImageResultTests
{
    [Fact]
    public void The_golden_cohort_is_answered_without_reading_the_provenance_part()
    {
        var reads = 0;
        var kb = KnowledgeLoader.LoadImage(Resource(KnowledgeImage.RuntimeResource), () =>
        {
            reads++;
            return KnowledgeLoader.EmbeddedWithProvenance;
        }, KnowledgeImage.BuiltHash);

        Assert.Equal(GoldenTests.ExpectedSha256, GoldenTests.Compute(kb));
        Assert.Equal(0, reads);
    }

    [Fact]
    public void The_golden_cohort_gets_the_same_bytes_from_the_provenance_part_as_from_the_runtime_image() =>
        Assert.Equal(GoldenTests.ExpectedSha256, GoldenTests.Compute(KnowledgeLoader.EmbeddedWithProvenance));

    private static byte[] Resource(string name)
    {
        using var stream = typeof(KnowledgeLoader).Assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
