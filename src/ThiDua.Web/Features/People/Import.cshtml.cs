using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

[Authorize(Roles = Roles.RegistryEditors)]
public sealed class ImportModel(AppDbContext db, UnitScopeService scopes, ImportQueue queue, TimeProvider clock) : PageModel
{
    public sealed record RecentJob(int Id, string FileName, ImportJobState State, DateTime CreatedUtc, int Accepted, int Rejected);

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool AcceptValidRowsOnly { get; set; }
    public List<RecentJob> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadRecentAsync(ct);

    private async Task LoadRecentAsync(CancellationToken ct)
    {
        var user = User.UserName();
        Recent = await db.ImportJobs.AsNoTracking().Where(j => j.UserName == user).OrderByDescending(j => j.Id).Take(10)
            .Select(j => new RecentJob(j.Id, j.FileName, j.State, j.CreatedUtc, j.AcceptedRows, j.RejectedRows)).ToListAsync(ct);
    }

    public IActionResult OnGetTemplate() =>
        File(PeopleWorkbook.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "mau-nhap-can-bo.xlsx");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null)
        {
            ModelState.AddModelError(nameof(Upload), "Hãy chọn tệp Excel (.xlsx) để nhập.");
            await LoadRecentAsync(ct);
            return Page();
        }
        var head = new byte[4];
        await using (var s = Upload.OpenReadStream())
        {
            _ = await s.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, ct);
        }
        if (PeopleImporter.CheckFile(Upload.FileName, Upload.Length, head) is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            await LoadRecentAsync(ct);
            return Page();
        }
        using var ms = new MemoryStream();
        await Upload.CopyToAsync(ms, ct);
        var scope = await scopes.GetAsync(User, ct);
        var job = new ImportJob
        {
            FileName = Path.GetFileName(Upload.FileName),
            Content = ms.ToArray(),
            UserName = User.UserName(),
            AllowedUnitIds = scope.EditableUnitIds is { } editable ? string.Join(',', editable) : null,
            AcceptValidRowsOnly = AcceptValidRowsOnly,
            State = ImportJobState.Queued,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Signal(job.Id);
        return RedirectToPage("ImportStatus", new { id = job.Id });
    }
}
