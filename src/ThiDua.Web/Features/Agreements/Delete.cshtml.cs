using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Agreements;

/// <summary>Deletes a draft agreement after confirming on this page; a signed agreement is kept (bloc secretariat only).</summary>
public sealed class DeleteModel(AppDbContext db, UnitScopeService scopes, AgreementService service) : PageModel
{
    public Agreement Agreement { get; private set; } = null!;
    public int Signatories { get; private set; }
    public List<string> Problems { get; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!(await AgreementReader.ForAsync(User, scopes, ct)).Secretariat) return Forbid();
        var a = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return NotFound();
        Agreement = a;
        Signatories = await db.AgreementSignatories.CountAsync(s => s.AgreementId == id, ct);
        if (a.State != AgreementState.Draft) Problems.Add("Chỉ xóa được giao ước còn là dự thảo; giao ước đã ký được giữ lại.");
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Problems.Count > 0) return Page();
        var errors = await service.DeleteDraftAsync(User.UserName(), id, version, ct);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            Problems.AddRange(errors);
            return Page();
        }
        TempData["Message"] = $"Đã xóa dự thảo giao ước \"{Agreement.Title}\".";
        return RedirectToPage("Index");
    }
}
