using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>Creates a vote session or changes its heading while it is a draft (the bloc secretariat).</summary>
public sealed class EditModel(AppDbContext db, VoteService votes) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Khối thi đua")] public int BlocId { get; set; }
        [Range(VoteService.FirstYear, VoteService.LastYear, ErrorMessage = "Năm bình xét phải từ 2000 đến 2100.")]
        [Display(Name = "Năm bình xét")] public int Year { get; set; } = DateTime.UtcNow.Year - 1;
        [Required(ErrorMessage = "Hãy nhập tên phiên bỏ phiếu."), StringLength(300, ErrorMessage = "Tên phiên tối đa 300 ký tự.")]
        [Display(Name = "Tên phiên bỏ phiếu")] public string Title { get; set; } = "";
        [Required(ErrorMessage = "Hãy nhập ngày hội nghị (dd/mm/yyyy)."), StringLength(10, ErrorMessage = "Ngày hội nghị viết dd/mm/yyyy.")]
        [Display(Name = "Ngày hội nghị")] public string MeetingDate { get; set; } = "";
        [Required(ErrorMessage = "Hãy nhập địa điểm."), StringLength(200, ErrorMessage = "Địa điểm tối đa 200 ký tự.")]
        [Display(Name = "Địa điểm")] public string Place { get; set; } = "Hà Nội";
        [StringLength(1000, ErrorMessage = "Ban kiểm phiếu tối đa 1.000 ký tự.")]
        [Display(Name = "Ban kiểm phiếu (mỗi người một dòng, trưởng ban trước)")] public string? CountingBoard { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public IReadOnlyList<SelectListItem> Blocs { get; private set; } = [];

    private async Task LoadAsync(CancellationToken ct) =>
        Blocs = (await db.Blocs.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Name, b.Id }).ToListAsync(ct))
            .Select(b => new SelectListItem(b.Name, b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!VoteAccess.Manages(User)) return Forbid();
        await LoadAsync(ct);
        if (id is null) return Page();
        var s = await db.VoteSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        if (s.State != VoteState.Draft) return RedirectToPage("Details", new { id });
        Id = id;
        Input = new InputModel { BlocId = s.BlocId, Year = s.Year, Title = s.Title, MeetingDate = VnFormat.Date(s.MeetingDate), Place = s.Place, CountingBoard = s.CountingBoard, Version = s.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (!VoteAccess.Manages(User)) return Forbid();
        Id = id;
        await LoadAsync(ct);
        if (!VnFormat.TryParseDate(Input.MeetingDate, out var date)) ModelState.AddModelError("Input.MeetingDate", "Ngày hội nghị: hãy nhập theo dạng dd/mm/yyyy.");
        if (!ModelState.IsValid) return Page();
        var input = new SessionInput(Input.BlocId, Input.Year, Input.Title, date, Input.Place, Input.CountingBoard);
        try
        {
            if (id is null)
            {
                var s = await votes.CreateAsync(User.UserName(), input, ct);
                id = s.Id;
            }
            else await votes.UpdateAsync(User.UserName(), id.Value, Input.Version, input, ct);
        }
        catch (VoteException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", VoteText.Conflict);
            Input.Version = await db.VoteSessions.Where(x => x.Id == id).Select(x => x.Version).FirstOrDefaultAsync(ct);
            ModelState.Remove("Input.Version");
            return Page();
        }
        TempData["Message"] = "Đã lưu phiên bỏ phiếu.";
        return RedirectToPage("Details", new { id });
    }
}

public static class VoteText
{
    public const string Conflict = "Phiên bỏ phiếu vừa được người khác thay đổi. Nội dung bạn nhập vẫn ở trên biểu mẫu; hãy xem lại rồi lưu lần nữa.";
}
