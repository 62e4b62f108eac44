using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Units;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>
/// Registrations by year: the bloc secretariat sees every member agency's for the year with its state; everyone else
/// sees their own agency's over the years. An officer starts the year's draft here.
/// </summary>
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes, RegistrationService service, TimeProvider clock) : PageModel
{
    public sealed record Row(int UnitId, string Agency, string AgencyCode, int? RegistrationId, int Year, RegistrationState? State, DateTime? SubmittedUtc, int Lines);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int ShownYear { get; private set; }
    public string? YearProblem { get; private set; }
    public RegistrationAccess Access { get; private set; } = null!;
    /// <summary>Secretariat: every member agency in the year; others: their own agency's registrations of every year.</summary>
    public List<Row> Rows { get; private set; } = [];
    public string? OwnAgency { get; private set; }
    /// <summary>The officer's agency has no registration for the shown year yet.</summary>
    public bool CanCreateOwn { get; private set; }
    /// <summary>For each agency that may start a draft of the shown year here: the movements of that year it may answer (see <see cref="RegistrationService.MovementOptionsAsync"/>).</summary>
    public Dictionary<int, List<MovementOption>> MovementOptions { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Access = await RegistrationAccess.ForAsync(User, scopes, ct);
        var thisYear = clock.VietnamYear();
        if (ModelState.TryGetValue(nameof(Year), out var e) && e.Errors.Count > 0 || Year is { } y && !RegistrationRules.InYearRange(y))
        {
            ModelState.Remove(nameof(Year));
            YearProblem = $"{RegistrationRules.YearRangeMessage("Năm")} Đang hiển thị năm {thisYear}.";
            Year = null;
        }
        ShownYear = Year ?? thisYear;
        if (Access.Secretariat)
        {
            Rows = await RegistrationSummary.AgencyRowsAsync(db, ShownYear, ct);
            foreach (var r in Rows.Where(r => r.RegistrationId is null)) MovementOptions[r.UnitId] = await service.MovementOptionsAsync(r.UnitId, ShownYear, ct);
            return;
        }
        if (Access.OwnAgencyId is not { } own) return;
        OwnAgency = await db.Units.Where(u => u.Id == own).Select(u => u.Name).FirstOrDefaultAsync(ct);
        Rows = await db.Registrations.AsNoTracking().Where(r => r.UnitId == own).OrderByDescending(r => r.Year)
            .Select(r => new Row(r.UnitId, r.Unit!.Name, r.Unit.Code, r.Id, r.Year, r.State, r.SubmittedUtc, r.Lines.Count)).ToListAsync(ct);
        CanCreateOwn = Access.CanDraft(own) && !Rows.Any(r => r.Year == ShownYear);
        if (CanCreateOwn) MovementOptions[own] = await service.MovementOptionsAsync(own, ShownYear, ct);
    }

    /// <summary>
    /// Starts the draft of an agency for a year: an officer for their own agency only, the secretariat for any. The
    /// movement, when one is chosen, must be of that year and reach the agency (checked by the service).
    /// </summary>
    public async Task<IActionResult> OnPostCreateAsync(int? unitId, int? year, int? movementId, CancellationToken ct)
    {
        var access = await RegistrationAccess.ForAsync(User, scopes, ct);
        var agency = unitId ?? access.OwnAgencyId;
        if (agency is not { } a || !access.CanDraft(a)) return Forbid();
        if (year is not { } y || !RegistrationRules.InYearRange(y))
        {
            TempData["Message"] = RegistrationRules.YearRangeMessage();
            return RedirectToPage("Index");
        }
        if (movementId is < 1 || ModelState.TryGetValue(nameof(movementId), out var bad) && bad.Errors.Count > 0)
        {
            TempData["Message"] = "Phong trào: mã phong trào không hợp lệ. Hãy chọn trong danh sách.";
            return RedirectToPage("Index", new { year = y });
        }
        try
        {
            var reg = await service.CreateAsync(a, y, movementId, User.UserName(), clock.GetUtcNow().UtcDateTime, ct);
            TempData["Message"] = $"Đã tạo bản đăng ký thi đua năm {y}.";
            return RedirectToPage("Edit", new { id = reg.Id });
        }
        catch (RegistrationRefusedException ex)
        {
            TempData["Message"] = ex.Message;
            return RedirectToPage("Index", new { year = y });
        }
    }
}
