using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>Who cross-checks whom: set by hand, or by the automatic rotation.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class AssignmentsModel(AppDbContext db, UnitScopeService scopes, ScoringService service) : PageModel
{
    public sealed record Row(int CardId, int UnitId, string Unit, CardState State, int? ReviewerUnitId);

    public ScoreSheet Sheet { get; private set; } = null!;
    public List<Row> Rows { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public Dictionary<int, int?> Posted { get; private set; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var sheet = await db.ScoreSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        Rows = await db.ScoreCards.AsNoTracking().Where(c => c.SheetId == id).OrderBy(c => c.Unit!.Code)
            .Select(c => new Row(c.Id, c.UnitId, c.Unit!.Name, c.State, c.ReviewerUnitId)).ToListAsync(ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var map = new Dictionary<int, int?>();
        foreach (var r in Rows)
        {
            var text = Request.Form["r_" + r.CardId.ToString(CultureInfo.InvariantCulture)].ToString();
            if (text.Length == 0) { map[r.CardId] = null; continue; }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unit)) { Errors.Add($"{r.Unit}: đơn vị kiểm tra chéo không có trong danh sách lựa chọn."); continue; }
            map[r.CardId] = unit;
        }
        Posted = map;
        if (Errors.Count > 0) return Page();
        var o = await service.AssignAsync(await ScoringActor.OfAsync(User, scopes, ct), id, ScoringPages.Version(Request.Form) ?? -1, map, "Phân công kiểm tra chéo", ct);
        if (!o.Ok) { Errors.AddRange(o.Errors); return Page(); }
        TempData["Message"] = "Đã lưu phân công kiểm tra chéo.";
        return RedirectToPage("Assignments", new { id });
    }

    public async Task<IActionResult> OnPostRotateAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        var o = await service.RotateAsync(await ScoringActor.OfAsync(User, scopes, ct), id, ScoringPages.Version(Request.Form) ?? -1, ct);
        if (!o.Ok) { Errors.AddRange(o.Errors); return Page(); }
        TempData["Message"] = "Đã phân công kiểm tra chéo luân phiên: mỗi đơn vị kiểm tra đơn vị đứng trước theo mã.";
        return RedirectToPage("Assignments", new { id });
    }
}
