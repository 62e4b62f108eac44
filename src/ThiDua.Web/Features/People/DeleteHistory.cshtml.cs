using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>
/// Deleting one row of a person's history (a rating, a discipline, an initiative, a title or award) asks first,
/// on its own page: GET shows the row and what deleting it does, POST deletes it and audits what it was.
/// </summary>
[Authorize(Roles = Roles.RegistryEditors)]
public sealed class DeleteHistoryModel(AppDbContext db, UnitScopeService scopes) : PageModel
{
    public int PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public string PersonalCode { get; private set; } = "";
    /// <summary>What the row is, in Vietnamese: "xếp loại", "kỷ luật", "sáng kiến", "khen thưởng".</summary>
    public string What { get; private set; } = "";
    /// <summary>The row as the audit entry records it.</summary>
    public string Row { get; private set; } = "";
    private object _entity = null!;

    public static string? KindName(string? kind) => kind switch
    {
        "rating" => "xếp loại",
        "discipline" => "kỷ luật",
        "initiative" => "sáng kiến",
        "award" => "khen thưởng",
        _ => null,
    };

    private async Task<(object Entity, int PersonId, string Text)?> FindAsync(string kind, int itemId, CancellationToken ct)
    {
        switch (kind)
        {
            case "rating":
                var r = await db.YearRatings.FirstOrDefaultAsync(x => x.Id == itemId, ct);
                return r is null ? null : (r, r.PersonId, HistoryText.Rating(r));
            case "discipline":
                var d = await db.DisciplineRecords.FirstOrDefaultAsync(x => x.Id == itemId, ct);
                return d is null ? null : (d, d.PersonId, HistoryText.Discipline(d));
            case "initiative":
                var i = await db.Initiatives.FirstOrDefaultAsync(x => x.Id == itemId, ct);
                return i is null ? null : (i, i.PersonId, HistoryText.Initiative(i));
            case "award":
                var a = await db.Awards.FirstOrDefaultAsync(x => x.Id == itemId && x.PersonId != null, ct);
                // An award of an issued decision is never deleted from the history (it may be revoked on the decision's page).
                if (a is not null && await db.DecisionRecipients.AnyAsync(r => r.AwardId == a.Id, ct)) return null;
                return a is null ? null : (a, a.PersonId!.Value, a.AuditText());
            default:
                return null;
        }
    }

    private async Task<IActionResult?> LoadAsync(string kind, int itemId, CancellationToken ct)
    {
        if (KindName(kind) is not { } what) return NotFound();
        if (await FindAsync(kind, itemId, ct) is not { } row) return NotFound();
        var person = await db.People.AsNoTracking().Where(p => p.Id == row.PersonId)
            .Select(p => new { p.Id, p.PersonalCode, p.FamilyName, p.MiddleName, p.GivenName, p.CurrentUnitId }).FirstAsync(ct);
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(person.CurrentUnitId)) return Forbid();
        PersonId = person.Id;
        PersonalCode = person.PersonalCode;
        PersonName = VietnameseText.FullName(person.FamilyName, person.MiddleName, person.GivenName);
        What = what;
        Row = row.Text;
        _entity = row.Entity;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(string kind, int itemId, CancellationToken ct) => await LoadAsync(kind, itemId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string kind, int itemId, CancellationToken ct)
    {
        if (await LoadAsync(kind, itemId, ct) is { } denied) return denied;
        db.Remove(_entity);
        db.Audit(User.UserName(), $"Xóa {What}", nameof(Person), PersonId, $"dòng #{itemId.ToString(System.Globalization.CultureInfo.InvariantCulture)}; {HistoryText.Change(Row, null)}", code: PersonalCode);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = $"Dòng {What} này đã được xóa trước đó; không có thay đổi nào.";
            return RedirectToPage("Details", new { id = PersonId });
        }
        TempData["Message"] = $"Đã xóa {What}: {Row}.";
        return RedirectToPage("Details", new { id = PersonId });
    }
}
