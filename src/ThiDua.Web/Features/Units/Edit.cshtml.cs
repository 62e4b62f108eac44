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
    /// <summary>Only the administrator and the bloc secretariat create agencies (they are the bloc's members).</summary>
    public bool CanCreateAgencies { get; private set; }
    /// <summary>The kind the unit has now: an officer keeps their own agency an agency.</summary>
    public UnitKind? StoredKind { get; private set; }
    public IEnumerable<UnitKind> KindOptions => CanCreateAgencies ? Enum.GetValues<UnitKind>()
        : StoredKind == UnitKind.Agency ? [UnitKind.Agency]
        : Enum.GetValues<UnitKind>().Where(k => k != UnitKind.Agency);
    public List<UnitOption> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? parent, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        Parents = await ParentsAsync(scope, id, ct);
        CanCreateAgencies = scope.AllUnits;
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
        StoredKind = u.Kind;
        Input = new InputModel { Name = u.Name, ShortName = u.ShortName, Code = u.Code, Kind = u.Kind, ParentId = u.ParentId, ActiveFrom = u.ActiveFrom, ActiveTo = u.ActiveTo, Version = u.Version,
            TtldttLdttPercentMoreThan = u.TtldttLdttPercentMoreThan, TtldttNoMemberDisciplined = u.TtldttNoMemberDisciplined };
        return Page();
    }

    private static string Criteria(int? share, bool? noDisciplined) =>
        FormattableString.Invariant($"trên {(share is { } p ? p + "%" : "mặc định")}, kỷ luật từ cảnh cáo: {noDisciplined switch { true => "loại", false => "không xét", null => "mặc định" }}");

    private async Task<List<UnitOption>> ParentsAsync(AccessScope scope, int? self, CancellationToken ct)
    {
        var options = await UnitTree.OptionsAsync(db, scope, ct);
        if (self is null) return options.Where(o => scope.CanEditUnit(o.Id)).ToList();
        var descendants = await UnitScopeService.SubtreeAsync(db, self.Value, ct);
        return options.Where(o => scope.CanEditUnit(o.Id) && !descendants.Contains(o.Id)).ToList();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        Parents = await ParentsAsync(scope, id, ct);
        CanCreateAgencies = scope.AllUnits;
        Id = id;
        Unit? unit = null;
        if (id is not null)
        {
            unit = await db.Units.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (unit is null) return NotFound();
            if (!scope.CanEditUnit(id)) return Forbid();
            StoredKind = unit.Kind;
        }
        var code = Input.Code.Trim().ToUpperInvariant();
        if (await db.Units.AnyAsync(u => u.Code == code && u.Id != id, ct)) ModelState.AddModelError("Input.Code", DuplicateCode(code));
        // A unit that stays where it is needs no new parent check: an agency officer saves their own agency,
        // whose (empty) parent is outside what they may choose.
        var parentUnchanged = unit is not null && Input.ParentId == unit.ParentId;
        if (!parentUnchanged && Input.ParentId is { } pid && Parents.All(p => p.Id != pid)) ModelState.AddModelError("Input.ParentId", "Đơn vị trực thuộc không hợp lệ (không có, đã ngừng hoạt động, ngoài phạm vi, hoặc là chính đơn vị này hay đơn vị con của nó).");
        if (!parentUnchanged && Input.ParentId is null && !scope.AllUnits) ModelState.AddModelError("Input.ParentId", "Chỉ quản trị hoặc thường trực khối được tạo cơ quan cấp cao nhất.");
        if (Input.ParentId is null && Input.Kind != UnitKind.Agency) ModelState.AddModelError("Input.Kind", "Đơn vị không trực thuộc đơn vị nào phải là cơ quan.");
        var admin = User.IsInRole(Accounts.Roles.Admin);
        // A new agency (a new member of the bloc): the administrator and the bloc secretariat. Turning an existing unit
        // into an agency, or an agency into something else, changes whose subtree is "its own agency" (AccessScope):
        // the administrator's alone.
        if (Input.Kind == UnitKind.Agency && unit?.Kind != UnitKind.Agency && !(unit is null ? scope.AllUnits : admin))
            ModelState.AddModelError("Input.Kind", "Chỉ quản trị hoặc thường trực khối được tạo cơ quan (loại \"Cơ quan\"); hãy chọn loại đơn vị khác.");
        if (!admin && unit?.Kind == UnitKind.Agency && Input.Kind != UnitKind.Agency)
            ModelState.AddModelError("Input.Kind", "Chỉ quản trị hệ thống được đổi loại của một cơ quan.");
        if (Input.ActiveFrom is { } f && Input.ActiveTo is { } t && t < f) ModelState.AddModelError("Input.ActiveTo", "Ngày ngừng hoạt động phải sau ngày bắt đầu.");
        if (Input.Kind != UnitKind.Agency && (Input.TtldttLdttPercentMoreThan is not null || Input.TtldttNoMemberDisciplined is not null))
            ModelState.AddModelError("Input.TtldttLdttPercentMoreThan", "Chỉ cơ quan mới tự quy định tiêu chuẩn Tập thể lao động tiên tiến; để trống cho đơn vị khác.");
        if (!ModelState.IsValid) return Page();

        var creating = unit is null;
        int? oldParent = unit?.ParentId, newParent = Input.ParentId;
        var parentNames = await db.Units.AsNoTracking().Where(u => u.Id == newParent || u.Id == oldParent)
            .ToDictionaryAsync(u => u.Id, u => $"{u.Name} ({u.Code})", ct);
        var before = creating ? null : AuditFields(unit!, parentNames);
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
        try
        {
            // A new unit gets its id on the first save; the audit entry names it by that id in the same transaction.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Audit(User.UserName(), creating ? "Thêm đơn vị" : "Sửa đơn vị", nameof(Unit), unit.Id, AuditDetails(before, AuditFields(unit, parentNames)), code: unit.Code);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Units.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            ModelState.AddModelError("", $"Đơn vị vừa được người khác sửa (tên hiện tại: {current.Name}). Các thay đổi của bạn vẫn ở trên biểu mẫu; hãy xem lại rồi lưu lần nữa.");
            Input.Version = current.Version;
            ModelState.Remove("Input.Version");
            return Page();
        }
        catch (DbUpdateException e) when (CodeConflict.Is(e, "Units"))
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Code", DuplicateCode(code));
            return Page();
        }
        TempData["Message"] = creating ? $"Đã thêm đơn vị {unit.Name}." : $"Đã lưu đơn vị {unit.Name}.";
        return RedirectToPage("Details", new { id = unit.Id });
    }

    private static string DuplicateCode(string code) => $"Mã \"{code}\" đã được dùng cho đơn vị khác.";

    /// <summary>What an officer reads in the audit log for a unit: its fields by their Vietnamese labels.</summary>
    private static List<(string Label, string Value)> AuditFields(Unit u, Dictionary<int, string> parentNames) =>
    [
        ("tên", u.Name),
        ("tên viết tắt", u.ShortName ?? "—"),
        ("mã", u.Code),
        ("loại", Unit.KindName(u.Kind)),
        ("trực thuộc", u.ParentId is { } p ? parentNames.GetValueOrDefault(p, "—") : "—"),
        ("hoạt động", $"{VnFormat.Date(u.ActiveFrom)} – {(u.ActiveTo is null ? "nay" : VnFormat.Date(u.ActiveTo))}"),
        ("tiêu chuẩn Tập thể lao động tiên tiến của cơ quan", Criteria(u.TtldttLdttPercentMoreThan, u.TtldttNoMemberDisciplined)),
    ];

    /// <summary>"trước: … → sau: …" with every field of a new unit, or only the fields an edit changed.</summary>
    private static string AuditDetails(List<(string Label, string Value)>? before, List<(string Label, string Value)> after)
    {
        static string Join(IEnumerable<(string Label, string Value)> fields) => string.Join("; ", fields.Select(x => $"{x.Label}: {x.Value}"));
        if (before is null) return $"trước: — → sau: {Join(after)}";
        var changed = after.Select((x, i) => i).Where(i => before[i].Value != after[i].Value).ToList();
        return changed.Count == 0 ? "không thay đổi" : $"trước: {Join(changed.Select(i => before[i]))} → sau: {Join(changed.Select(i => after[i]))}";
    }
}
