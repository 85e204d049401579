using System.Collections.Frozen;
using FusionGuide.Domain;

namespace FusionGuide.Knowledge.Model;

/// <summary>
/// A drug record that may follow one region's label (monitoring schedules, comorbidity cautions): <see cref="Region"/>
/// is the region whose label it was read in, null when it applies everywhere. Records of one check in different regions'
/// labels share their <see cref="Topic"/> (a monitoring item's words, a caution's comorbidity).
/// </summary>
public interface IRegional
{
    /// <summary>The region whose label the record follows, or null for every region.</summary>
    Region? Region { get; }

    /// <summary>What the record is about: records of one topic are alternatives for different regions.</summary>
    string Topic { get; }
}

/// <summary>A record chosen for a case's region.</summary>
/// <param name="Record">The record.</param>
/// <param name="Borrowed">
/// True when it follows another region's label (shown because the case's region has no record of its own for this
/// topic) or the case names no region: the row must say whose label it is ("US label schedule not recorded; EU SmPC: …").
/// </param>
public sealed record RegionalChoice<T>(T Record, bool Borrowed);

/// <summary>Chooses, per topic, the records that apply to a case's region.</summary>
public static class RegionalRecords
{
    /// <summary>
    /// For each topic, in the records' order: the records of <paramref name="region"/> and those without a region; when
    /// there are none, every other region's record of that topic, marked borrowed, so that a check another region's
    /// label asks for is never dropped silently. A case without a region (null) gets every record, the regional ones
    /// marked borrowed (they say whose label they follow).
    /// </summary>
    public static IReadOnlyList<RegionalChoice<T>> For<T>(IEnumerable<T> records, Region? region)
        where T : IRegional
    {
        var all = records.ToList();
        if (region is null)
        {
            return [.. all.Select(r => new RegionalChoice<T>(r, r.Region is not null))];
        }

        var topicsWithOwn = all.Where(r => r.Region is null || r.Region == region)
            .Select(r => Key(r.Topic)).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. all.Where(r => r.Region is null || r.Region == region || !topicsWithOwn.Contains(Key(r.Topic)))
                .Select(r => new RegionalChoice<T>(r, r.Region is { } own && own != region)),
        ];
    }

    /// <summary>Topics match whatever their case and surrounding spaces.</summary>
    private static string Key(string topic) => topic.Trim().ToLowerInvariant();
}

/// <summary>
/// <see cref="RegionalRecords.For"/> of one list of records, chosen once for every region (and for none) — the knowledge
/// base builds a drug's table on the first case that reads it (KnowledgeBase.Monitoring / Cautions). Why: a drug's monitoring items and cautions were chosen per case and per drug, re-keying
/// every topic each time (bench: about 4 % of the engine path), though the choice depends on the knowledge and the region alone.
/// </summary>
public sealed class RegionalTable<T>
    where T : IRegional
{
    private readonly IReadOnlyList<RegionalChoice<T>> noRegion;
    private readonly FrozenDictionary<Region, IReadOnlyList<RegionalChoice<T>>> byRegion;

    /// <summary>Chooses <paramref name="records"/> for every region.</summary>
    public RegionalTable(IReadOnlyList<T> records)
    {
        noRegion = RegionalRecords.For(records, null);
        byRegion = Enum.GetValues<Region>().ToFrozenDictionary(r => r, r => RegionalRecords.For(records, r));
    }

    /// <summary>The records that apply to <paramref name="region"/>, as <see cref="RegionalRecords.For"/> chooses them.</summary>
    public IReadOnlyList<RegionalChoice<T>> For(Region? region) => region is { } r ? byRegion[r] : noRegion;
}
