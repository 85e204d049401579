namespace FusionGuide.Cohort.Synthesis;

/// <summary>
/// PCG32 (XSH-RR, O'Neill 2014): a small, fully specified generator, so a seed gives the same cohort on every
/// runtime and machine (System.Random's algorithm is unspecified and has changed between releases).
/// </summary>
public sealed class Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private readonly ulong increment;
    private ulong state;

    /// <summary>Seeds the generator; <paramref name="stream"/> selects one of 2^63 independent sequences.</summary>
    public Pcg32(ulong seed, ulong stream = 54)
    {
        increment = (stream << 1) | 1UL;
        state = 0;
        Next();
        state = unchecked(state + seed);
        Next();
    }

    /// <summary>The next 32 random bits.</summary>
    public uint Next()
    {
        unchecked
        {
            var old = state;
            state = (old * Multiplier) + increment;
            var xorShifted = (uint)(((old >> 18) ^ old) >> 27);
            var rot = (int)(old >> 59);
            return (xorShifted >> rot) | (xorShifted << ((-rot) & 31));
        }
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) without modulo bias (Lemire's method).</summary>
    public int Below(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        unchecked
        {
            var b = (uint)bound;
            var m = (ulong)Next() * b;
            var low = (uint)m;
            if (low < b)
            {
                var threshold = (0u - b) % b;
                while (low < threshold)
                {
                    m = (ulong)Next() * b;
                    low = (uint)m;
                }
            }

            return (int)(m >> 32);
        }
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Chance(int percent) => Below(100) < percent;

    /// <summary>One item of a list, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items[Below(items.Count)];
    }

    /// <summary>One item by integer weights.</summary>
    public T Weighted<T>(params ReadOnlySpan<(T Item, int Weight)> items)
    {
        var total = 0;
        foreach (var (_, w) in items)
        {
            total += w;
        }

        var r = Below(total);
        foreach (var (item, w) in items)
        {
            if (r < w)
            {
                return item;
            }

            r -= w;
        }

        throw new InvalidOperationException("unreachable: weights exhausted");
    }
}
