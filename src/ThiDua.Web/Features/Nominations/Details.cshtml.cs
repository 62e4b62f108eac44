using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>
/// One dossier: its content and report, history, documents against the checklist, the live engine verdict and the
/// warnings, the workflow's buttons; the agency's officers (or the secretariat) upload documents here while the
/// dossier is a draft or returned.
/// </summary>
public sealed class DetailsModel(AppDbContext db, UnitScopeService scopes, DossierService service, DocumentFiles files, TimeProvider clock) : PageModel
{
    public static readonly DocumentKind[] Accepted = [DocumentKind.Pdf, DocumentKind.Png, DocumentKind.Jpeg, DocumentKind.OfficeZip];

    public Nomination Nomination { get; private set; } = null!;
    public string SubjectName { get; private set; } = "";
    public string AgencyName { get; private set; } = "";
    public string? MovementName { get; private set; }
    public string? BlocName { get; private set; }
    public DossierAccess Access { get; private set; } = null!;
    public DossierCheckResult Checks { get; private set; } = null!;
    public IReadOnlyList<ChecklistItem> Checklist { get; private set; } = [];
    public DecreeEdition Edition { get; private set; } = null!;
    public List<DossierDocument> Documents { get; private set; } = [];
    public List<NominationTransition> History { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public string? UploadProblem { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return NotFound();
        Access = await DossierAccess.ForAsync(User, scopes, ct);
        if (!Access.CanRead(n.AgencyId)) return Forbid();
        Nomination = n;
        CanWrite = Access.CanWrite(n.AgencyId) && DossierRules.IsEditable(n.State);
        SubjectName = await service.SubjectNameAsync(n, ct);
        AgencyName = await db.Units.Where(u => u.Id == n.AgencyId).Select(u => u.Name).FirstAsync(ct);
        MovementName = n.MovementId is { } m ? await db.Movements.Where(x => x.Id == m).Select(x => x.Theme).FirstOrDefaultAsync(ct) : null;
        BlocName = n.BlocId is { } b ? await db.Blocs.Where(x => x.Id == b).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        Documents = await db.DossierDocuments.AsNoTracking().Where(d => d.NominationId == id).OrderBy(d => d.Kind).ThenBy(d => d.Id).ToListAsync(ct);
        History = (await db.NominationTransitions.AsNoTracking().Where(t => t.NominationId == id).ToListAsync(ct)).OrderBy(t => t.AtUtc).ThenBy(t => t.Id).ToList();
        Edition = DecreeEdition.On(DossierChecks.FiledOn(n));
        Checklist = DossierChecklist.For(n.Code, n.Basis, DossierChecks.FiledOn(n));
        Checks = await DossierChecks.RunAsync(db, n, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Uploads a typed document: the agency's officer or the secretariat, while the dossier is a draft or returned.</summary>
    public async Task<IActionResult> OnPostUploadAsync(int id, string? kind, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (!Access.CanWrite(Nomination.AgencyId)) return Forbid();
        if (!DossierRules.IsEditable(Nomination.State))
        {
            UploadProblem = $"Hồ sơ đang ở trạng thái \"{NominationWorkflow.StateName(Nomination.State)}\": chỉ thêm tài liệu khi là dự thảo hoặc bị trả lại để bổ sung.";
            return Page();
        }
        if (!Enum.TryParse<DossierDocumentKind>(kind, ignoreCase: false, out var k) || !Enum.IsDefined(k) || int.TryParse(kind, out _))
        {
            UploadProblem = "Loại tài liệu: hãy chọn trong danh sách.";
            return Page();
        }
        if (file is not null && !(file.FileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)
            || file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase)
            || file.FileName.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase) || file.FileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase)))
        {
            UploadProblem = "Tệp đính kèm: chỉ nhận tệp .pdf, .docx, .xlsx, .jpg, .png.";
            return Page();
        }
        var (stored, error) = await files.SaveAsync(file, "Tệp đính kèm", Accepted, ct);
        if (stored is null)
        {
            UploadProblem = error;
            return Page();
        }
        try
        {
            await service.AddDocumentAsync(id, k, stored, User.UserName(), clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (DossierRefusedException ex)
        {
            files.Delete(stored.StoredName);
            UploadProblem = ex.Message;
            return Page();
        }
        TempData["Message"] = $"Đã thêm tài liệu \"{stored.FileName}\" ({NominationWorkflow.DocumentKindName(k)}).";
        return RedirectToPage("Details", new { id });
    }
}
