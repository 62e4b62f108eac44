using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Nominations.Workflow;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Nominations;

/// <summary>A dossier as the public sees it: name, unit, form, achievement line and window — nothing else about the person.</summary>
public sealed record PublicDossier(int Id, string Subject, string Unit, string Form, string Achievement, DateOnly? From, DateOnly? Until, bool Open);

/// <summary>
/// Công khai lấy ý kiến (anonymous): the dossiers now in public comment, and a comment form for each while its window
/// is open. A comment is stored as pending for the handlers' ruling.
/// </summary>
public sealed class PublicListModel(AppDbContext db, NominationActions actions, TimeProvider clock) : PageModel
{
    public List<PublicDossier> Rows { get; private set; } = [];
    public string? Problem { get; private set; }
    public int? ProblemFor { get; private set; }

    [BindProperty, Display(Name = "Hồ sơ")] public int Id { get; set; }
    [BindProperty, Display(Name = "Họ tên người góp ý")] public string? AuthorName { get; set; }
    [BindProperty, Display(Name = "Địa chỉ liên hệ")] public string? AuthorContact { get; set; }
    [BindProperty, Display(Name = "Nội dung góp ý")] public string? Text { get; set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = clock.VietnamToday();
        var rows = await db.Nominations.AsNoTracking().Where(n => n.State == NominationState.PublicComment)
            .OrderBy(n => n.PublicCommentUntil).ThenBy(n => n.Id)
            .Select(n => new
            {
                n.Id, n.Code, n.Achievement, n.PublicCommentFrom, n.PublicCommentUntil, Agency = n.Agency!.Name,
                UnitName = n.Unit != null ? n.Unit.Name : null,
                Family = n.Person != null ? n.Person.FamilyName : null, Middle = n.Person != null ? n.Person.MiddleName : null, Given = n.Person != null ? n.Person.GivenName : null,
            }).Take(500).ToListAsync(ct);
        Rows = rows.Select(r => new PublicDossier(r.Id,
            r.Given is not null ? VietnameseText.FullName(r.Family ?? "", r.Middle, r.Given) : r.UnitName ?? "—",
            r.Agency, NominationActions.AwardName(r.Code), r.Achievement, r.PublicCommentFrom, r.PublicCommentUntil,
            r.PublicCommentFrom is { } f && r.PublicCommentUntil is { } u && today >= f && today <= u)).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Problem = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct(StringComparer.Ordinal));
            ProblemFor = ModelState[nameof(Id)]?.Errors.Count > 0 ? null : Id;
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            if (!await db.Nominations.AnyAsync(n => n.Id == Id && n.State == NominationState.PublicComment, ct))
                throw new WorkflowRefusedException("Hồ sơ: không có hồ sơ này trong danh sách đang lấy ý kiến.");
            await actions.AddCommentAsync(Id, AuthorName, AuthorContact, Text, onPaper: false, NominationActions.PublicUser, clock.GetUtcNow().UtcDateTime, ct);
        }
        catch (WorkflowRefusedException e)
        {
            Problem = e.Message;
            ProblemFor = Id;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = "Cảm ơn bạn: ý kiến góp ý đã được ghi nhận và sẽ được xem xét, kết luận.";
        return RedirectToPage();
    }
}
