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
        [Display(Name = "Mã phong trào thi đua (cách nhau bởi dấu phẩy)"), StringLength(200, ErrorMessage = "Danh sách phong trào tối đa 200 ký tự.")] public string? Movements { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public ModelKind ExistingKind { get; private set; }
    public List<UnitOption> Units { get; private set; } = [];

    private async Task<IActionResult?> PrepareAsync(int? id, ModelActor actor, CancellationToken ct)
    {
        if (!actor.Manages) return Forbid();
        Id = id;
        if (id is null)
        {
            var scope = await scopes.GetAsync(User, ct);
            Units = await UnitTree.OptionsAsync(db, scope, ct);
            return null;
        }
        var m = await db.ExemplaryModels.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.AgencyId, x.Kind }).FirstOrDefaultAsync(ct);
        if (m is null) return NotFound();
        if (!actor.CanChange(m.AgencyId)) return Forbid();
        ExistingKind = m.Kind;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var actor = await ModelActor.ForAsync(User, scopes, ct);
        if (await PrepareAsync(id, actor, ct) is { } refused) return refused;
        if (id is null)
        {
            Input = new InputModel { DiscoveredOn = DateOnly.FromDateTime(DateTime.UtcNow.Add(VnFormat.VietnamOffset)) };
            return Page();
        }
        var m = await db.ExemplaryModels.AsNoTracking().Include(x => x.Movements).FirstAsync(x => x.Id == id, ct);
        Input = new InputModel
        {
            Kind = m.Kind, Title = m.Title, Description = m.Description, Version = m.Version,
            Movements = string.Join(", ", m.Movements.Select(x => x.MovementId).Order().Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var actor = await ModelActor.ForAsync(User, scopes, ct);
        if (await PrepareAsync(id, actor, ct) is { } refused) return refused;
        var (movements, movementError) = ModelRules.ParseMovementIds(Input.Movements);
        if (movementError is not null) ModelState.AddModelError("Input.Movements", movementError);
        if (!ModelState.IsValid) return Page();
        var input = new ModelInput(Input.Kind, Input.PersonalCode, Input.UnitId, Input.Title, Input.Description, Input.DiscoveredOn, Input.Note, Input.Evidence, movements!);
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
