using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>Stops following a person (they left, retired, moved out of the bloc) after a confirmation that says what it does.</summary>
[Authorize(Roles = Roles.RegistryEditors)]
public sealed class DeactivateModel(AppDbContext db, UnitScopeService scopes) : PageModel
{
    public Person Person { get; private set; } = null!;
    public string? UnitName { get; private set; }
    [BindProperty] public int Version { get; set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(person.CurrentUnitId)) return Forbid();
        if (!person.IsActive)
        {
            TempData["Message"] = "Cán bộ đã ở trạng thái ngừng theo dõi: không có thay đổi.";
            return RedirectToPage("Details", new { id });
        }
        Person = person;
        UnitName = await db.Units.Where(u => u.Id == person.CurrentUnitId).Select(u => u.Name + " (" + u.Code + ")").FirstOrDefaultAsync(ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } other) return other;
        Version = Person.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } other) return other;
        db.Entry(Person).Property(p => p.Version).OriginalValue = Version;
        Person.IsActive = false;
        db.Audit(User.UserName(), "Ngừng theo dõi cán bộ", nameof(People.Person), Person.Id,
            $"Trạng thái: {HistoryText.Change("đang theo dõi", "ngừng theo dõi")}; đơn vị: {UnitName ?? HistoryText.None}", code: Person.PersonalCode);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = "Hồ sơ vừa được người khác sửa; không có thay đổi nào được lưu. Hãy xem lại và thử lại.";
            return RedirectToPage("Details", new { id });
        }
        TempData["Message"] = $"Đã ngừng theo dõi {Person.FullName} (hồ sơ vẫn được giữ).";
        return RedirectToPage("Details", new { id });
    }
}
