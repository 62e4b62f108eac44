using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>The achievement report as .docx (Mẫu 02/03 of the decree in force on the filing date), for whoever may read the dossier.</summary>
public sealed class ReportModel(AppDbContext db, UnitScopeService scopes, DossierService service) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var n = await db.Nominations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return NotFound();
        var access = await DossierAccess.ForAsync(User, scopes, ct);
        if (!access.CanRead(n.AgencyId)) return Forbid();
        var bytes = await BuildAsync(db, service, n, ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DossierReport.FileName(n.Id));
    }

    /// <summary>The report of a dossier: its text, the agency (and its parent) for the heading, dated today (Vietnam) while editable, else on the filing date.</summary>
    public static async Task<byte[]> BuildAsync(AppDbContext db, DossierService service, Nomination n, CancellationToken ct)
    {
        var agency = await db.Units.AsNoTracking().Where(u => u.Id == n.AgencyId).Select(u => new { u.Name, Parent = u.Parent != null ? u.Parent.Name : null }).FirstAsync(ct);
        var filed = DossierChecks.FiledOn(n);
        var data = new ReportData(n.Id, n.Subject, n.Code, n.Year, await service.SubjectNameAsync(n, ct), agency.Name, agency.Parent, filed,
            DecreeEdition.On(filed), n.Achievement, n.ReportBackground, n.ReportMeasures, n.ReportAchievements, n.ReportPriorAwards);
        return DossierReport.Build(data);
    }
}
