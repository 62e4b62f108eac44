using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Features.Awards;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>
/// Corrects one of a person's titles or awards, most often to record the achievement period or the basis
/// a decision states, which earlier records lack.
/// </summary>
[Authorize(Roles = Roles.RegistryEditors)]
public sealed class EditAwardModel(AppDbContext db, UnitScopeService scopes) : PageModel
{
    [BindProperty] public AwardInput Input { get; set; } = new();
    /// <summary>
    /// The award as it was shown. Award rows carry no version column, so a concurrent edit is caught by
    /// comparing this with the stored values before saving.
    /// </summary>
    [BindProperty] public string Original { get; set; } = "";
    public int PersonId { get; private set; }
    public string PersonName { get; private set; } = "";

    private async Task<(AwardRecord? Award, IActionResult? Denied)> FindAsync(int id, CancellationToken ct)
    {
        var award = await db.Awards.FirstOrDefaultAsync(a => a.Id == id && a.PersonId != null, ct);
        if (award is null) return (null, NotFound());
        var person = await db.People.AsNoTracking().Where(p => p.Id == award.PersonId).Select(p => new { p.Id, p.CurrentUnitId, p.FamilyName, p.MiddleName, p.GivenName }).FirstAsync(ct);
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(person.CurrentUnitId)) return (null, Forbid());
        if (await db.DecisionRecipients.AnyAsync(r => r.AwardId == id, ct))
        {
            // Conferred by a decision issued in the app: the decision is the record; only a revocation changes it.
            TempData["Message"] = "Khen thưởng này được ghi theo quyết định đã ban hành: không sửa được ở đây (thu hồi tại trang quyết định).";
            return (null, RedirectToPage("/People/Details", new { id = person.Id }));
        }
        PersonId = person.Id;
        PersonName = $"{person.FamilyName} {(person.MiddleName is null ? "" : person.MiddleName + " ")}{person.GivenName}";
        return (award, null);
    }

    public AwardFieldsModel Fields => new("e", "Input", Input);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (award, denied) = await FindAsync(id, ct);
        if (denied is not null) return denied;
        Input = AwardInput.From(award!);
        Original = award!.AuditText();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (award, denied) = await FindAsync(id, ct);
        if (denied is not null) return denied;
        Input.Validate(ModelState, "Input");
        if (!ModelState.IsValid) return Page();
        var before = award!.AuditText();
        if (before != Original)
        {
            ModelState.AddModelError("", "Khen thưởng này vừa được người khác sửa. Biểu mẫu vẫn giữ thay đổi của bạn; giá trị đang lưu: " + before + ". Hãy xem lại rồi lưu lần nữa.");
            Original = before;
            ModelState.Remove(nameof(Original));
            return Page();
        }
        if ((Input.Year != award.Year || Input.Code != award.Code)
            && await db.Awards.AnyAsync(a => a.PersonId == award.PersonId && a.Id != id && a.Year == Input.Year && a.Code == Input.Code, ct))
        {
            ModelState.AddModelError("Input.Code", $"Đã có {AwardRecord.Name(Input.Code!)} năm {Input.Year}: một thành tích không khen hai lần.");
            return Page();
        }
        Input.ApplyTo(award);
        var after = award.AuditText();
        if (after == before)
        {
            TempData["Message"] = "Không có thay đổi nào.";
            return RedirectToPage("Details", new { id = PersonId });
        }
        var code = await db.People.Where(p => p.Id == PersonId).Select(p => p.PersonalCode).FirstAsync(ct);
        db.Audit(User.UserName(), "Sửa khen thưởng", nameof(Person), PersonId, $"dòng #{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}; {HistoryText.Change(before, after)}", code: code);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã sửa khen thưởng.";
        return RedirectToPage("Details", new { id = PersonId });
    }
}
