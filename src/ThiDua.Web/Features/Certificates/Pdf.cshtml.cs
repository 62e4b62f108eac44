using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Certificates;

/// <summary>
/// One certificate as a PDF: /Certificates/{code}.pdf. Signed-in only (the fallback policy), and only for those
/// <see cref="CertificateService.MayReadAsync"/> admits; anyone else, an unknown code or a draft decision: not found,
/// so the answer tells nothing about which codes exist.
/// </summary>
public sealed class PdfModel(CertificateService certificates, UnitScopeService scope) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        var c = await certificates.FindAsync(code, ct);
        if (c is null || !await certificates.MayReadAsync(User, c, scope, ct)) return NotFound();
        var pdf = CertificatePdf.Render([c.Content(certificates.VerifyUrl(Request, c.VerificationCode))], c.Template.Title + " — " + c.RecipientName);
        return CertificateFiles.Inline(Response, pdf, c.Template.FileName(c.VerificationCode));
    }
}

internal static class CertificateFiles
{
    /// <summary>A PDF shown in the browser, saved under a culture-invariant ASCII name.</summary>
    public static FileContentResult Inline(HttpResponse response, byte[] pdf, string fileName)
    {
        response.Headers.CacheControl = "private, no-store";
        response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { Inline = true, FileName = fileName }.ToString();
        return new FileContentResult(pdf, "application/pdf");
    }
}
