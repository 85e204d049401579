namespace FusionGuide.Rendering;

// One document model for both output formats, so Markdown and HTML always carry the same sections.

/// <summary>A run of inline content inside a cell.</summary>
internal abstract record Inline;

/// <summary>Plain text from the result or from the renderer.</summary>
internal sealed record TextRun(string Text) : Inline;

/// <summary>A citation of one reference id; <paramref name="Label"/> is what the reader sees.</summary>
internal sealed record ReferenceLink(string Id, string Label) : Inline;

/// <summary>A guideline preference, shown as a labelled badge.</summary>
internal sealed record PreferenceBadge(Preference Preference) : Inline;

/// <summary>The content of one table cell or fact value.</summary>
internal sealed record Cell(IReadOnlyList<Inline> Content)
{
    public static Cell Of(string text) => new([new TextRun(text)]);
}

/// <summary>A block inside a section.</summary>
internal abstract record Block;

/// <summary>Label–value pairs (setting, line, fusion partner).</summary>
internal sealed record Facts(IReadOnlyList<Fact> Items) : Block;

/// <summary>One label–value pair.</summary>
internal sealed record Fact(string Label, Cell Value);

/// <summary>A table; when it has no rows the writers print <see cref="EmptyText"/> instead.</summary>
internal sealed record Table(string? Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<Cell>> Rows) : Block
{
    public string EmptyText { get; init; } = "None.";
}

/// <summary>The bibliography: every cited reference, in order of first citation.</summary>
internal sealed record ReferenceEntries(IReadOnlyList<CitedReference> Entries) : Block;

/// <summary>A cited reference; the details are null when the caller's list does not have it.</summary>
internal sealed record CitedReference(string Id, string? ShortName, string? Citation, string? Url);

/// <summary>A titled section; <paramref name="Id"/> is a stable HTML fragment id.</summary>
internal sealed record Section(string Id, string Title, IReadOnlyList<Block> Blocks);

/// <summary>The whole report.</summary>
internal sealed record Report(string Title, IReadOnlyList<Fact> Meta, IReadOnlyList<Section> Sections);
