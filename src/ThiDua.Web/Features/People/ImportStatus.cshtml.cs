using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <summary>
/// Progress and report of one import; refreshes itself (a meta refresh, no JavaScript) until done. The job may
/// run on any instance: everything shown is read from the job row.
/// </summary>
[Authorize(Roles = Roles.RegistryEditors)]
public sealed class ImportStatusModel(AppDbContext db) : PageModel
{
    /// <summary>The columns the page shows; the report only once the job is finished.</summary>
    public sealed record JobView(
        int Id, string FileName, string UserName, ImportJobState State, int TotalRows, int ProcessedRows, int AcceptedRows, int RejectedRows,
        int CreatedPeople, int UpdatedPeople, int UnchangedPeople, int ChangedHistoryRows, string? Error, int Attempts, string? WorkerId, string? ReportJson);

    public JobView Job { get; private set; } = null!;
    public List<ImportRowReport> Report { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    public bool Finished => IsFinished(Job.State);
    public bool ShowWorker => User.IsInRole(Roles.Admin) && Job.WorkerId is not null;

    public static bool IsFinished(ImportJobState s) => s is ImportJobState.Succeeded or ImportJobState.Rejected or ImportJobState.Failed;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // Refreshed every second while the job runs: the report (up to one entry per row) is not fetched until
        // it is final.
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(j => new JobView(
                j.Id, j.FileName, j.UserName, j.State, j.TotalRows, j.ProcessedRows, j.AcceptedRows, j.RejectedRows,
                j.CreatedPeople, j.UpdatedPeople, j.UnchangedPeople, j.ChangedHistoryRows, j.Error, j.Attempts, j.WorkerId,
                j.State == ImportJobState.Succeeded || j.State == ImportJobState.Rejected || j.State == ImportJobState.Failed ? j.ReportJson : null))
            .FirstOrDefaultAsync(ct);
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
