using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Agreements;

/// <summary>Creates a draft agreement, edits a draft, or corrects a signed one with a reason (bloc secretariat only).</summary>
public sealed class EditModel(AppDbContext db, UnitScopeService scopes, AgreementService service) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Khối thi đua")] public int BlocId { get; set; }
        [Display(Name = "Năm giao ước"), Required(ErrorMessage = "Hãy nhập năm giao ước."), Range(AgreementRules.FirstYear, AgreementRules.LastYear, ErrorMessage = "Năm giao ước phải từ 2000 đến 2100.")]
        public int? Year { get; set; }
        [Display(Name = "Tên giao ước"), Required(ErrorMessage = "Hãy nhập tên giao ước."), StringLength(AgreementRules.TitleMax, ErrorMessage = "Tên giao ước tối đa 300 ký tự.")]
        public string? Title { get; set; }
        [Display(Name = "Nội dung"), StringLength(AgreementRules.ContentMax, ErrorMessage = "Nội dung giao ước tối đa 8.000 ký tự.")]
        public string? Content { get; set; }
        [Display(Name = "Ngày ký")] public DateOnly? SignedOn { get; set; }
        [Display(Name = "Địa điểm ký"), StringLength(AgreementRules.PlaceMax, ErrorMessage = "Địa điểm ký tối đa 200 ký tự.")]
        public string? Place { get; set; }
        [Display(Name = "Lý do đính chính"), StringLength(AgreementRules.ReasonMax, ErrorMessage = "Lý do đính chính tối đa 1.000 ký tự.")]
        public string? Reason { get; set; }
        public int Version { get; set; }
    }

    public sealed record BlocOption(int Id, string Name);

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public AgreementState State { get; private set; }
    public List<BlocOption> Blocs { get; private set; } = [];

    private async Task<IActionResult?> PrepareAsync(int? id, CancellationToken ct)
    {
        var reader = await AgreementReader.ForAsync(User, scopes, ct);
        if (!reader.Secretariat) return Forbid();
        Id = id;
        Blocs = await db.Blocs.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Name).Select(b => new BlocOption(b.Id, b.Name)).ToListAsync(ct);
        if (id is null) return null;
        var a = await db.Agreements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return NotFound();
        State = a.State;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        if (id is null)
        {
            Input = new InputModel { BlocId = Blocs.FirstOrDefault()?.Id ?? 0, Year = DateTime.UtcNow.Year };
            return Page();
        }
        var a = await db.Agreements.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        Input = new InputModel { BlocId = a.BlocId, Year = a.Year, Title = a.Title, Content = a.Content, SignedOn = a.SignedOn, Place = a.Place, Version = a.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } refused) return refused;
        if (!ModelState.IsValid) return Page();
        var input = new AgreementInput(Input.BlocId, Input.Year!.Value, Input.Title, Input.Content, Input.SignedOn, Input.Place);
        List<string> errors;
        if (id is null)
        {
            (var newId, errors) = await service.CreateAsync(User.UserName(), input, ct);
            if (newId is not null)
            {
                TempData["Message"] = "Đã thêm dự thảo giao ước.";
                return RedirectToPage("Details", new { id = newId });
            }
        }
        else
        {
            errors = await service.EditAsync(User.UserName(), id.Value, Input.Version, input, Input.Reason, ct);
            if (errors.Count == 0)
            {
                TempData["Message"] = State == AgreementState.SignedOff ? "Đã đính chính giao ước; lý do được ghi vào nhật ký." : "Đã lưu giao ước.";
                return RedirectToPage("Details", new { id });
            }
            if (errors.Contains(AgreementRules.ConflictMessage))
            {
                // Keep what the user typed; the next save compares with the version now stored.
                Input.Version = await db.Agreements.Where(x => x.Id == id).Select(x => x.Version).FirstOrDefaultAsync(ct);
                ModelState.Remove("Input.Version");
            }
        }
        foreach (var e in errors) ModelState.AddModelError("", e);
        return Page();
    }
}
