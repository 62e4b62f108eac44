using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements.Directives;

/// <summary>Adds or edits a directive with its PDF (checked by content); the bloc secretariat only.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class EditModel(AppDbContext db, UnitScopeService scopes, MovementService service, DocumentFiles files) : PageModel
{
    [BindProperty] public DirectiveInput Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public int? Id { get; private set; }
    public string? CurrentFile { get; private set; }
    public long MaxBytes => files.MaxBytes;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is null) return Page();
        var d = await db.Directives.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return NotFound();
        CurrentFile = d.FileName;
        Input = new DirectiveInput { Number = d.Number, IssuedOn = d.IssuedOn, Issuer = d.Issuer, Title = d.Title, Version = d.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var d = await db.Directives.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (d is null) return NotFound();
            CurrentFile = d.FileName;
        }
        if (!ModelState.IsValid) return Page();
        StoredDocument? stored = null;
        if (Upload is not null)
        {
            var (doc, error) = await files.SaveAsync(Upload, "Tệp chỉ thị", [DocumentKind.Pdf], ct);
            if (error is not null) { ModelState.AddModelError("Upload", error); return Page(); }
            stored = doc;
        }
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        var outcome = await service.SaveDirectiveAsync(id, Input, stored, actor, ct);
        if (!outcome.Ok)
        {
            if (stored is not null) files.Delete(stored.StoredName);
            ModelState.AddModelError("", outcome.Error!);
            if (outcome.Conflict && outcome.CurrentVersion is { } v) { Input.Version = v; ModelState.Remove("Input.Version"); }
            return Page();
        }
        TempData["Message"] = "Đã lưu chỉ thị.";
        return RedirectToPage("Index");
    }
}
