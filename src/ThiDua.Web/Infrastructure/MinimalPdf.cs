using System.Globalization;
using System.Text;

namespace ThiDua.Infrastructure;

/// <summary>
/// A small valid one-page PDF (PDF 1.4, Helvetica, a correct cross-reference table) written by hand, for the demo's
/// directive files and the signed agreement (the real ones are scans). The standard fonts have no Vietnamese marks, so the text is written without them.
/// </summary>
public static class MinimalPdf
{
    public static byte[] Create(IReadOnlyList<string> lines)
    {
        var content = new StringBuilder();
        content.Append("BT /F1 12 Tf 16 TL 56 780 Td\n");
        foreach (var line in lines.Take(45)) content.Append('(').Append(Escape(Ascii(line))).Append(") Tj T*\n");
        content.Append("ET\n");
        var stream = content.ToString();
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            FormattableString.Invariant($"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}endstream"),
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(o.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>Vietnamese without its marks (đ → d), printable ASCII only.</summary>
    public static string Ascii(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(ch is >= ' ' and <= '~' ? ch : ch is '–' or '—' ? '-' : '?');
        }
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
}
