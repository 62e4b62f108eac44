using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Infrastructure;
using static ThiDua.Infrastructure.WordDocument;

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

    public static byte[] Decision(DecisionDoc d) => Build(body =>
    {
        body.Append(Heading(d));
        body.Append(Blank());
        var upward = d.Kind == DecisionKind.Upward;
        body.Append(Para(upward ? "TỜ TRÌNH" : "QUYẾT ĐỊNH", JustificationValues.Center, bold: true, size: 30));
        body.Append(Para(d.Subject, JustificationValues.Center, bold: true));
        body.Append(Para("-----", JustificationValues.Center));
        if (upward)
        {
            body.Append(Para($"Kính gửi: {d.HigherAuthority ?? "cấp có thẩm quyền"}", JustificationValues.Center));
            foreach (var g in SplitLines(d.Grounds)) body.Append(Para(g, JustificationValues.Both));
            body.Append(Para($"{d.IssuerName} kính trình {d.HigherAuthority ?? "cấp có thẩm quyền"} xem xét, quyết định tặng {d.FormName} cho {Who(d.Lines)} đã có thành tích xuất sắc năm {d.Year} (có danh sách và hồ sơ kèm theo).", JustificationValues.Both));
            body.Append(Para($"{d.IssuerName} kính trình./.", JustificationValues.Both));
        }
        else
        {
            body.Append(Para(d.SignerTitle.ToUpper(Vi), JustificationValues.Center, bold: true));
            foreach (var g in SplitLines(d.Grounds)) body.Append(Para(g, JustificationValues.Both, italic: true));
            body.Append(Para("QUYẾT ĐỊNH:", JustificationValues.Center, bold: true));
            body.Append(Para($"Điều 1. Tặng {d.FormName} cho {Who(d.Lines)} đã có thành tích xuất sắc năm {d.Year} (có danh sách kèm theo).", JustificationValues.Both));
            var total = d.Lines.Sum(l => l.AmountVnd);
            body.Append(Para($"Điều 2. Kèm theo {d.FormName} là tiền thưởng theo quy định của pháp luật về thi đua, khen thưởng; tổng số tiền: {VnFormat.Number(total)} đồng (mức cho từng người, từng tập thể ghi trong danh sách kèm theo).", JustificationValues.Both));
            body.Append(Para("Điều 3. Quyết định có hiệu lực kể từ ngày ký. Các đơn vị, cá nhân có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.", JustificationValues.Both));
        }
        body.Append(Blank());
        body.Append(Signature(d));
    });

    public static byte[] List(DecisionDoc d) => Build(body =>
    {
        body.Append(Para("DANH SÁCH", JustificationValues.Center, bold: true, size: 30));
        body.Append(Para($"{(d.Kind == DecisionKind.Upward ? "đề nghị tặng" : "được tặng")} {d.FormName} năm {d.Year}", JustificationValues.Center, bold: true));
        body.Append(Para($"(Kèm theo {(d.Kind == DecisionKind.Upward ? "Tờ trình" : "Quyết định")} số {d.NumberText ?? "…"}{(d.SignedOn is { } s ? " " + DateWords(s) : "")} của {d.IssuerName})", JustificationValues.Center, italic: true));
        body.Append(ListTable(d.Lines.Where(l => l.Collective).ToList(), "I. TẬP THỂ"));
        body.Append(ListTable(d.Lines.Where(l => !l.Collective).ToList(), "II. CÁ NHÂN"));
        body.Append(Para($"Tổng cộng: {VnFormat.Number(d.Lines.Count(l => l.Collective))} tập thể, {VnFormat.Number(d.Lines.Count(l => !l.Collective))} cá nhân; tổng số tiền {VnFormat.Number(d.Lines.Sum(l => l.AmountVnd))} đồng.", bold: true));
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

    private static Table Heading(DecisionDoc d)
    {
        var party = d.System == DocumentSystem.Party;
        return WordDocument.Heading(new WordHeading(party, d.ParentBody, [d.IssuerName], d.NumberText ?? (party ? "   -QĐ/…" : "   /QĐ-…"),
            d.SignedOn is { } s ? $"{d.Place}, {DateWords(s)}" : $"{d.Place}, ngày … tháng … năm …"));
    }

    private static Table Signature(DecisionDoc d)
    {
        var party = d.System == DocumentSystem.Party;
        var left = new List<Paragraph> { Para(party ? "Nơi nhận:" : "Nơi nhận:", bold: true, italic: !party, size: party ? 28 : 24, underline: party) };
        left.AddRange(SplitLines(d.Distribution).Select(x => Para($"- {x.TrimStart('-', ' ')}", size: 22)));
        left.Add(Para("- Lưu.", size: 22));
        var right = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(d.SignerAuthority)) right.Add(Para(d.SignerAuthority.ToUpper(Vi), JustificationValues.Center, bold: true));
        right.Add(Para(d.SignerTitle.ToUpper(Vi), JustificationValues.Center, bold: true));
        right.Add(Blank());
        right.Add(Blank());
        right.Add(Blank());
        right.Add(Para(d.SignerName, JustificationValues.Center, bold: true));
        return Signatures(left, right);
    }

    private static readonly int[] ListWidths = [600, 2300, 2500, 2700, 1300];

    private static OpenXmlElement ListTable(IReadOnlyList<DecisionDocLine> lines, string title)
    {
        if (lines.Count == 0) return Blank();
        var table = GridTable(ListWidths);
        var caption = new TableRow(new TableCell(new TableCellProperties(new TableCellWidth { Width = "9400", Type = TableWidthUnitValues.Dxa }, new GridSpan { Val = 5 }), Para(title, bold: true, size: 26)));
        table.Append(HeaderRow(["STT", "Họ tên / Tập thể", "Chức vụ, đơn vị", "Thành tích", "Số tiền (đồng)"], ListWidths, 24), caption);
        var n = 1;
        foreach (var l in lines)
        {
            string[] cells = [n++.ToString(CultureInfo.InvariantCulture), l.Name + (l.Revoked ? " (đã thu hồi)" : ""), l.Position ?? "", l.Achievement, VnFormat.Number(l.AmountVnd)];
            var row = new TableRow();
            for (var i = 0; i < cells.Length; i++) row.Append(Cell([Para(cells[i], i is 0 or 4 ? JustificationValues.Center : JustificationValues.Left, size: 24)], ListWidths[i]));
            table.Append(row);
        }
        return table;
    }
}
