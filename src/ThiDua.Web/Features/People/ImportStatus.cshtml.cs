using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>Progress and report of one import; refreshes itself (a meta refresh, no JavaScript) until done.</summary>
[Authorize(Roles = Roles.RegistryEditors)]
public sealed class ImportStatusModel(AppDbContext db) : PageModel
{
    public ImportJob Job { get; private set; } = null!;
    public List<ImportRowReport> Report { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public bool Finished => Job.State is ImportJobState.Succeeded or ImportJobState.Rejected or ImportJobState.Failed;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return NotFound();
        if (job.UserName != User.UserName() && !User.IsInRole(Roles.Admin)) return Forbid();
        Job = job;
        Report = PeopleImporter.ParseReport(job.ReportJson);
        return Page();
    }

    public static string StateName(ImportJobState s) => s switch
    {
        ImportJobState.Queued => "Đang chờ",
        ImportJobState.Running => "Đang xử lý",
        ImportJobState.Succeeded => "Đã nhập",
        ImportJobState.Rejected => "Không nhập (có dòng lỗi)",
        _ => "Lỗi",
    };
}
