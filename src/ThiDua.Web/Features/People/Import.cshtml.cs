using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.People;

/// <remarks>
/// A file over 20 MB must get the page's own message, not the generic error page: the app-wide form limit
/// (Program.cs) stops a multipart body just over 20 MB before the handler runs. This page accepts bodies up to
/// <see cref="MaxRequestBytes"/>, so any realistic file too large is read, measured and refused in Vietnamese; a body
/// announced larger still is turned away before anything reads it (<see cref="TooLargeFilter"/>).
/// </remarks>
[Authorize(Roles = Roles.RegistryEditors)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[TooLargeFilter]
public sealed class ImportModel(AppDbContext db, UnitScopeService scopes, ImportQueue queue, UploadStore uploads, TimeProvider clock) : PageModel
{
    /// <summary>The largest request this page reads: well above the file limit, so an oversized file is measured, not failed.</summary>
    public const long MaxRequestBytes = 100 * 1024 * 1024;

    public static string TooLargeMessage => $"Tệp lớn hơn giới hạn {PeopleImporter.MaxFileBytes / 1024 / 1024} MB. Hãy chia danh sách thành nhiều tệp nhỏ hơn.";

    /// <summary>Set by the redirect of <see cref="TooLargeFilter"/>: the last upload was refused for its size.</summary>
    [BindProperty(SupportsGet = true, Name = "quaLon")] public bool TooLarge { get; set; }

    /// <summary>
    /// Runs before antiforgery and model binding, which would read the body and fail on a body over the server's
    /// limit: a POST announcing more than the page reads is answered with a redirect to the page and its message.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    private sealed class TooLargeFilterAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
    {
        public int Order => int.MinValue;

        public void OnAuthorization(Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext context)
        {
            var request = context.HttpContext.Request;
            if (HttpMethods.IsPost(request.Method) && request.ContentLength > MaxRequestBytes)
            {
                // Close the connection after answering: the rest of the body is not worth reading.
                context.HttpContext.Response.Headers.Connection = "close";
                context.Result = new RedirectToPageResult("/People/Import", new { quaLon = true });
            }
        }
    }

    public sealed record RecentJob(int Id, string FileName, ImportJobState State, DateTime CreatedUtc, int Accepted, int Rejected);

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool AcceptValidRowsOnly { get; set; }
    public List<RecentJob> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TooLarge) ModelState.AddModelError(nameof(Upload), TooLargeMessage);
        await LoadRecentAsync(ct);
    }

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
        if (Upload.Length > PeopleImporter.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), TooLargeMessage);
            await LoadRecentAsync(ct);
            return Page();
        }
        if (PeopleImporter.CheckFile(Upload.FileName, Upload.Length, head) is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
            await LoadRecentAsync(ct);
            return Page();
        }
        string stored;
        await using (var s = Upload.OpenReadStream())
        {
            stored = await uploads.SaveAsync(s, ".xlsx", ct);
        }
        var scope = await scopes.GetAsync(User, ct);
        var job = new ImportJob
        {
            FileName = Path.GetFileName(Upload.FileName),
            StoredFileName = stored,
            FileBytes = Upload.Length,
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
