using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Registrations;

/// <summary>The year's consolidation as .xlsx (dang-ky-thi-dua-2019.xlsx): the matrix, then every line. Audited.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class ExportModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = SummaryModel.ShownYear(this, Year, clock, out var problem);
        if (problem is not null) return BadRequest(RegistrationRules.YearRangeMessage("Năm"));
        var matrix = await RegistrationSummary.BuildAsync(db, year, ct);
        var lines = await RegistrationSummary.LinesAsync(db, year, null, ct);
        var bytes = RegistrationSummary.Workbook(matrix, lines);
        db.Audit(User.UserName(), "Xuất tổng hợp đăng ký thi đua", "Export", "/Registrations/Export",
            $"năm {year}; {VnFormat.Number(matrix.Rows.Count(r => r.Agency.RegistrationId is not null))} cơ quan, {VnFormat.Number(lines.Count)} dòng");
        await db.SaveChangesAsync(ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", RegistrationRules.ExportFileName(year));
    }
}
