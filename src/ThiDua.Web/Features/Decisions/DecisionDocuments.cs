using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Features.Votes;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>What the documents print: the decision as issued (or as drafted), its issuer and its recipients.</summary>
public sealed record DecisionDoc(
    DocumentSystem System, DecisionKind Kind, string ParentBody, string IssuerName, string? NumberText, string Place, DateOnly? SignedOn,
    string Subject, string Grounds, string FormName, int Year, string? HigherAuthority, string SignerAuthority, string SignerTitle, string SignerName,
    string Distribution, IReadOnlyList<DecisionDocLine> Lines);

public sealed record DecisionDocLine(int Order, string Name, string? Position, string Achievement, long AmountVnd, bool Collective, bool Revoked);

/// <summary>A dossier's file to pack into the upward package.</summary>
public sealed record PackageFile(int NominationId, string Subject, string Form, string FileName, string Kind, Func<Stream?> Open);

/// <summary>
/// The decision, its list (.docx and .xlsx), the cover letter upward and the package (.zip) — Open XML SDK documents in
/// the issuer's system (shared/domain/document-formats.md): A4, Times New Roman 14, margins 20/20/30/15 mm.
/// </summary>
public static class DecisionDocuments
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string FileName(string kind, int? number, int year, int id, string ext) =>
        number is { } n ? FormattableString.Invariant($"{kind}-{n}-{year}.{ext}") : FormattableString.Invariant($"{kind}-du-thao-{id}-{year}.{ext}");

    public static byte[] Decision(DecisionDoc d) => Write(body =>
    {
        body.Append(Heading(d));
        body.Append(P(" "));
        var upward = d.Kind == DecisionKind.Upward;
        body.Append(P(upward ? "TỜ TRÌNH" : "QUYẾT ĐỊNH", JustificationValues.Center, bold: true, size: 30));
        body.Append(P(d.Subject, JustificationValues.Center, bold: true));
        body.Append(P("-----", JustificationValues.Center));
        if (upward)
        {
            body.Append(P($"Kính gửi: {d.HigherAuthority ?? "cấp có thẩm quyền"}", JustificationValues.Center));
            foreach (var g in SplitLines(d.Grounds)) body.Append(P(g, JustificationValues.Both));
            body.Append(P($"{d.IssuerName} kính trình {d.HigherAuthority ?? "cấp có thẩm quyền"} xem xét, quyết định tặng {d.FormName} cho {Who(d.Lines)} đã có thành tích xuất sắc năm {d.Year} (có danh sách và hồ sơ kèm theo).", JustificationValues.Both));
            body.Append(P($"{d.IssuerName} kính trình./.", JustificationValues.Both));
        }
        else
        {
            body.Append(P(d.SignerTitle.ToUpper(Vi), JustificationValues.Center, bold: true));
            foreach (var g in SplitLines(d.Grounds)) body.Append(P(g, JustificationValues.Both, italic: true));
            body.Append(P("QUYẾT ĐỊNH:", JustificationValues.Center, bold: true));
            body.Append(P($"Điều 1. Tặng {d.FormName} cho {Who(d.Lines)} đã có thành tích xuất sắc năm {d.Year} (có danh sách kèm theo).", JustificationValues.Both));
            var total = d.Lines.Sum(l => l.AmountVnd);
            body.Append(P($"Điều 2. Kèm theo {d.FormName} là tiền thưởng theo quy định của pháp luật về thi đua, khen thưởng; tổng số tiền: {VnFormat.Number(total)} đồng (mức cho từng người, từng tập thể ghi trong danh sách kèm theo).", JustificationValues.Both));
            body.Append(P("Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các đơn vị, cá nhân có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", JustificationValues.Both));
        }
        body.Append(P(" "));
        body.Append(Signature(d));
    });

    public static byte[] List(DecisionDoc d) => Write(body =>
    {
        body.Append(P("DANH SÁCH", JustificationValues.Center, bold: true, size: 30));
        body.Append(P($"{(d.Kind == DecisionKind.Upward ? "đề nghị tặng" : "được tặng")} {d.FormName} năm {d.Year}", JustificationValues.Center, bold: true));
        body.Append(P($"(Kèm theo {(d.Kind == DecisionKind.Upward ? "Tờ trình" : "Quyết định")} số {d.NumberText ?? "…"}{(d.SignedOn is { } s ? " " + VoteMinutes.DateWords(s) : "")} của {d.IssuerName})", JustificationValues.Center, italic: true));
        body.Append(ListTable(d.Lines.Where(l => l.Collective).ToList(), "I. TẬP THỂ"));
        body.Append(ListTable(d.Lines.Where(l => !l.Collective).ToList(), "II. CÁ NHÂN"));
        body.Append(P($"Tổng cộng: {VnFormat.Number(d.Lines.Count(l => l.Collective))} tập thể, {VnFormat.Number(d.Lines.Count(l => !l.Collective))} cá nhân; tổng số tiền {VnFormat.Number(d.Lines.Sum(l => l.AmountVnd))} đồng.", bold: true));
    });

    public static void ListXlsx(Stream output, DecisionDoc d) => XlsxWriter.Write(output,
    [
        new XlsxSheet("Danh sách",
            [new("STT", XlsxColumnKind.Number, 6), new("Họ tên / Tập thể", XlsxColumnKind.Text, 32), new("Chức vụ, đơn vị", XlsxColumnKind.Text, 40),
             new("Thành tích", XlsxColumnKind.Text, 50), new("Số tiền (đồng)", XlsxColumnKind.Number, 16), new("Ghi chú", XlsxColumnKind.Text, 16)],
            d.Lines.Select((l, i) => (IReadOnlyList<object?>)[(double)(i + 1), l.Name, l.Position ?? "", l.Achievement, (double)l.AmountVnd, l.Revoked ? "Đã thu hồi" : ""])),
    ]);

    /// <summary>
    /// The package upward: the cover letter, the list, each dossier's files in a folder per dossier, and a
    /// manifest.json (invariant: dossier id, subject, form, files with name, kind, size, SHA-256).
    /// </summary>
    public static void Package(Stream output, DecisionDoc d, IReadOnlyList<PackageFile> files)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, "to-trinh.docx", Decision(d));
        Add(zip, "danh-sach.docx", List(d));
        var dossiers = new List<object>();
        foreach (var g in files.GroupBy(f => f.NominationId).OrderBy(g => g.Key))
        {
            var listed = new List<object>();
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in g)
            {
                using var src = f.Open();
                if (src is null) continue;
                using var buffer = new MemoryStream();
                src.CopyTo(buffer);
                var bytes = buffer.ToArray();
                var name = SafeName(f.FileName);
                var unique = name;
                for (var i = 2; !used.Add(unique); i++) unique = FormattableString.Invariant($"{Path.GetFileNameWithoutExtension(name)}-{i}{Path.GetExtension(name)}");
                var path = FormattableString.Invariant($"ho-so-{g.Key}/{unique}");
                Add(zip, path, bytes);
                listed.Add(new { name = unique, path, kind = f.Kind, size = bytes.LongLength, sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) });
            }
            dossiers.Add(new { id = g.Key, subject = g.First().Subject, form = g.First().Form, files = listed });
        }
        var manifest = new { number = d.NumberText, form = d.FormName, year = d.Year, dossiers };
        Add(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson));
    }

    /// <summary>A file name inside the zip: no folders, no control characters, at most 100 characters.</summary>
    public static string SafeName(string name)
    {
        var n = Path.GetFileName(name.Replace('\\', '/'));
        n = new string(n.Select(c => char.IsControl(c) || c is '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray()).Trim();
        if (n.Length == 0 || n is "." or "..") n = "tep";
        return n.Length <= 100 ? n : n[..(100 - Path.GetExtension(n).Length)] + Path.GetExtension(n);
    }

    private static void Add(ZipArchive zip, string path, byte[] bytes)
    {
        var e = zip.CreateEntry(path, CompressionLevel.Optimal);
        using var s = e.Open();
        s.Write(bytes);
    }

    private static string Who(IReadOnlyList<DecisionDocLine> lines)
    {
        var c = lines.Count(l => l.Collective);
        var p = lines.Count - c;
        var parts = new List<string>();
        if (c > 0) parts.Add(FormattableString.Invariant($"{c:00} tập thể"));
        if (p > 0) parts.Add(FormattableString.Invariant($"{p:00} cá nhân"));
        return parts.Count == 0 ? "…" : string.Join(" và ", parts);
    }

    private static IEnumerable<string> SplitLines(string s) => s.Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0);

    private static byte[] Write(Action<Body> fill)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }, new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
            styles.Styles.Save();
            var body = new Body();
            main.Document = new Document(body);
            fill(body);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = Twips(20), Bottom = Twips(20), Left = (uint)Twips(30), Right = (uint)Twips(15), Header = 567, Footer = 567, Gutter = 0 }));
            main.Document.Save();
        }
        return ms.ToArray();
    }

    private static int Twips(int mm) => (int)Math.Round(mm * 1440 / 25.4);

    private static Paragraph P(string text, JustificationValues? jc = null, bool bold = false, bool italic = false, int? size = null, bool underline = false)
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

    private static Table Heading(DecisionDoc d)
    {
        var party = d.System == DocumentSystem.Party;
        var left = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(d.ParentBody)) left.Add(P(d.ParentBody.ToUpper(Vi), JustificationValues.Center, size: 26));
        left.Add(P(d.IssuerName.ToUpper(Vi), JustificationValues.Center, bold: true, size: 26));
        if (party) left.Add(P("*", JustificationValues.Center));
        left.Add(P(party ? $"Số {d.NumberText ?? "   -QĐ/…"}" : $"Số: {d.NumberText ?? "   /QĐ-…"}", JustificationValues.Center, size: 26));
        var right = new List<Paragraph>();
        if (party) right.Add(P("ĐẢNG CỘNG SẢN VIỆT NAM", JustificationValues.Center, bold: true, size: 30, underline: true));
        else
        {
            right.Add(P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", JustificationValues.Center, bold: true, size: 26));
            right.Add(P("Độc lập - Tự do - Hạnh phúc", JustificationValues.Center, bold: true, size: 28, underline: true));
        }
        right.Add(P(" "));
        right.Add(P(d.SignedOn is { } s ? $"{d.Place}, {VoteMinutes.DateWords(s)}" : $"{d.Place}, ngày … tháng … năm …", JustificationValues.Center, italic: true));
        return Grid2(left, right, 4200, 5100);
    }

    private static Table Signature(DecisionDoc d)
    {
        var party = d.System == DocumentSystem.Party;
        var left = new List<Paragraph> { P(party ? "Nơi nhận:" : "Nơi nhận:", bold: true, italic: !party, size: party ? 28 : 24, underline: party) };
        left.AddRange(SplitLines(d.Distribution).Select(x => P($"- {x.TrimStart('-', ' ')}", size: 22)));
        left.Add(P("- Lưu.", size: 22));
        var right = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(d.SignerAuthority)) right.Add(P(d.SignerAuthority.ToUpper(Vi), JustificationValues.Center, bold: true));
        right.Add(P(d.SignerTitle.ToUpper(Vi), JustificationValues.Center, bold: true));
        right.Add(P(" "));
        right.Add(P(" "));
        right.Add(P(" "));
        right.Add(P(d.SignerName, JustificationValues.Center, bold: true));
        return Grid2(left, right, 4650, 4650);
    }

    private static Table Grid2(List<Paragraph> left, List<Paragraph> right, int lw, int rw) => new(
        new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Borders(BorderValues.Nil), new TableLayout { Type = TableLayoutValues.Fixed }),
        new TableGrid(new GridColumn { Width = lw.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = rw.ToString(CultureInfo.InvariantCulture) }),
        new TableRow(Cell(left, lw), Cell(right, rw)));

    private static TableBorders Borders(BorderValues v) => new(
        new TopBorder { Val = v, Size = 4 }, new LeftBorder { Val = v, Size = 4 }, new BottomBorder { Val = v, Size = 4 },
        new RightBorder { Val = v, Size = 4 }, new InsideHorizontalBorder { Val = v, Size = 4 }, new InsideVerticalBorder { Val = v, Size = 4 });

    private static TableCell Cell(IEnumerable<Paragraph> content, int width)
    {
        var c = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        c.Append(content);
        if (!c.Elements<Paragraph>().Any()) c.Append(new Paragraph());
        return c;
    }

    private static readonly int[] ListWidths = [600, 2300, 2500, 2700, 1300];

    private static OpenXmlElement ListTable(IReadOnlyList<DecisionDocLine> lines, string title)
    {
        if (lines.Count == 0) return P(" ");
        var table = new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, Borders(BorderValues.Single), new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(ListWidths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var caption = new TableRow(new TableCell(new TableCellProperties(new TableCellWidth { Width = "9400", Type = TableWidthUnitValues.Dxa }, new GridSpan { Val = 5 }), P(title, bold: true, size: 26)));
        string[] head = ["STT", "Họ tên / Tập thể", "Chức vụ, đơn vị", "Thành tích", "Số tiền (đồng)"];
        var headerRow = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < head.Length; i++) headerRow.Append(Cell([P(head[i], JustificationValues.Center, bold: true, size: 24)], ListWidths[i]));
        table.Append(headerRow, caption);
        var n = 1;
        foreach (var l in lines)
        {
            string[] cells = [n++.ToString(CultureInfo.InvariantCulture), l.Name + (l.Revoked ? " (đã thu hồi)" : ""), l.Position ?? "", l.Achievement, VnFormat.Number(l.AmountVnd)];
            var row = new TableRow();
            for (var i = 0; i < cells.Length; i++) row.Append(Cell([P(cells[i], i is 0 or 4 ? JustificationValues.Center : JustificationValues.Left, size: 24)], ListWidths[i]));
            table.Append(row);
        }
        return table;
    }
}
