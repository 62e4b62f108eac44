using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Scoring;

/// <summary>The bloc's score sheets by year; the secretariat creates one or copies last year's.</summary>
public sealed class IndexModel(AppDbContext db, UnitScopeService scopes, ScoringService service, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Bloc, int Year, string Title, SheetState State, DateOnly Deadline, bool Published);
    public sealed record BlocOption(int Id, string Name);

    public List<Row> Rows { get; private set; } = [];
    public List<BlocOption> Blocs { get; private set; } = [];
    public ScoringActor Actor { get; private set; } = null!;
    public List<string> Errors { get; } = [];

    [BindProperty] public int BlocId { get; set; }
    [BindProperty, Display(Name = "Năm")] public int Year { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty, Display(Name = "Hạn tự chấm")] public DateOnly? Deadline { get; set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        Actor = await ScoringActor.OfAsync(User, scopes, ct);
        Rows = await db.ScoreSheets.AsNoTracking().OrderByDescending(s => s.Year).ThenBy(s => s.Bloc!.Name)
            .Select(s => new Row(s.Id, s.Bloc!.Name, s.Year, s.Title, s.State, s.SelfScoreDeadline, s.PublishedUtc != null)).Take(500).ToListAsync(ct);
        Blocs = await db.Blocs.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.Name).Select(b => new BlocOption(b.Id, b.Name)).ToListAsync(ct);
        if (Year == 0) Year = clock.VietnamYear();
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Actor.Secretariat) return Forbid();
        Errors.AddRange(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        if (Errors.Count > 0) return Page();
        var o = await service.CreateSheetAsync(Actor, BlocId, Year, Title, Deadline, ct);
        if (!o.Ok) { Errors.AddRange(o.Errors); return Page(); }
        TempData["Message"] = $"Đã tạo bảng tiêu chí năm {Year}.";
        return RedirectToPage("Sheet", new { id = o.Id });
    }

    public async Task<IActionResult> OnPostCopyAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!Actor.Secretariat) return Forbid();
        if (!ModelState.IsValid) { Errors.Add($"Năm phải từ {ScoringService.FirstYear + 1} đến {ScoringService.LastYear}."); return Page(); }
        var o = await service.CopyFromPreviousYearAsync(Actor, BlocId, Year, ct);
        if (!o.Ok) { Errors.AddRange(o.Errors); return Page(); }
        TempData["Message"] = $"Đã tạo bảng tiêu chí năm {Year} (dự thảo) từ bảng năm {Year - 1}.";
        return RedirectToPage("Sheet", new { id = o.Id });
    }
}
