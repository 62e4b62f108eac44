using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Blocs;

[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class EditModel(AppDbContext db) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập tên khối."), StringLength(300, ErrorMessage = "Tên khối tối đa 300 ký tự.")]
        [Display(Name = "Tên khối thi đua")] public string Name { get; set; } = "";
        [StringLength(100, ErrorMessage = "Tên viết tắt tối đa 100 ký tự.")]
        [Display(Name = "Tên viết tắt")] public string? ShortName { get; set; }
        [Required(ErrorMessage = "Hãy nhập mã khối."), StringLength(50, ErrorMessage = "Mã tối đa 50 ký tự."), RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Mã chỉ gồm chữ không dấu, chữ số và các dấu . _ -")]
        [Display(Name = "Mã khối")] public string Code { get; set; } = "";
        [StringLength(4000, ErrorMessage = "Mô tả tối đa 4.000 ký tự.")]
        [Display(Name = "Mô tả")] public string? Description { get; set; }
        [Display(Name = "Đang hoạt động")] public bool IsActive { get; set; } = true;
        [Range(0, 100, ErrorMessage = "Tỷ lệ cờ thi đua tối đa do khối quy định phải từ 0 đến 100 (%), hoặc để trống.")]
        [Display(Name = "Tỷ lệ cờ thi đua tối đa do khối quy định (%)")] public int? FlagSharePercent { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is null) return Page();
        var b = await db.Blocs.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (b is null) return NotFound();
        Id = id;
        Input = new InputModel { Name = b.Name, ShortName = b.ShortName, Code = b.Code, Description = b.Description, IsActive = b.IsActive, FlagSharePercent = b.FlagSharePercent, Version = b.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        EmulationBloc? bloc = null;
        if (id is not null)
        {
            bloc = await db.Blocs.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (bloc is null) return NotFound();
        }
        var code = Input.Code.Trim().ToUpperInvariant();
        if (await db.Blocs.AnyAsync(b => b.Code == code && b.Id != id, ct)) ModelState.AddModelError("Input.Code", $"Mã \"{code}\" đã được dùng cho khối khác.");
        if (!ModelState.IsValid) return Page();
        var creating = bloc is null;
        var before = bloc is null ? "—" : AuditText(bloc);
        bloc ??= new EmulationBloc { Name = "", Code = "" };
        if (!creating) db.Entry(bloc).Property(b => b.Version).OriginalValue = Input.Version;
        bloc.Name = Input.Name.Trim();
        bloc.ShortName = string.IsNullOrWhiteSpace(Input.ShortName) ? null : Input.ShortName.Trim();
        bloc.Code = code;
        bloc.Description = Input.Description?.Trim();
        bloc.IsActive = Input.IsActive;
        bloc.FlagSharePercent = Input.FlagSharePercent;
        if (creating) db.Blocs.Add(bloc);
        try
        {
            // A new bloc gets its id on the first save; the audit entry names it by that id in the same transaction.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Audit(User.UserName(), creating ? "Thêm khối" : "Sửa khối", nameof(EmulationBloc), bloc.Id, $"trước: {before} → sau: {AuditText(bloc)}", code: bloc.Code);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Blocs.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            ModelState.AddModelError("", "Khối vừa được người khác sửa. Các thay đổi của bạn vẫn ở trên biểu mẫu; hãy xem lại rồi lưu lần nữa.");
            Input.Version = current.Version;
            ModelState.Remove("Input.Version");
            return Page();
        }
        catch (DbUpdateException e) when (Units.CodeConflict.Is(e, "Blocs"))
        {
            // Another secretariat saved the same code between the check above and this save.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Code", $"Mã \"{code}\" đã được dùng cho khối khác.");
            return Page();
        }
        TempData["Message"] = "Đã lưu khối thi đua.";
        return RedirectToPage("Details", new { id = bloc.Id });
    }

    private static string AuditText(EmulationBloc b) =>
        $"{b.Name} ({b.Code}); hoạt động: {(b.IsActive ? "có" : "không")}; tỷ lệ cờ thi đua tối đa do khối quy định: {(b.FlagSharePercent is { } p ? p + "%" : "không quy định")}";
}
