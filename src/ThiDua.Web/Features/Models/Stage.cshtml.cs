using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Models;

/// <summary>Moves a model to the next stage (no skipping), or back to an earlier one with a reason, with date, notes and evidence.</summary>
public sealed class StageModel(AppDbContext db, UnitScopeService scopes, ModelRegister register, DocumentFiles files) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Giai đoạn chuyển đến")] public ModelStage Target { get; set; }
        [Display(Name = "Ngày")] public DateOnly? OnDate { get; set; }
        [Display(Name = "Ghi chú"), StringLength(ModelRules.NoteMax, ErrorMessage = "Ghi chú tối đa 2.000 ký tự.")] public string? Note { get; set; }
        [Display(Name = "Minh chứng (văn bản)"), StringLength(ModelRules.NoteMax, ErrorMessage = "Minh chứng tối đa 2.000 ký tự.")] public string? Evidence { get; set; }
        [Display(Name = "Lý do quay lại (khi quay lại giai đoạn trước)"), StringLength(ModelRules.ReasonMax, ErrorMessage = "Lý do tối đa 1.000 ký tự.")] public string? Reason { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public ModelStage Current { get; private set; }
    public long MaxKb => files.MaxBytes / 1024;

    private async Task<IActionResult?> LoadAsync(int id, ModelActor actor, CancellationToken ct)
    {
        var m = await db.ExemplaryModels.AsNoTracking().Where(x => x.Id == id).Select(x => new
        {
            x.AgencyId, x.Kind, x.Title, x.Stage, x.Version, Unit = x.Unit == null ? null : x.Unit.Name,
            Family = x.Person == null ? null : x.Person.FamilyName, Middle = x.Person == null ? null : x.Person.MiddleName, Given = x.Person == null ? null : x.Person.GivenName,
        }).FirstOrDefaultAsync(ct);
        if (m is null) return NotFound();
        if (!actor.CanChange(m.AgencyId)) return Forbid();
        Id = id;
        Name = IndexModel.NameOf(m.Kind, m.Title, m.Unit, m.Family, m.Middle, m.Given);
        Current = m.Stage;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, await ModelActor.ForAsync(User, scopes, ct), ct) is { } refused) return refused;
        var version = await db.ExemplaryModels.Where(x => x.Id == id).Select(x => x.Version).FirstAsync(ct);
        Input = new InputModel { Target = ModelRules.Next(Current) ?? Current, OnDate = DateOnly.FromDateTime(DateTime.UtcNow.Add(VnFormat.VietnamOffset)), Version = version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, IFormFile? file, CancellationToken ct)
    {
        var actor = await ModelActor.ForAsync(User, scopes, ct);
        if (await LoadAsync(id, actor, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        StoredDocument? doc = null;
        if (file is { Length: > 0 })
        {
            var (saved, error) = await files.SaveAsync(file, "Tệp minh chứng", ModelRules.EvidenceKinds, ct);
            if (saved is null)
            {
                ModelState.AddModelError("", error!);
                return Page();
            }
            doc = saved;
        }
        var outcome = await register.ChangeStageAsync(actor, id, Input.Version, new StageInput(Input.Target, Input.OnDate, Input.Note, Input.Evidence, doc, Input.Reason), ct);
        if (outcome.Forbidden)
        {
            files.Delete(doc?.StoredName);
            return Forbid();
        }
        if (outcome.Ok)
        {
            TempData["Message"] = $"Đã chuyển sang giai đoạn \"{ModelRules.StageName(Input.Target)}\".";
            return RedirectToPage("Details", new { id });
        }
        files.Delete(doc?.StoredName);
        if (outcome.Errors.Contains(ModelRules.ConflictMessage))
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, actor, ct);
            Input.Version = await db.ExemplaryModels.Where(x => x.Id == id).Select(x => x.Version).FirstAsync(ct);
            ModelState.Remove("Input.Version");
        }
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e);
        return Page();
    }
}
