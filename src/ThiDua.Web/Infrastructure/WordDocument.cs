using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ThiDua.Infrastructure;

/// <summary>
/// The page of an administrative document (shared/domain/document-formats.md): A4 portrait, Times New Roman at
/// <paramref name="BodyHalfPoints"/> half-points, margins in millimetres. Details not verified against the full texts
/// are settings here, not constants in the code that writes a document.
/// </summary>
public sealed record WordPage(int BodyHalfPoints = 28, int MarginTopMm = 20, int MarginBottomMm = 20, int MarginLeftMm = 30, int MarginRightMm = 15);

/// <summary>
/// The heading block at the top of a document: the issuing body on the left (its parent, itself, the star under a Party
/// body, the number), the Party title or the State title and motto on the right, then the place and date.
/// Party numbering reads "Số 12-QĐ/BTCTW" (Hướng dẫn 36-HD/VPTW), State numbering "Số: 12/QĐ-BNV" (Nghị định 30/2020/NĐ-CP):
/// <paramref name="Number"/> is the number without the "Số" prefix, which the system adds.
/// </summary>
public sealed record WordHeading(bool Party, string? Parent, IReadOnlyList<string> Issuer, string? Number, string PlaceAndDate,
    string PartyTitle = WordDocument.PartyTitle, bool Star = true);

/// <summary>
/// The Open XML pieces the .docx documents (vote minutes, dossier report, council minutes, decisions) share, so that
/// one place decides the page, the fonts and the Party / State heading.
/// </summary>
public static class WordDocument
{
    public const string PartyTitle = "ĐẢNG CỘNG SẢN VIỆT NAM";
    public const string StateTitle = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string StateMotto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The width of the two columns of the heading and of the signatures, in twips (A4 less the margins ≈ 9300).</summary>
    public const int HeadingLeft = 4200, HeadingRight = 5100, SignatureColumn = 4650;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A whole document: styles, the body <paramref name="fill"/> writes, then the A4 section with the margins.</summary>
    public static byte[] Build(Action<Body> fill, WordPage? page = null)
    {
        page ??= new WordPage();
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main, page.BodyHalfPoints);
            var body = new Body();
            main.Document = new Document(body);
            fill(body);
            body.Append(Section(page));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static void AddStyles(MainDocumentPart main, int halfPoints)
    {
        var size = halfPoints.ToString(CultureInfo.InvariantCulture);
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = size }, new FontSizeComplexScript { Val = size }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    /// <summary>Millimetres to twips (1/1440 inch).</summary>
    public static uint Twips(int mm) => (uint)Math.Round(mm * 1440 / 25.4);

    private static SectionProperties Section(WordPage p) => new(
        new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
        new PageMargin { Top = (int)Twips(p.MarginTopMm), Bottom = (int)Twips(p.MarginBottomMm), Left = Twips(p.MarginLeftMm), Right = Twips(p.MarginRightMm), Header = 567, Footer = 567, Gutter = 0 });

    /// <summary>"ngày 04 tháng 3 năm 2020": the day with two digits, the month without a leading zero for 3–12 (as documents write it).</summary>
    public static string DateWords(DateOnly d) =>
        FormattableString.Invariant($"ngày {d.Day:00} tháng {(d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}");

    /// <summary>One paragraph of one run; <paramref name="size"/> in half-points, none = the body size.</summary>
    public static Paragraph Para(string text, JustificationValues? jc = null, bool bold = false, bool italic = false, int? size = null, bool underline = false)
    {
        var pPr = new ParagraphProperties();
        if (jc is { } j) pPr.Append(new Justification { Val = j });
        var rPr = new RunProperties();
        if (bold) rPr.Append(new Bold());
        if (italic) rPr.Append(new Italic());
        if (size is { } s)
        {
            rPr.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
            rPr.Append(new FontSizeComplexScript { Val = s.ToString(CultureInfo.InvariantCulture) });
        }
        if (underline) rPr.Append(new Underline { Val = UnderlineValues.Single });
        var run = new Run();
        if (rPr.HasChildren) run.Append(rPr);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        var p = new Paragraph();
        if (pPr.HasChildren) p.Append(pPr);
        p.Append(run);
        return p;
    }

    /// <summary>An empty line (a paragraph with one space, so that word processors keep its height).</summary>
    public static Paragraph Blank() => Para(" ");

    /// <summary>A cell of <paramref name="width"/> twips; a cell must hold a paragraph, so an empty one gets an empty paragraph.</summary>
    public static TableCell Cell(IEnumerable<Paragraph> content, int width)
    {
        var c = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        c.Append(content);
        if (!c.Elements<Paragraph>().Any()) c.Append(new Paragraph());
        return c;
    }

    /// <summary>The six borders of a table: single lines, or none (nil) for the layout tables of headings and signatures.</summary>
    public static TableBorders Borders(bool lines) => lines
        ? new(new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 }, new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })
        : new(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
            new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil });

    /// <summary>An empty full-width table with fixed column widths (twips), bordered or not; rows are appended by the caller.</summary>
    public static Table GridTable(IReadOnlyList<int> widths, bool lines = true) => new(
        new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Borders(lines), new TableLayout { Type = TableLayoutValues.Fixed }),
        new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

    /// <summary>The header row, repeated on each page: the titles centred and bold at <paramref name="size"/> half-points.</summary>
    public static TableRow HeaderRow(IReadOnlyList<string> titles, IReadOnlyList<int> widths, int size)
    {
        var row = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < titles.Count; i++) row.Append(Cell([Para(titles[i], JustificationValues.Center, bold: true, size: size)], widths[i]));
        return row;
    }

    /// <summary>Two borderless columns side by side: the layout of the heading and of the signatures.</summary>
    public static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right, int leftWidth, int rightWidth)
    {
        var t = GridTable([leftWidth, rightWidth], lines: false);
        t.Append(new TableRow(Cell(left, leftWidth), Cell(right, rightWidth)));
        return t;
    }

    /// <summary>The signatures: two columns of equal width.</summary>
    public static Table Signatures(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right) => TwoColumns(left, right, SignatureColumn, SignatureColumn);

    /// <summary>
    /// One signer: the title in bold, the note in italics (for instance "(ký, ghi rõ họ tên)"), <paramref name="blankLines"/>
    /// lines left for the signature, then the name in bold when there is one.
    /// </summary>
    public static List<Paragraph> Signer(string title, string note, int blankLines = 2, string? name = null)
    {
        var list = new List<Paragraph> { Para(title, JustificationValues.Center, bold: true), Para(note, JustificationValues.Center, italic: true) };
        for (var i = 0; i < blankLines; i++) list.Add(Blank());
        if (name is not null) list.Add(Para(name, JustificationValues.Center, bold: true));
        return list;
    }

    /// <summary>"Số 12-QĐ/BTCTW" in the Party system, "Số: 12/QĐ-BNV" in the State system.</summary>
    public static string NumberLine(bool party, string number) => party ? $"Số {number}" : $"Số: {number}";

    /// <summary>
    /// The heading (Hướng dẫn 36-HD/VPTW for the Party, Nghị định 30/2020/NĐ-CP for the State): left, the parent body
    /// (plain), the issuer (bold), the star under a Party body, the number; right, the Party title underlined, or the
    /// State title and the motto underlined; then a blank line and the place and date in italics.
    /// </summary>
    public static Table Heading(WordHeading h)
    {
        var left = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(h.Parent)) left.Add(Para(h.Parent.ToUpper(Vi), JustificationValues.Center, size: 26));
        left.AddRange(h.Issuer.Select(x => Para(x.ToUpper(Vi), JustificationValues.Center, bold: true, size: 26)));
        if (h.Party && h.Star) left.Add(Para("*", JustificationValues.Center));
        if (h.Number is { } n) left.Add(Para(NumberLine(h.Party, n), JustificationValues.Center, size: 26));
        var right = h.Party
            ? new List<Paragraph> { Para(h.PartyTitle, JustificationValues.Center, bold: true, size: 30, underline: true) }
            : [Para(StateTitle, JustificationValues.Center, bold: true, size: 26), Para(StateMotto, JustificationValues.Center, bold: true, size: 28, underline: true)];
        right.Add(Blank());
        right.Add(Para(h.PlaceAndDate, JustificationValues.Center, italic: true));
        return TwoColumns(left, right, HeadingLeft, HeadingRight);
    }
}
