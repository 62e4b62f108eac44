using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Councils;

/// <summary>A council: its founding decision and quorum, thresholds with their sources, members, sessions. Its secretariat edits here.</summary>
public sealed class DetailsModel(AppDbContext db, UnitScopeService scope, CouncilService councils, TimeProvider clock) : PageModel
{
    public sealed record SessionRow(int Id, DateOnly Date, string Place, CouncilSessionState State, int Items);

    public Council Council { get; private set; } = null!;
    public string ScopeName { get; private set; } = "";
    public bool Manages { get; private set; }
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public List<string> Problems { get; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }
    [BindProperty] public string? DecisionText { get; set; }
    [BindProperty] public int QuorumNumerator { get; set; }
    [BindProperty] public int QuorumDenominator { get; set; }
    [BindProperty] public string? QuorumSource { get; set; }
    [BindProperty] public int Version { get; set; }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult?> LoadAsync(int id, bool manage, CancellationToken ct, bool keepInput = false)
    {
        var c = await db.Councils.AsNoTracking().Include(x => x.Members).Include(x => x.Thresholds).Include(x => x.Agency).Include(x => x.Bloc).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return NotFound();
        if (!await CouncilAccess.CanReadAsync(db, scope, User, c, ct)) return Forbid();
        Manages = await CouncilAccess.ManagesAsync(scope, User, c, ct);
        if (manage && !Manages) return Forbid();
        Council = c;
        ScopeName = c.Bloc?.Name ?? c.Agency?.Name ?? "";
        Sessions = await db.CouncilSessions.AsNoTracking().Where(s => s.CouncilId == id).OrderByDescending(s => s.MeetingDate).ThenByDescending(s => s.Id)
            .Select(s => new SessionRow(s.Id, s.MeetingDate, s.Place, s.State, s.Items.Count)).ToListAsync(ct);
        if (!keepInput)
        {
            Name = c.Name; DecisionNumber = c.DecisionNumber; DecisionDate = VnFormat.Date(c.DecisionDate); DecisionText = c.DecisionText;
            QuorumNumerator = c.QuorumNumerator; QuorumDenominator = c.QuorumDenominator; QuorumSource = c.QuorumSource; Version = c.Version;
        }
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, false, ct) ?? Page();

    private async Task<IActionResult> ActAsync(int id, Func<Task> act, string message, CancellationToken ct, bool keepInput = false)
    {
        if (await LoadAsync(id, true, ct, keepInput) is { } refused) return refused;
        try
        {
            await act();
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        catch (CouncilException e) { Problems.Add(e.Message); }
        catch (DbUpdateConcurrencyException)
        {
            Problems.Add("Hội đồng vừa được người khác sửa: dữ liệu dưới đây là bản đồng chí nhập; hãy xem lại rồi lưu lại.");
            Version = await db.Councils.Where(c => c.Id == id).Select(c => c.Version).FirstAsync(ct);
        }
        db.ChangeTracker.Clear();
        await LoadAsync(id, true, ct, keepInput: true);
        return Page();
    }

    public Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(DecisionDate))
        {
            if (!VnFormat.TryParseDate(DecisionDate, out var d)) { Problems.Add("Ngày quyết định: hãy ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2020."); return ReloadAsync(id, ct); }
            date = d;
        }
        return ActAsync(id, () => councils.UpdateCouncilAsync(User.UserName(), id, Version,
            new CouncilInput(Name ?? "", DecisionNumber, date, DecisionText, QuorumNumerator, QuorumDenominator, QuorumSource ?? ""), Now, ct), "Đã lưu thông tin Hội đồng.", ct, keepInput: true);
    }

    private async Task<IActionResult> ReloadAsync(int id, CancellationToken ct) => await LoadAsync(id, true, ct, keepInput: true) ?? Page();

    public Task<IActionResult> OnPostThresholdAsync(int id, string? code, decimal percent, bool moreThan, string? source, CancellationToken ct) =>
        ActAsync(id, () => councils.SetThresholdAsync(User.UserName(), id, code ?? "", percent, moreThan, source ?? "", Now, ct), "Đã lưu ngưỡng biểu quyết.", ct);

    public Task<IActionResult> OnPostMemberAsync(int id, string? email, string? fullName, string? position, CouncilRole role, string? from, string? to, CancellationToken ct)
    {
        if (!VnFormat.TryParseDate(from, out var f)) { Problems.Add("Ngày bắt đầu tham gia: hãy ghi theo dạng ngày/tháng/năm."); return ReloadAsync(id, ct); }
        DateOnly? t = null;
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!VnFormat.TryParseDate(to, out var tt)) { Problems.Add("Ngày thôi tham gia: hãy ghi theo dạng ngày/tháng/năm."); return ReloadAsync(id, ct); }
            t = tt;
        }
        if (!Enum.IsDefined(role)) { Problems.Add("Vai trò trong Hội đồng không hợp lệ."); return ReloadAsync(id, ct); }
        return ActAsync(id, () => councils.AddMemberAsync(User.UserName(), id, new MemberInput(email ?? "", fullName ?? "", position, role, f, t), Now, ct), "Đã thêm thành viên.", ct);
    }

    public Task<IActionResult> OnPostEndMemberAsync(int id, int memberId, string? until, CancellationToken ct)
    {
        if (!VnFormat.TryParseDate(until, out var u)) { Problems.Add("Ngày thôi tham gia: hãy ghi theo dạng ngày/tháng/năm."); return ReloadAsync(id, ct); }
        return ActAsync(id, () => councils.EndMemberAsync(User.UserName(), id, memberId, u, Now, ct), "Đã ghi thôi tham gia.", ct);
    }

    public async Task<IActionResult> OnPostSessionAsync(int id, string? date, string? place, string? deadline, CancellationToken ct)
    {
        if (!VnFormat.TryParseDate(date, out var d)) { Problems.Add("Ngày họp: hãy ghi theo dạng ngày/tháng/năm."); return await ReloadAsync(id, ct); }
        if (!TryParseDeadline(deadline, out var dl)) { Problems.Add("Hạn bỏ phiếu: hãy ghi theo dạng ngày/tháng/năm giờ:phút, ví dụ 05/03/2020 17:00."); return await ReloadAsync(id, ct); }
        if (await LoadAsync(id, true, ct) is { } refused) return refused;
        try
        {
            var s = await councils.CreateSessionAsync(User.UserName(), id, d, place ?? "", dl, Now, ct);
            return RedirectToPage("Session", new { id = s.Id });
        }
        catch (CouncilException e) { Problems.Add(e.Message); }
        return Page();
    }

    public static bool TryParseDeadline(string? s, out DateTime value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(s) || s.Length > 30) return false;
        return DateTime.TryParseExact(s.Trim(), ["dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "dd/MM/yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out value)
            && value.Year is >= 2000 and <= 2100;
    }
}
