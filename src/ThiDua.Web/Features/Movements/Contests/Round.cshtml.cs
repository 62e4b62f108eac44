using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Movements.Contests;

/// <summary>The results of one round for every participant (score, rank, prize), entered in one form.</summary>
public sealed class RoundModel(AppDbContext db, UnitScopeService scopes, MovementService service) : PageModel
{
    public sealed class Line
    {
        public int ParticipantId { get; set; }
        public string? Score { get; set; }
        public string? Rank { get; set; }
        public string? Prize { get; set; }
    }

    public sealed record ParticipantRow(int Id, string Name);

    public ContestRound Round { get; private set; } = null!;
    public Contest Contest { get; private set; } = null!;
    public List<ParticipantRow> Participants { get; private set; } = [];
    [BindProperty] public List<Line> Lines { get; set; } = [];
    public List<string> Errors { get; } = [];

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var round = await db.ContestRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        var c = await db.Contests.AsNoTracking().Include(x => x.Movement).FirstAsync(x => x.Id == round.ContestId, ct);
        var actor = await MovementActor.FromAsync(User, db, scopes, ct);
        if (!MovementService.CanManage(c.Movement!, actor)) return Forbid();
        Round = round;
        Contest = c;
        var ps = await db.ContestParticipants.AsNoTracking().Where(p => p.ContestId == c.Id).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PersonId, p.Person!.FamilyName, p.Person.MiddleName, p.Person.GivenName, p.Person.PersonalCode, Unit = p.Unit!.Name }).ToListAsync(ct);
        Participants = ps.Select(p => new ParticipantRow(p.Id, p.PersonId is null ? p.Unit : $"{VietnameseText.FullName(p.FamilyName, p.MiddleName, p.GivenName)} ({p.PersonalCode}, {p.Unit})")).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var results = await db.ContestResults.AsNoTracking().Where(r => r.RoundId == id).ToListAsync(ct);
        Lines = Participants.Select(p => results.FirstOrDefault(r => r.ParticipantId == p.Id) is { } r
            ? new Line { ParticipantId = p.Id, Score = r.Score?.ToString("0.##", CultureInfo.InvariantCulture), Rank = r.Rank?.ToString(CultureInfo.InvariantCulture), Prize = r.Prize }
            : new Line { ParticipantId = p.Id }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        var rows = new List<ResultInput>();
        if (Lines.Count > 2000) Errors.Add("Kết quả: tối đa 2.000 dòng.");
        foreach (var (l, i) in Lines.Take(2000).Select((l, i) => (l, i + 1)))
        {
            decimal? score = null;
            int? rank = null;
            var st = l.Score?.Trim().Replace(',', '.');
            if (!string.IsNullOrEmpty(st))
            {
                if (st.Length <= 10 && decimal.TryParse(st, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s)) score = s;
                else Errors.Add($"Dòng {i}, điểm: \"{Short(l.Score)}\" không phải là số (ví dụ 95,5).");
            }
            if (!string.IsNullOrWhiteSpace(l.Rank))
            {
                if (l.Rank.Trim().Length <= 6 && int.TryParse(l.Rank.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var r)) rank = r;
                else Errors.Add($"Dòng {i}, xếp hạng: \"{Short(l.Rank)}\" không phải là số nguyên dương.");
            }
            rows.Add(new ResultInput(l.ParticipantId, score, rank, l.Prize));
        }
        if (Errors.Count == 0)
        {
            var actor = await MovementActor.FromAsync(User, db, scopes, ct);
            var outcome = await service.SaveResultsAsync(id, rows, actor, ct);
            if (outcome.Ok)
            {
                TempData["Message"] = $"Đã lưu kết quả vòng {Round.Order}.";
                return RedirectToPage("Details", new { id = Contest.Id });
            }
            Errors.Add(outcome.Error!);
        }
        return Page();
    }

    private static string Short(string? s) => s is null ? "" : s.Length <= 20 ? s : s[..20] + "…";

    public string NameOf(int participantId) => Participants.FirstOrDefault(p => p.Id == participantId)?.Name ?? FormattableString.Invariant($"#{participantId}");
}
