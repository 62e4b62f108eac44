using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;
using ThiDua.Features.Decisions;

namespace ThiDua.Features.Certificates;

/// <summary>What one certificate prints, as issued (the decision's text, not the registry's current values).</summary>
public sealed record CertificateContent(
    string FormCode,
    DocumentSystem System,
    string IssuerName,
    string RecipientName,
    string? RecipientPosition,
    string Achievement,
    int Year,
    string DecisionNumberText,
    DateOnly SignedOn,
    string Place,
    string SignerTitle,
    string SignerName,
    int? CertificateNumber,
    string VerificationCode,
    string VerifyUrl);

/// <summary>
/// Draws certificates with PDFsharp: A4 landscape, a double frame with corner ornaments in vector lines, the heading
/// of the issuer's system, the form's title, the recipient, the achievement, the decision, the register number, place,
/// date and signer, and bottom left the QR code of the verification URL drawn as filled squares (vector, no bitmap)
/// with the code under it. DejaVu Serif, Unicode-encoded and embedded (whole fonts, see <see cref="Unicode"/>); every text is NFC.
/// </summary>
public static class CertificatePdf
{
    private const double PageWidth = 842, PageHeight = 595; // A4 landscape, in points
    private static readonly XColor Red = XColor.FromArgb(0x9B, 0x1B, 0x1B);
    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A);
    /// <summary>
    /// Unicode (Identity-H with a ToUnicode map) and the whole font file embedded: PDFsharp 6.2.4's subsetter keeps a
    /// composite glyph's first level only, so the stacked marks of ễ, ổ, ậ and the dot of ị vanish from a subset
    /// (CertificatePdfTests.Render_NameWithDiacritics_DrawsTheMarksNotTofu fails with TryComputeSubset). The fonts are
    /// embedded once per file, however many pages.
    /// </summary>
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    /// <summary>One PDF, one page per certificate, in the order given.</summary>
    public static byte[] Render(IReadOnlyList<CertificateContent> certificates, string title)
    {
        ArgumentOutOfRangeException.ThrowIfZero(certificates.Count);
        CertificateFontResolver.EnsureInstalled();
        using var doc = new PdfDocument();
        doc.Info.Title = Nfc(title);
        doc.Info.Creator = "ThiDua";
        var fonts = new Fonts();
        foreach (var c in certificates)
        {
            var page = doc.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            DrawPage(gfx, c, fonts);
        }
        using var output = new MemoryStream();
        doc.Save(output, false);
        return output.ToArray();
    }

    private sealed class Fonts
    {
        public readonly XFont Heading = new(CertificateFontResolver.Family, 13, XFontStyleEx.Bold, Unicode);
        public readonly XFont Issuer = new(CertificateFontResolver.Family, 14, XFontStyleEx.Bold, Unicode);
        public readonly XFont TitleLine = new(CertificateFontResolver.Family, 17, XFontStyleEx.Bold, Unicode);
        public readonly XFont Lead = new(CertificateFontResolver.Family, 18, XFontStyleEx.Italic, Unicode);
        public readonly XFont Body = new(CertificateFontResolver.Family, 15, XFontStyleEx.Regular, Unicode);
        public readonly XFont BodyItalic = new(CertificateFontResolver.Family, 15, XFontStyleEx.Italic, Unicode);
        public readonly XFont Small = new(CertificateFontResolver.Family, 12, XFontStyleEx.Regular, Unicode);
        public readonly XFont SmallItalic = new(CertificateFontResolver.Family, 13, XFontStyleEx.Italic, Unicode);
        public readonly XFont SignerTitle = new(CertificateFontResolver.Family, 13, XFontStyleEx.Bold, Unicode);
        public readonly XFont SignerName = new(CertificateFontResolver.Family, 15, XFontStyleEx.Bold, Unicode);
        public readonly XFont Code = new(CertificateFontResolver.Family, 9, XFontStyleEx.Regular, Unicode);
        private readonly Dictionary<(double, XFontStyleEx), XFont> _sized = [];

        public XFont Sized(double size, XFontStyleEx style)
        {
            if (!_sized.TryGetValue((size, style), out var f)) _sized[(size, style)] = f = new XFont(CertificateFontResolver.Family, size, style, Unicode);
            return f;
        }
    }

    private static void DrawPage(XGraphics g, CertificateContent c, Fonts f)
    {
        var t = CertificateTemplates.For(c.FormCode);
        DrawBorder(g);
        var red = new XSolidBrush(Red);
        var ink = new XSolidBrush(Ink);
        const double cx = PageWidth / 2;

        // The heading of the issuer's system, then the issuing body.
        double y = 62;
        if (c.System == DocumentSystem.State)
        {
            Centered(g, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f.Heading, ink, cx, y);
            y += 17;
            var motto = Centered(g, "Độc lập - Tự do - Hạnh phúc", f.Heading, ink, cx, y);
            g.DrawLine(new XPen(Ink, 0.7), cx - motto / 2, y + 4, cx + motto / 2, y + 4);
        }
        else
        {
            var w = Centered(g, "ĐẢNG CỘNG SẢN VIỆT NAM", f.Heading, ink, cx, y);
            g.DrawLine(new XPen(Ink, 0.7), cx - w / 2, y + 4, cx + w / 2, y + 4);
        }
        y += 24;
        Centered(g, Upper(c.IssuerName), f.Issuer, ink, cx, y);
        if (c.System == DocumentSystem.Party) Centered(g, "*", f.Issuer, ink, cx, y + 14);

        // The form's title, and the title conferred when the form is a title's certificate.
        y = 150;
        var titleFont = FitFont(g, t.Title, f, 40, XFontStyleEx.Bold, 620);
        Centered(g, t.Title, titleFont, red, cx, y);
        y += 30;
        if (t.TitleLine is { } line)
        {
            Centered(g, c.Year > 0 ? FormattableString.Invariant($"{line} năm {c.Year}") : line, f.TitleLine, red, cx, y);
            y += 28;
        }
        else y += 4;
        Centered(g, t.Lead, f.Lead, ink, cx, y);

        // The recipient, large, then the position and unit as the decision prints them.
        y += 40;
        var nameFont = FitFont(g, c.RecipientName, f, 30, XFontStyleEx.Bold, 640);
        Centered(g, c.RecipientName, nameFont, red, cx, y);
        y += 26;
        if (!string.IsNullOrWhiteSpace(c.RecipientPosition))
        {
            foreach (var l in Wrap(g, c.RecipientPosition, f.Body, 620).Take(2))
            {
                Centered(g, l, f.Body, ink, cx, y);
                y += 19;
            }
        }
        if (!string.IsNullOrWhiteSpace(c.Achievement))
        {
            y += 6;
            foreach (var l in Wrap(g, c.Achievement, f.BodyItalic, 640).Take(3))
            {
                Centered(g, l, f.BodyItalic, ink, cx, y);
                y += 19;
            }
        }

        // Bottom right: place and date, signer's title and name.
        const double sx = 620;
        var d = c.SignedOn;
        var date = FormattableString.Invariant($"{c.Place}, ngày {d.Day:00} tháng {(d.Month < 3 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}");
        var by = Math.Max(y + 14, 432);
        Centered(g, date, f.SmallItalic, ink, sx, by);
        var sy = by + 20;
        foreach (var l in Wrap(g, Upper(c.SignerTitle), f.SignerTitle, 300).Take(2))
        {
            Centered(g, l, f.SignerTitle, ink, sx, sy);
            sy += 16;
        }
        Centered(g, c.SignerName, f.SignerName, ink, sx, 540);

        // Bottom left: the QR code of the verification URL with the code under it; beside it the decision and register.
        const double qrSize = 92, qx = 80, qy = 428;
        DrawQr(g, c.VerifyUrl, qx, qy, qrSize);
        Centered(g, c.VerificationCode, f.Code, ink, qx + qrSize / 2, qy + qrSize + 10);
        var decision = FormattableString.Invariant($"Quyết định số {c.DecisionNumberText} ngày {ThiDua.Infrastructure.VnFormat.Date(c.SignedOn)}");
        var lx = qx + qrSize + 14;
        var ly = qy + 48;
        foreach (var l in Wrap(g, decision, f.Small, 290).Take(2))
        {
            Left(g, l, f.Small, ink, lx, ly);
            ly += 15;
        }
        Left(g, "Số sổ: " + t.RegisterNumber(c.CertificateNumber, c.Year), f.Small, ink, lx, ly);
    }

    /// <summary>Two frames and a chain of small diamonds between them, with a rosette of lines in each corner.</summary>
    private static void DrawBorder(XGraphics g)
    {
        var thick = new XPen(Red, 3.2);
        var thin = new XPen(Red, 0.9);
        const double o = 16, i = 30;
        g.DrawRectangle(thick, o, o, PageWidth - 2 * o, PageHeight - 2 * o);
        g.DrawRectangle(thin, o + 4.5, o + 4.5, PageWidth - 2 * (o + 4.5), PageHeight - 2 * (o + 4.5));
        g.DrawRectangle(thin, i, i, PageWidth - 2 * i, PageHeight - 2 * i);
        // The chain of diamonds along the band between the frames.
        var mid = (o + 4.5 + i) / 2;
        const double step = 14, r = 3.2;
        var brush = new XSolidBrush(Red);
        for (var x = i + step; x < PageWidth - i - step / 2; x += step)
        {
            Diamond(g, brush, x, mid, r);
            Diamond(g, brush, x, PageHeight - mid, r);
        }
        for (var yy = i + step; yy < PageHeight - i - step / 2; yy += step)
        {
            Diamond(g, brush, mid, yy, r);
            Diamond(g, brush, PageWidth - mid, yy, r);
        }
        // Corner rosettes: eight strokes round a small disc.
        foreach (var (x, yy) in new[] { (i + 22.0, i + 22.0), (PageWidth - i - 22, i + 22.0), (i + 22.0, PageHeight - i - 22), (PageWidth - i - 22, PageHeight - i - 22) })
        {
            for (var k = 0; k < 8; k++)
            {
                var a = k * Math.PI / 4;
                g.DrawLine(thin, x + 4 * Math.Cos(a), yy + 4 * Math.Sin(a), x + 14 * Math.Cos(a), yy + 14 * Math.Sin(a));
            }
            g.DrawEllipse(brush, x - 2.5, yy - 2.5, 5, 5);
            g.DrawEllipse(thin, x - 16, yy - 16, 32, 32);
        }
    }

    private static void Diamond(XGraphics g, XBrush brush, double x, double y, double r) =>
        g.DrawPolygon(brush, [new XPoint(x, y - r), new XPoint(x + r, y), new XPoint(x, y + r), new XPoint(x - r, y)], XFillMode.Winding);

    /// <summary>The QR code's modules (QRCoder's matrix, with its quiet zone) as filled squares on a white ground.</summary>
    public static void DrawQr(XGraphics g, string text, double x, double y, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var n = matrix.Count;
        var m = size / n;
        g.DrawRectangle(XBrushes.White, x, y, size, size);
        var black = XBrushes.Black;
        for (var row = 0; row < n; row++)
        {
            var bits = matrix[row];
            var col = 0;
            while (col < n)
            {
                if (!bits[col])
                {
                    col++;
                    continue;
                }
                // One rectangle per run of dark modules in a row: fewer operators, no hairline gaps between modules.
                var start = col;
                while (col < n && bits[col]) col++;
                g.DrawRectangle(black, x + start * m, y + row * m, (col - start) * m, m);
            }
        }
    }

    private static XFont FitFont(XGraphics g, string text, Fonts f, double size, XFontStyleEx style, double maxWidth)
    {
        var font = f.Sized(size, style);
        while (size > 14 && g.MeasureString(Nfc(text), font).Width > maxWidth)
        {
            size -= 2;
            font = f.Sized(size, style);
        }
        return font;
    }

    private static double Centered(XGraphics g, string text, XFont font, XBrush brush, double cx, double baseline)
    {
        var s = Nfc(text);
        var w = g.MeasureString(s, font).Width;
        g.DrawString(s, font, brush, cx - w / 2, baseline, XStringFormats.BaseLineLeft);
        return w;
    }

    private static void Left(XGraphics g, string text, XFont font, XBrush brush, double x, double baseline) =>
        g.DrawString(Nfc(text), font, brush, x, baseline, XStringFormats.BaseLineLeft);

    /// <summary>Greedy word wrap by measured width.</summary>
    internal static List<string> Wrap(XGraphics g, string text, XFont font, double maxWidth)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in Nfc(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && g.MeasureString(candidate, font).Width > maxWidth)
            {
                lines.Add(current.ToString());
                current.Clear().Append(word);
            }
            else current.Clear().Append(candidate);
        }
        if (current.Length > 0) lines.Add(current.ToString());
        return lines;
    }

    private static string Upper(string s) => Nfc(s).ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    internal static string Nfc(string s) => s.Normalize(NormalizationForm.FormC);
}
