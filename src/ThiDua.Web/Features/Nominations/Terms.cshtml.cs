using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Eligibility;
using ThiDua.Features.Registrations;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>
/// Corrects the level, movement, basis and achievement period chosen at creation, while the dossier is a draft or
/// returned, by the owning agency's officers or the secretariat (the same rule as the report's Edit page). The
/// dossier is the one in the route, checked against the user's agency; no id is read from the form. Validation is
/// <see cref="DossierService.ChangeTermsAsync"/>, i.e. the create checks.
/// </summary>
public sealed class TermsModel(AppDbContext db, UnitScopeService scopes, DossierService service, RegistrationService registrations, TimeProvider clock) : PageModel
{
    /// <summary>Posted as text so that a hostile value gets a message naming the field rather than a binding error.</summary>
    public sealed class TermsInput
    {
        public string? Level { get; set; }
        public string? MovementId { get; set; }
        public string? Basis { get; set; }
        public string? PeriodFrom { get; set; }
        public string? PeriodTo { get; set; }
        public string? Version { get; set; }
    }

    [BindProperty] public TermsInput Input { get; set; } = new();

    public Nomination Nomination { get; private set; } = null!;
    public string SubjectName { get; private set; } = "";
    public string? Problem { get; private set; }
    public List<MovementOption> Movements { get; private set; } = [];
    public List<string> Errors { get; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return NotFound();
        var access = await DossierAccess.ForAsync(User, scopes, ct);
        if (!access.CanRead(n.AgencyId) || !access.CanWrite(n.AgencyId)) return Forbid();
        Nomination = n;
        SubjectName = await service.SubjectNameAsync(n, ct);
        Movements = await registrations.MovementOptionsAsync(n.AgencyId, n.Year, ct);
        // The movement chosen at creation stays offered even if the list no longer holds it, so that saving another
        // field does not silently detach the dossier from it (the create checks still decide when it is saved).
        if (n.MovementId is { } mid && Movements.All(m => m.Id != mid)
            && await db.Movements.AsNoTracking().Where(m => m.Id == mid).Select(m => new MovementOption(m.Id, m.Theme, m.Year, false)).FirstOrDefaultAsync(ct) is { } current)
            Movements.Insert(0, current);
        if (!DossierRules.IsEditable(n.State))
            Problem = $"Hồ sơ đang ở trạng thái \"{NominationWorkflow.StateName(n.State)}\": chỉ sửa được cấp xét, phong trào, loại thành tích và thời gian khi là dự thảo hoặc bị trả lại để bổ sung.";
        return null;
    }

    private void Fill(Nomination n) => Input = new TermsInput
    {
        Level = n.Level.ToString(), Basis = n.Basis.ToString(), MovementId = n.MovementId?.ToString(CultureInfo.InvariantCulture),
        PeriodFrom = (n.PeriodFrom ?? n.Year).ToString(CultureInfo.InvariantCulture), PeriodTo = (n.PeriodTo ?? n.Year).ToString(CultureInfo.InvariantCulture),
        Version = n.Version.ToString(CultureInfo.InvariantCulture),
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        Fill(Nomination);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Problem is not null) return Page();
        Bound();
        if (!TryInt(Input.Version, out var version)) Errors.Add("Phiên bản hồ sơ không hợp lệ; hãy mở lại trang sửa.");
        if (!CreateModel.TryEnum<NominationLevel>(Input.Level, out var level)) Errors.Add("Cấp xét: hãy chọn cấp cơ quan hoặc cấp khối.");
        if (!CreateModel.TryEnum<AwardBasis>(Input.Basis, out var basis)) Errors.Add("Loại thành tích: hãy chọn công trạng, đột xuất hoặc chuyên đề.");
        int? movement = null;
        if (!string.IsNullOrEmpty(Input.MovementId))
        {
            if (TryInt(Input.MovementId, out var m)) movement = m;
            else Errors.Add("Phong trào: giá trị không hợp lệ. Hãy chọn trong danh sách.");
        }
        if (!TryInt(Input.PeriodFrom, out var from)) Errors.Add("Thời gian lập thành tích (từ năm): giá trị không hợp lệ.");
        if (!TryInt(Input.PeriodTo, out var to)) Errors.Add("Thời gian lập thành tích (đến năm): giá trị không hợp lệ.");
        if (Errors.Count > 0) return Page();
        try
        {
            await service.ChangeTermsAsync(id, version, new DossierTerms(level, movement, basis, from, to), User.UserName(), clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (DossierRefusedException ex)
        {
            Errors.Add(ex.Message);
            return Page();
        }
        catch (DossierConflictException ex)
        {
            db.ChangeTracker.Clear();
            var now = await db.Nominations.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            Errors.Add($"{ex.Message} Nay: {DossierRules.LevelName(now.Level)}; {DossierRules.BasisName(now.Basis)}; thành tích {now.PeriodFrom ?? now.Year}–{now.PeriodTo ?? now.Year}. Lựa chọn của bạn vẫn giữ dưới đây: bấm Lưu lần nữa để áp dụng.");
            // Saving again deliberately applies the form over the other change (if the state still allows it).
            Nomination = now;
            Input.Version = now.Version.ToString(CultureInfo.InvariantCulture);
            return Page();
        }
        TempData["Message"] = "Đã lưu cấp xét, phong trào, loại thành tích và thời gian lập thành tích; kết quả kiểm tra hồ sơ đã được tính lại.";
        return RedirectToPage("Details", new { id });
    }

    /// <summary>Whatever was posted is echoed back into the form: cut it first.</summary>
    private void Bound()
    {
        static string? Cut(string? s) => s is { Length: > 20 } ? s[..20] : s;
        Input.Level = Cut(Input.Level);
        Input.Basis = Cut(Input.Basis);
        Input.MovementId = Cut(Input.MovementId);
        Input.PeriodFrom = Cut(Input.PeriodFrom);
        Input.PeriodTo = Cut(Input.PeriodTo);
        Input.Version = Cut(Input.Version);
    }

    private static bool TryInt(string? s, out int value) =>
        int.TryParse(s?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
