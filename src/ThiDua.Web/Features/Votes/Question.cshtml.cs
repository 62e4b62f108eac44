using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Votes;

/// <summary>
/// A question of a draft session: the form of commendation, places, quorum, threshold and their basis, and the
/// candidates in order — each member unit gets an order number box (empty: not a candidate), so the list is ordered
/// without JavaScript. A new question starts from the bloc's published scoring ranking of the year, first place first.
/// </summary>
public sealed class QuestionModel(AppDbContext db, VoteService votes) : PageModel
{
    public const int MaxOrder = 100;

    public sealed class InputModel
    {
        [Display(Name = "Hình thức đề nghị")] public string AwardCode { get; set; } = "CO_CP";
        [Range(1, VoteService.MaxPlaces, ErrorMessage = "Số suất phải từ 1 đến 50.")]
        [Display(Name = "Số suất")] public int Places { get; set; } = 1;
        [Range(0, 99.99, ErrorMessage = "Túc số phải từ 0 đến dưới 100 (%).")]
        [Display(Name = "Túc số: trên … % số đại biểu được triệu tập")] public decimal QuorumPercent { get; set; } = 50;
        [Range(0, 99.99, ErrorMessage = "Ngưỡng phiếu phải từ 0 đến dưới 100 (%).")]
        [Display(Name = "Ngưỡng trúng: trên … %")] public decimal ThresholdPercent { get; set; } = 50;
        [Display(Name = "Tính trên")] public ThresholdBase ThresholdOf { get; set; } = ThresholdBase.Present;
        [Required(ErrorMessage = "Hãy ghi căn cứ của túc số và ngưỡng phiếu."), StringLength(1000, ErrorMessage = "Căn cứ tối đa 1.000 ký tự.")]
        [Display(Name = "Căn cứ")] public string LegalBasis { get; set; } = VoteService.DefaultBasis;
        /// <summary>Unit id → order typed (1 first); empty: not a candidate.</summary>
        public Dictionary<int, int?> Orders { get; set; } = [];
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public VoteSession Session { get; private set; } = null!;
    public IReadOnlyDictionary<int, string> Members { get; private set; } = new Dictionary<int, string>();
    /// <summary>Whether the order boxes were filled from the published ranking (a new question).</summary>
    public bool FromRanking { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (!VoteAccess.Manages(User)) return Forbid();
        var s = await db.VoteSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return NotFound();
        Session = s;
        Members = await votes.MemberUnitsAsync(s.BlocId, s.Year, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, string? code, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Session.State != VoteState.Draft) return RedirectToPage("Details", new { id });
        Input.Version = Session.Version;
        if (code is not null && VoteService.AwardCodes.Contains(code, StringComparer.Ordinal))
        {
            Input.AwardCode = code;
            var q = await db.VoteQuestions.AsNoTracking().Include(x => x.Candidates).FirstOrDefaultAsync(x => x.SessionId == id && x.AwardCode == code, ct);
            if (q is not null)
            {
                Input.Places = q.Places;
                Input.QuorumPercent = q.QuorumPercent;
                Input.ThresholdPercent = q.ThresholdPercent;
                Input.ThresholdOf = q.ThresholdOf;
                Input.LegalBasis = q.LegalBasis;
                Input.Orders = q.Candidates.ToDictionary(c => c.UnitId, c => (int?)c.Order);
                return Page();
            }
        }
        // A new question: the candidates in the order of the published ranking (/Scoring), which the secretariat
        // may still change; none when the year's ranking is not published.
        var ranking = await Scoring.ScoringQueries.PublishedRankingAsync(db, Session.BlocId, Session.Year, ct);
        var order = 0;
        foreach (var unitId in ranking.Where(Members.ContainsKey).Take(MaxOrder)) Input.Orders[unitId] = ++order;
        FromRanking = order > 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        if (Input.Orders.Count > 500) ModelState.AddModelError("Input.Orders", "Danh sách đơn vị quá dài.");
        if (Input.Orders.Values.Any(o => o is < 1 or > MaxOrder)) ModelState.AddModelError("Input.Orders", $"Số thứ tự giới thiệu phải từ 1 đến {MaxOrder}, hoặc để trống.");
        if (!Enum.IsDefined(Input.ThresholdOf)) ModelState.AddModelError("Input.ThresholdOf", "Hãy chọn ngưỡng tính trên số đại biểu có mặt hoặc số phiếu hợp lệ.");
        var chosen = Input.Orders.Where(o => o.Value is not null).ToList();
        if (chosen.Select(o => o.Value).Distinct().Count() != chosen.Count) ModelState.AddModelError("Input.Orders", "Hai đơn vị không được cùng một số thứ tự.");
        if (!ModelState.IsValid) return Page();
        var ordered = chosen.OrderBy(o => o.Value).Select(o => o.Key).ToList();
        try
        {
            await votes.SetQuestionAsync(User.UserName(), id, Input.Version,
                new QuestionInput(Input.AwardCode, Input.Places, Input.QuorumPercent, Input.ThresholdPercent, Input.ThresholdOf, Input.LegalBasis, ordered), ct);
        }
        catch (VoteException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", VoteText.Conflict);
            Input.Version = await db.VoteSessions.Where(x => x.Id == id).Select(x => x.Version).FirstAsync(ct);
            ModelState.Remove("Input.Version");
            return Page();
        }
        TempData["Message"] = $"Đã lưu câu hỏi {VoteService.AwardName(Input.AwardCode)}.";
        return RedirectToPage("Details", new { id });
    }
}
