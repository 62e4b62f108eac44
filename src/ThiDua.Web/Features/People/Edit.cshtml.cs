using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Eligibility;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

[Authorize(Roles = Roles.RegistryEditors)]
public sealed class EditModel(AppDbContext db, UnitScopeService scopes, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Hãy nhập mã cá nhân."), StringLength(50, ErrorMessage = "Mã cá nhân tối đa 50 ký tự.")]
        [Display(Name = "Mã cá nhân")] public string PersonalCode { get; set; } = "";
        [Required(ErrorMessage = "Hãy nhập họ."), StringLength(50, ErrorMessage = "Họ tối đa 50 ký tự.")]
        [Display(Name = "Họ")] public string FamilyName { get; set; } = "";
        [StringLength(100, ErrorMessage = "Tên đệm tối đa 100 ký tự.")]
        [Display(Name = "Tên đệm")] public string? MiddleName { get; set; }
        [Required(ErrorMessage = "Hãy nhập tên."), StringLength(50, ErrorMessage = "Tên tối đa 50 ký tự.")]
        [Display(Name = "Tên")] public string GivenName { get; set; } = "";
        [Required(ErrorMessage = "Hãy chọn giới tính.")]
        [Display(Name = "Giới tính")] public Gender? Gender { get; set; }
        [Display(Name = "Ngày sinh"), ModelBinder(typeof(VnDateBinder))] public DateOnly? BirthDate { get; set; }
        [StringLength(200, ErrorMessage = "Chức vụ tối đa 200 ký tự.")]
        [Display(Name = "Chức vụ")] public string? Position { get; set; }
        [Display(Name = "Ngày tuyển dụng"), ModelBinder(typeof(VnDateBinder))] public DateOnly? HiredOn { get; set; }
        [Required(ErrorMessage = "Hãy chọn đơn vị.")]
        [Display(Name = "Đơn vị")] public int? UnitId { get; set; }
        [StringLength(30, ErrorMessage = "Số CCCD tối đa 12 chữ số.")]
        [Display(Name = "Số CCCD")] public string? NationalId { get; set; }
        [StringLength(30, ErrorMessage = "Mã CBCCVC tối đa 20 ký tự.")]
        [Display(Name = "Mã CBCCVC")] public string? CivilServantCode { get; set; }
        [Display(Name = "Đang xem xét kỷ luật, thanh tra, khiếu nại")] public bool PendingReview { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public List<ThiDua.Features.Units.UnitOption> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        Units = await EditableUnitsAsync(scope, ct);
        if (id is null) return Page();
        var p = await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return NotFound();
        if (!scope.CanEditUnit(p.CurrentUnitId)) return Forbid();
        Id = id;
        Input = new InputModel
        {
            PersonalCode = p.PersonalCode, FamilyName = p.FamilyName, MiddleName = p.MiddleName, GivenName = p.GivenName,
            Gender = p.Gender, BirthDate = p.BirthDate, Position = p.Position, HiredOn = p.HiredOn, UnitId = p.CurrentUnitId,
            NationalId = p.NationalId, CivilServantCode = p.CivilServantCode,
            PendingReview = p.PendingReview, Version = p.Version,
        };
        return Page();
    }

    private async Task<string?> UnitTextAsync(int? unitId, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name + " (" + u.Code + ")").FirstOrDefaultAsync(ct);

    private async Task<bool> CodeTakenAsync(string code, int? id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.People.AsNoTracking().AnyAsync(x => x.PersonalCode == code && x.Id != id, ct);
    }

    private async Task<List<ThiDua.Features.Units.UnitOption>> EditableUnitsAsync(AccessScope scope, CancellationToken ct) =>
        (await ThiDua.Features.Units.UnitTree.OptionsAsync(db, scope, ct)).Where(u => scope.CanEditUnit(u.Id)).ToList();

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(User, ct);
        Units = await EditableUnitsAsync(scope, ct);
        Id = id;
        Person? person = null;
        if (id is not null)
        {
            person = await db.People.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (person is null) return NotFound();
            if (!scope.CanEditUnit(person.CurrentUnitId)) return Forbid();
        }
        var code = Input.PersonalCode.Trim();
        // The unit must exist and be active when it is chosen anew; a tampered or stale id gets a message, not a foreign-key error.
        var unit = Input.UnitId is { } unitId
            ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Name, u.Code, Active = u.ActiveTo == null }).FirstOrDefaultAsync(ct)
            : null;
        var unitChanges = person is null || person.CurrentUnitId != Input.UnitId;
        if (Input.UnitId is { } chosen && (unit is null || unitChanges && !unit.Active))
            ModelState.AddModelError("Input.UnitId", $"Không có đơn vị đang hoạt động với mã số {chosen}: hãy chọn đơn vị trong danh sách.");
        else if (unit is not null && !scope.CanEditUnit(unit.Id)) ModelState.AddModelError("Input.UnitId", $"Đơn vị \"{unit.Name}\" ngoài phạm vi của bạn.");
        if (await db.People.AnyAsync(x => x.PersonalCode == code && x.Id != id, ct)) ModelState.AddModelError("Input.PersonalCode", $"Mã cá nhân \"{code}\" đã được dùng cho người khác.");
        // A code made only of digits is a citizen identity number (CCCD): 12 digits, as the import checks.
        if (code.Length > 0 && code.All(char.IsAsciiDigit) && code.Length != 12)
            ModelState.AddModelError("Input.PersonalCode", $"Mã cá nhân \"{code}\" chỉ gồm chữ số nên phải là số căn cước công dân đủ 12 chữ số (đang có {code.Length}).");
        var nationalId = PersonIds.Clean(Input.NationalId);
        var civilServantCode = PersonIds.Clean(Input.CivilServantCode);
        if (nationalId is not null && !PersonIds.IsNationalId(nationalId))
            ModelState.AddModelError("Input.NationalId", $"Số CCCD \"{nationalId}\" không hợp lệ: phải gồm đúng 12 chữ số.");
        else if (nationalId is not null && await db.People.AsNoTracking().Where(x => x.NationalId == nationalId && x.Id != id).Select(x => new { x.PersonalCode, x.CurrentUnitId }).FirstOrDefaultAsync(ct) is { } holder)
            // The holder is named only to someone who may see them: another agency's people stay out of sight.
            ModelState.AddModelError("Input.NationalId", scope.CanSeeUnit(holder.CurrentUnitId)
                ? $"Số CCCD \"{nationalId}\" đã ghi cho cán bộ mã \"{holder.PersonalCode}\": mỗi số CCCD thuộc một người."
                : $"Số CCCD \"{nationalId}\" đã ghi cho một người ngoài phạm vi của bạn: mỗi số CCCD thuộc một người.");
        if (civilServantCode is not null && !PersonIds.IsCivilServantCode(civilServantCode))
            ModelState.AddModelError("Input.CivilServantCode", $"Mã CBCCVC không hợp lệ: chỉ gồm chữ, số, dấu chấm, gạch ngang, tối đa {PersonIds.CivilServantCodeMax} ký tự.");
        var today = clock.VietnamToday();
        if (Input.BirthDate is { } b && b > today) ModelState.AddModelError("Input.BirthDate", "Ngày sinh không thể ở tương lai.");
        if (Input.BirthDate is { } b2 && Input.HiredOn is { } h && h < b2.AddYears(15)) ModelState.AddModelError("Input.HiredOn", "Ngày tuyển dụng phải sau ngày sinh ít nhất 15 năm.");
        if (!ModelState.IsValid) return Page();

        var creating = person is null;
        var before = creating ? null : HistoryText.PersonFields(person!, await UnitTextAsync(person!.CurrentUnitId, ct));
        person ??= new Person { PersonalCode = code, FamilyName = "", GivenName = "" };
        if (!creating) db.Entry(person).Property(p => p.Version).OriginalValue = Input.Version;
        person.PersonalCode = code;
        person.FamilyName = Input.FamilyName;
        person.MiddleName = Input.MiddleName;
        person.GivenName = Input.GivenName;
        person.Gender = Input.Gender!.Value;
        person.BirthDate = Input.BirthDate;
        person.Position = Input.Position;
        person.HiredOn = Input.HiredOn;
        person.PendingReview = Input.PendingReview;
        person.NationalId = nationalId;
        person.CivilServantCode = civilServantCode;
        person.Normalize();
        if (creating)
        {
            person.CurrentUnitId = Input.UnitId;
            person.Memberships.Add(new UnitMembership { UnitId = Input.UnitId!.Value, From = Input.HiredOn ?? today, Position = person.Position });
            db.People.Add(person);
        }
        else if (person.CurrentUnitId != Input.UnitId)
        {
            foreach (var m in await db.UnitMemberships.Where(m => m.PersonId == person.Id && m.To == null).ToListAsync(ct)) m.To = today.AddDays(-1);
            db.UnitMemberships.Add(new UnitMembership { PersonId = person.Id, UnitId = Input.UnitId!.Value, From = today, Position = person.Position });
            person.CurrentUnitId = Input.UnitId;
        }
        var after = HistoryText.PersonFields(person, HistoryText.Unit(unit!.Name, unit.Code));
        if (before is not null && HistoryText.Diff(before, after) is { Length: 0 })
        {
            TempData["Message"] = "Không có thay đổi nào.";
            return RedirectToPage("Details", new { id = person.Id });
        }
        // Saved first so a new person has the database id the audit entry is keyed by; both go in one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            db.Audit(User.UserName(), creating ? "Thêm cán bộ" : "Sửa hồ sơ cán bộ", nameof(Person), person.Id,
                before is null ? HistoryText.Created(after) : HistoryText.Diff(before, after), code: person.PersonalCode);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.People.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            ModelState.AddModelError("", $"Hồ sơ vừa được người khác sửa (hiện là: {current.FullName}, {current.Position}). Các thay đổi của bạn vẫn ở trên biểu mẫu; hãy xem lại rồi lưu lần nữa.");
            Input.Version = current.Version;
            ModelState.Remove("Input.Version");
            return Page();
        }
        catch (DbUpdateException)
        {
            // Two saves with the same code at once: the check above passed for both, the unique index refused one.
            await tx.RollbackAsync(ct);
            if (!await CodeTakenAsync(code, id, ct)) throw;
            ModelState.AddModelError("Input.PersonalCode", $"Mã cá nhân \"{code}\" vừa được dùng cho người khác. Hãy kiểm tra lại mã rồi lưu lần nữa.");
            return Page();
        }
        TempData["Message"] = creating ? $"Đã thêm {person.FullName}." : $"Đã lưu hồ sơ {person.FullName}.";
        return RedirectToPage("Details", new { id = person.Id });
    }
}
