using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>The bloc secretariat's consolidation of a year: each member agency's state and its lines per title or form, with totals.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class SummaryModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public string? YearProblem { get; private set; }
    public RegistrationSummary.Matrix Matrix { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = ShownYear(this, Year, clock, out var problem);
        YearProblem = problem;
        Year = year;
        Matrix = await RegistrationSummary.BuildAsync(db, year, ct);
        return Page();
    }

    /// <summary>The year asked for, or this year with a Vietnamese message when it is unreadable or out of range.</summary>
    internal static int ShownYear(PageModel page, int? year, TimeProvider clock, out string? problem)
    {
        var thisYear = clock.VietnamYear();
        problem = null;
        var unreadable = page.ModelState.TryGetValue("Year", out var e) && e.Errors.Count > 0;
        page.ModelState.Remove("Year");
        if (unreadable || year is { } a && !RegistrationRules.InYearRange(a))
        {
            problem = $"{RegistrationRules.YearRangeMessage("Năm")} Đang hiển thị năm {thisYear}.";
            return thisYear;
        }
        return year ?? thisYear;
    }
}
