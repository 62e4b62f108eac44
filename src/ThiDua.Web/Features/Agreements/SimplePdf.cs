using System.Globalization;
using System.Text;

namespace ThiDua.Features.Agreements;

/// <summary>
/// A one-page PDF of plain lines in Helvetica (ASCII text: Vietnamese written without diacritics), with a correct
/// cross-reference table, so any PDF reader opens it. Used for the demo year's signed copy.
/// </summary>
public static class SimplePdf
{
    public static byte[] OnePage(IEnumerable<string> lines)
    {
        var text = new StringBuilder("BT /F1 11 Tf 14 TL 56 790 Td\n");
        foreach (var line in lines) text.Append(CultureInfo.InvariantCulture, $"({Escape(line)}) Tj T*\n");
        text.Append("ET\n");
        var stream = text.ToString();
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            FormattableString.Invariant($"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}endstream"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>Keeps printable ASCII only (anything else becomes '?') and escapes the PDF string delimiters.</summary>
    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '(' or ')' or '\\') sb.Append('\\').Append(c);
            else sb.Append(c is >= ' ' and <= '~' ? c : '?');
        }
        return sb.ToString();
    }
}
