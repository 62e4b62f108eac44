using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Models;

/// <summary>Registers a model at its discovery, or edits its title, description and movements (the owning agency's officer or the bloc secretariat).</summary>
public sealed class EditModel(AppDbContext db, UnitScopeService scopes, ModelRegister register) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Loại gương điển hình")] public ModelKind Kind { get; set; }
        [Display(Name = "Mã cá nhân"), StringLength(50, ErrorMessage = "Mã cá nhân tối đa 50 ký tự.")] public string? PersonalCode { get; set; }
        [Display(Name = "Tập thể / đơn vị chủ quản")] public int? UnitId { get; set; }
        [Display(Name = "Tên (mô hình, cách làm hay) hoặc tiêu đề"), StringLength(ModelRules.TitleMax, ErrorMessage = "Tên tối đa 300 ký tự.")] public string? Title { get; set; }
        [Display(Name = "Mô tả"), StringLength(ModelRules.DescriptionMax, ErrorMessage = "Mô tả tối đa 4.000 ký tự.")] public string? Description { get; set; }
        [Display(Name = "Ngày phát hiện")] public DateOnly? DiscoveredOn { get; set; }
        [Display(Name = "Ghi chú khi phát hiện"), StringLength(ModelRules.NoteMax, ErrorMessage = "Ghi chú tối đa 2.000 ký tự.")] public string? Note { get; set; }
        [Display(Name = "Minh chứng (văn bản)"), StringLength(ModelRules.NoteMax, ErrorMessage = "Minh chứng tối đa 2.000 ký tự.")] public string? Evidence { get; set; }
        [Display(Name = "Phong trào thi đua")] public List<int> MovementIds { get; set; } = [];
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public ModelKind ExistingKind { get; private set; }
    public List<UnitOption> Units { get; private set; } = [];
    /// <summary>The movements offered as checkboxes: those the owning agency may see in the model's year and the year before, and those already linked.</summary>
    public List<MovementChoice> MovementChoices { get; private set; } = [];
    /// <summary>The years the checkboxes cover (the model's year and the year before).</summary>
    public int ChoiceYear { get; private set; }

    private async Task<IActionResult?> PrepareAsync(int? id, ModelActor actor, CancellationToken ct)
    {
        if (!actor.Manages) return Forbid();
        Id = id;
        if (id is null)
        {
            var scope = await scopes.GetAsync(User, ct);
            Units = await UnitTree.OptionsAsync(db, scope, ct);
            // Before the subject is chosen the owning agency is the user's own; a model of another agency (the bloc
            // secretariat's) is checked against that agency when saved.
            ChoiceYear = Input.DiscoveredOn?.Year is { } y and >= ModelRules.FirstYear and <= ModelRules.LastYear ? y : DateTime.UtcNow.Add(VnFormat.VietnamOffset).Year;
            MovementChoices = await register.MovementChoicesAsync(actor.AgencyId, ChoiceYear, [], ct);
            return null;
        }
        var m = await db.ExemplaryModels.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.AgencyId, x.Kind, x.Year }).FirstOrDefaultAsync(ct);
        if (m is null) return NotFound();
        if (!actor.CanChange(m.AgencyId)) return Forbid();
        ExistingKind = m.Kind;
        ChoiceYear = m.Year;
        var linked = await db.ModelMovements.AsNoTracking().Where(x => x.ModelId == id).Select(x => x.MovementId).ToListAsync(ct);
        MovementChoices = await register.MovementChoicesAsync(m.AgencyId, m.Year, linked, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var actor = await ModelActor.ForAsync(User, scopes, ct);
        if (id is null) Input = new InputModel { DiscoveredOn = DateOnly.FromDateTime(DateTime.UtcNow.Add(VnFormat.VietnamOffset)) };
        if (await PrepareAsync(id, actor, ct) is { } refused) return refused;
        if (id is null) return Page();
        var m = await db.ExemplaryModels.AsNoTracking().Include(x => x.Movements).FirstAsync(x => x.Id == id, ct);
        Input = new InputModel
        {
            Kind = m.Kind, Title = m.Title, Description = m.Description, Version = m.Version,
            MovementIds = m.Movements.Select(x => x.MovementId).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var actor = await ModelActor.ForAsync(User, scopes, ct);
        if (await PrepareAsync(id, actor, ct) is { } refused) return refused;
        // A list element that is not a number gets the binder's message without the field's name: say which field.
        var badMovements = ModelState.Where(e => e.Key.StartsWith("Input.MovementIds", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        foreach (var key in badMovements) ModelState.Remove(key);
        if (badMovements.Count > 0) ModelState.AddModelError("Input.MovementIds", "Phong trào thi đua: giá trị không hợp lệ; hãy chọn trong danh sách.");
        else if (Input.MovementIds.Distinct().Count() > ModelRules.MovementsMax)
            ModelState.AddModelError("Input.MovementIds", $"Phong trào thi đua: tối đa {ModelRules.MovementsMax} phong trào.");
        if (!ModelState.IsValid) return Page();
        var input = new ModelInput(Input.Kind, Input.PersonalCode, Input.UnitId, Input.Title, Input.Description, Input.DiscoveredOn, Input.Note, Input.Evidence, Input.MovementIds);
        var outcome = id is null ? await register.CreateAsync(actor, input, ct) : await register.EditAsync(actor, id.Value, Input.Version, input, ct);
        if (outcome.Forbidden) return Forbid();
        if (outcome.Ok)
        {
            TempData["Message"] = id is null ? "Đã ghi nhận gương điển hình ở giai đoạn phát hiện." : "Đã lưu gương điển hình.";
            return RedirectToPage("Details", new { id = outcome.Id });
        }
        if (id is not null && outcome.Errors.Contains(ModelRules.ConflictMessage))
        {
            Input.Version = await db.ExemplaryModels.Where(x => x.Id == id).Select(x => x.Version).FirstOrDefaultAsync(ct);
            ModelState.Remove("Input.Version");
        }
        foreach (var e in outcome.Errors) ModelState.AddModelError("", e);
        return Page();
    }
}
