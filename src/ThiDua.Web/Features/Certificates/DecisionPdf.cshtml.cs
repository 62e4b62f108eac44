using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Certificates;

/// <summary>
/// Every certificate of an issued decision as one PDF, one page per recipient in the decision's order:
/// /Certificates/Decision/{id}.pdf. Only for a user who may read every one of them (the bloc secretariat, the
/// issuing agency's readers, or an agency all of whose people the decision names); anything else: not found.
/// </summary>
public sealed class DecisionPdfModel(CertificateService certificates, UnitScopeService scope) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int decisionId, CancellationToken ct)
    {
        if (decisionId <= 0) return NotFound();
        var all = await certificates.ForDecisionAsync(decisionId, ct);
        if (all.Count == 0) return NotFound();
        foreach (var c in all)
        {
            if (!await certificates.MayReadAsync(User, c, scope, ct)) return NotFound();
        }
        var pdf = CertificatePdf.Render(all.Select(c => c.Content(certificates.VerifyUrl(Request, c.VerificationCode))).ToList(),
            FormattableString.Invariant($"Quyết định số {all[0].DecisionNumberText}"));
        return CertificateFiles.Inline(Response, pdf, FormattableString.Invariant($"{all[0].Template.FileStem}-quyet-dinh-{decisionId}.pdf"));
    }
}
