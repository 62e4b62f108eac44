using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>
/// Corrects a session's date, place and ballot deadline (what the secretariat typed at creation). Managers only (the
/// same rule as opening and closing); what may change depends on the state and is decided by
/// <see cref="CouncilService.EditSessionAsync"/>. The session is the one in the route: no id is read from the form.
/// </summary>
public sealed class EditSessionModel(AppDbContext db, UnitScopeService scope, CouncilService councils, TimeProvider clock) : PageModel
{
    public CouncilSession Session { get; private set; } = null!;
    public Council Council { get; private set; } = null!;
    public List<string> Problems { get; } = [];

    // What the form shows: the stored values on GET, the user's input after a refusal or a conflict.
    public string Date { get; private set; } = "";
    public string Place { get; private set; } = "";
    public string Deadline { get; private set; } = "";
    public int Version { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var a = await SessionPage.LoadAsync(db, scope, User, id, ct);
        if (a is null) return NotFound();
        if (!a.Manages) return Forbid();
        (Session, Council) = (a.Session, a.Council);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Date = VnFormat.Date(Session.MeetingDate);
        Place = Session.Place;
        Deadline = DeadlineText(Session.VoteDeadlineUtc);
        Version = Session.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, string? version, string? date, string? place, string? deadline, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        // Keep what was typed (bounded, so a hostile post cannot make the page echo megabytes).
        Date = Cut(date, 10);
        Place = Cut(place, CouncilService.MaxPlace);
        Deadline = Cut(deadline, 30);
        Version = int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
        if (Version < 0) Problems.Add("Phiên bản phiên họp không hợp lệ: hãy mở lại trang sửa.");
        if (!VnFormat.TryParseDate(date, out var d)) Problems.Add("Ngày họp: hãy ghi theo dạng ngày/tháng/năm.");
        if (!DetailsModel.TryParseDeadline(deadline, out var dl)) Problems.Add("Hạn bỏ phiếu: hãy ghi theo dạng ngày/tháng/năm giờ:phút, ví dụ 05/03/2020 17:00.");
        if (place is { Length: > CouncilService.MaxPlace }) Problems.Add($"Địa điểm: tối đa {CouncilService.MaxPlace} ký tự.");
        if (Problems.Count > 0) return Page();
        try
        {
            await councils.EditSessionAsync(User.UserName(), id, Version, d, place ?? "", dl, clock.GetUtcNow().UtcDateTime, ct);
            TempData["Message"] = "Đã lưu thông tin phiên họp.";
            return RedirectToPage("Session", new { id });
        }
        catch (CouncilException e) { Problems.Add(e.Message); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = await db.CouncilSessions.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            Problems.Add($"Phiên họp vừa được người khác thay đổi (nay: họp ngày {VnFormat.Date(now.MeetingDate)} tại {now.Place}, hạn bỏ phiếu {DeadlineText(now.VoteDeadlineUtc)}, {CouncilRules.StateName(now.State)}). Nội dung bạn nhập vẫn giữ dưới đây: xem lại rồi bấm Lưu lần nữa.");
            // Saving again deliberately applies the form over the other change.
            Session = now;
            Version = now.Version;
        }
        return Page();
    }

    private static string DeadlineText(DateTime utc) =>
        (utc + VnFormat.VietnamOffset).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Cut(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max];
}
