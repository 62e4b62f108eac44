using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Units;

[Authorize(Roles = Roles.RegistryEditors)]
public sealed class EditModel(AppDbContext db, UnitScopeService scopes) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập tên đơn vị."), StringLength(300, ErrorMessage = "Tên đơn vị tối đa 300 ký tự.")]
        [Display(Name = "Tên đơn vị")] public string Name { get; set; } = "";
        [StringLength(100, ErrorMessage = "Tên viết tắt tối đa 100 ký tự.")]
        [Display(Name = "Tên viết tắt")] public string? ShortName { get; set; }
        [Required(ErrorMessage = "Hãy nhập mã đơn vị."), StringLength(50, ErrorMessage = "Mã tối đa 50 ký tự."), RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "Mã chỉ gồm chữ không dấu, chữ số và các dấu . _ -")]
        [Display(Name = "Mã đơn vị")] public string Code { get; set; } = "";
        [Display(Name = "Loại đơn vị")] public UnitKind Kind { get; set; } = UnitKind.Department;
        [Display(Name = "Trực thuộc")] public int? ParentId { get; set; }
        [Required(ErrorMessage = "Hãy nhập ngày bắt đầu hoạt động.")]
        [Display(Name = "Hoạt động từ")] public DateOnly? ActiveFrom { get; set; } = new DateOnly(2010, 1, 1);
        [Display(Name = "Hoạt động đến")] public DateOnly? ActiveTo { get; set; }
        [Range(0, 99, ErrorMessage = "Tỷ lệ Lao động tiên tiến của Tập thể lao động tiên tiến phải từ 0 đến 99 (%).")]
        [Display(Name = "Tập thể lao động tiên tiến: tỷ lệ Lao động tiên tiến phải trên (%)")] public int? TtldttLdttPercentMoreThan { get; set; }
        [Display(Name = "Tập thể lao động tiên tiến: không có cá nhân bị kỷ luật từ cảnh cáo trở lên")] public bool? TtldttNoMemberDisciplined { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public List<People.IndexModel.UnitOption> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? parent, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        Parents = await ParentsAsync(scope, id, ct);
        if (id is null)
        {
            Input.ParentId = parent;
            if (parent is null && !scope.AllUnits) Input.ParentId = Parents.FirstOrDefault()?.Id;
            return Page();
        }
        var u = await db.Units.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (u is null) return NotFound();
        if (!scope.CanEditUnit(id)) return Forbid();
        Id = id;
        Input = new InputModel { Name = u.Name, ShortName = u.ShortName, Code = u.Code, Kind = u.Kind, ParentId = u.ParentId, ActiveFrom = u.ActiveFrom, ActiveTo = u.ActiveTo, Version = u.Version,
            TtldttLdttPercentMoreThan = u.TtldttLdttPercentMoreThan, TtldttNoMemberDisciplined = u.TtldttNoMemberDisciplined };
        return Page();
    }

    private static string Criteria(int? share, bool? noDisciplined) =>
        FormattableString.Invariant($"trên {(share is { } p ? p + "%" : "mặc định")}, kỷ luật từ cảnh cáo: {noDisciplined switch { true => "loại", false => "không xét", null => "mặc định" }}");

    private async Task<List<People.IndexModel.UnitOption>> ParentsAsync(AccessScope scope, int? self, CancellationToken ct)
    {
        var options = await People.IndexModel.UnitOptionsAsync(db, scope, ct);
        if (self is null) return options.Where(o => scope.CanEditUnit(o.Id)).ToList();
        var descendants = await UnitScopeService.SubtreeAsync(db, self.Value, ct);
        return options.Where(o => scope.CanEditUnit(o.Id) && !descendants.Contains(o.Id)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        Parents = await ParentsAsync(scope, id, ct);
        Id = id;
        Unit? unit = null;
        if (id is not null)
        {
            unit = await db.Units.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (unit is null) return NotFound();
            if (!scope.CanEditUnit(id)) return Forbid();
        }
        var code = Input.Code.Trim().ToUpperInvariant();
        if (await db.Units.AnyAsync(u => u.Code == code && u.Id != id, ct)) ModelState.AddModelError("Input.Code", $"Mã \"{code}\" đã được dùng cho đơn vị khác.");
        if (Input.ParentId is { } pid && Parents.All(p => p.Id != pid)) ModelState.AddModelError("Input.ParentId", "Đơn vị trực thuộc không hợp lệ (ngoài phạm vi, hoặc là chính đơn vị này hay đơn vị con của nó).");
        if (Input.ParentId is null && !scope.AllUnits) ModelState.AddModelError("Input.ParentId", "Chỉ quản trị hoặc thường trực khối được tạo cơ quan cấp cao nhất.");
        if (Input.ParentId is null && Input.Kind != UnitKind.Agency) ModelState.AddModelError("Input.Kind", "Đơn vị không trực thuộc đơn vị nào phải là cơ quan.");
        if (Input.ActiveFrom is { } f && Input.ActiveTo is { } t && t < f) ModelState.AddModelError("Input.ActiveTo", "Ngày ngừng hoạt động phải sau ngày bắt đầu.");
        if (Input.Kind != UnitKind.Agency && (Input.TtldttLdttPercentMoreThan is not null || Input.TtldttNoMemberDisciplined is not null))
            ModelState.AddModelError("Input.TtldttLdttPercentMoreThan", "Chỉ cơ quan mới tự quy định tiêu chuẩn Tập thể lao động tiên tiến; để trống cho đơn vị khác.");
        if (!ModelState.IsValid) return Page();

        var creating = unit is null;
        var before = creating ? null : Criteria(unit!.TtldttLdttPercentMoreThan, unit.TtldttNoMemberDisciplined);
        unit ??= new Unit { Name = "", Code = "" };
        if (!creating) db.Entry(unit).Property(u => u.Version).OriginalValue = Input.Version;
        unit.Name = Input.Name;
        unit.ShortName = Input.ShortName;
        unit.Code = code;
        unit.Kind = Input.Kind;
        unit.ParentId = Input.ParentId;
        unit.ActiveFrom = Input.ActiveFrom!.Value;
        unit.ActiveTo = Input.ActiveTo;
        unit.TtldttLdttPercentMoreThan = Input.TtldttLdttPercentMoreThan;
        unit.TtldttNoMemberDisciplined = Input.TtldttNoMemberDisciplined;
        unit.Normalize();
        if (creating) db.Units.Add(unit);
        var after = Criteria(unit.TtldttLdttPercentMoreThan, unit.TtldttNoMemberDisciplined);
        db.Audit(User.UserName(), creating ? "Thêm đơn vị" : "Sửa đơn vị", nameof(Unit), code,
            unit.Name + (before == after ? "" : $"; tiêu chuẩn Tập thể lao động tiên tiến của cơ quan: {before ?? "—"} → {after}"));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Units.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            ModelState.AddModelError("", $"Đơn vị vừa được người khác sửa (tên hiện tại: {current.Name}). Các thay đổi của bạn vẫn ở trên biểu mẫu; hãy xem lại rồi lưu lần nữa.");
            Input.Version = current.Version;
            ModelState.Remove("Input.Version");
            return Page();
        }
        TempData["Message"] = creating ? $"Đã thêm đơn vị {unit.Name}." : $"Đã lưu đơn vị {unit.Name}.";
        return RedirectToPage("Details", new { id = unit.Id });
    }
}
