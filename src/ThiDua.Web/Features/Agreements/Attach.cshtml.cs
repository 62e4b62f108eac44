using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Agreements;

/// <summary>Attaches the signed copy of a draft agreement: a PDF or an image, checked by its content (bloc secretariat only).</summary>
public sealed class AttachModel(AppDbContext db, UnitScopeService scopes, AgreementService service, DocumentFiles files) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;
    public List<string> Problems { get; } = [];
    public long MaxKb => files.MaxBytes / 1024;

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!(await AgreementReader.ForAsync(User, scopes, ct)).Secretariat) return Forbid();
        var a = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return NotFound();
        Agreement = a;
        if (a.State != AgreementState.Draft) Problems.Add("Giao ước đã ký: bản đã ký không thay được.");
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Problems.Count > 0) return Page();
        var (doc, error) = await files.SaveAsync(file, "Bản giao ước đã ký", DocumentFiles.PdfOrImage, ct);
        if (doc is null)
        {
            Problems.Add(error!);
            return Page();
        }
        var errors = await service.AttachAsync(User.UserName(), id, doc, ct);
        if (errors.Count > 0)
        {
            Problems.AddRange(errors);
            return Page();
        }
        TempData["Message"] = $"Đã đính kèm {doc.FileName}.";
        return RedirectToPage("Details", new { id });
    }
}
