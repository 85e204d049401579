using System.Globalization;
using System.Text;

namespace FusionGuide.Cohort.Report;

/// <summary>A horizontal bar chart as inline SVG (labels left, bars scaled to the largest count, count and share right).</summary>
internal static class SvgBars
{
    private const int Width = 760;
    private const int LabelWidth = 260;
    private const int BarMax = 360;
    private const int Row = 22;

    public static string Render(string title, IReadOnlyList<(string Key, long Count)> rows, long denominator, string unit)
    {
        var max = rows.Count == 0 ? 1 : Math.Max(1, rows.Max(r => r.Count));
        var height = (rows.Count * Row) + 8;
        var s = new StringBuilder(256 + (rows.Count * 220));
        s.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\">");
        s.Append("<title>").Append(CohortReport.E($"{title} ({unit})")).Append("</title>\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (key, count) = rows[i];
            var y = 4 + (i * Row);
            var w = Math.Max(1, (int)Math.Round(BarMax * (double)count / max));
            var share = denominator > 0 ? (100.0 * count / denominator).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">").Append(CohortReport.E(key)).Append("</text>");
            s.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{w}\" height=\"{Row - 6}\"><title>")
             .Append(CohortReport.E(key)).Append(": ").Append(CohortReport.N(count)).Append("</title></rect>");
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + w + 6}\" y=\"{y + 15}\">").Append(CohortReport.N(count)).Append(' ').Append(share).Append("</text>\n");
        }

        s.Append("</svg>\n");
        return s.ToString();
    }
}
