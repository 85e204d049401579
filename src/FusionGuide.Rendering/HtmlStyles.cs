namespace FusionGuide.Rendering;

/// <summary>The report's only style sheet, inlined so the document needs nothing else.</summary>
internal static class HtmlStyles
{
    // Badge colours pass WCAG AA contrast; borders differ too, so badges stay distinct in greyscale print.
    public const string Css = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
        h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
        h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; font-size: 0.92rem; }
        th, td { border: 1px solid #9a9a9a; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
        th { background: #ececec; }
        p.none { font-style: italic; color: #444; }
        .badge { display: inline-block; padding: 0.05rem 0.45rem; border-radius: 0.6rem; font-size: 0.85rem; font-weight: 600; white-space: nowrap; }
        .badge-preferred { background: #d7f0d9; color: #14501a; border: 2px solid #14501a; }
        .badge-other-recommended { background: #dbe8fb; color: #0b3d8c; border: 2px dashed #0b3d8c; }
        .badge-certain-circumstances { background: #fde9c4; color: #6a3d00; border: 2px dotted #6a3d00; }
        a { color: #0b3d8c; }
        ol.references li { margin-bottom: 0.35rem; }
        .ref-id { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; font-size: 0.85rem; margin-right: 0.4rem; }
        .missing { font-style: italic; color: #8a1c1c; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2, h3 { break-after: avoid; }
          tr, li { break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
          .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }

        """;
}
