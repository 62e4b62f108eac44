using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Nominations;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Decisions;

/// <summary>Adds approved dossiers (or the bloc vote's proposals) to a draft: tick, review on a confirm step, then add.</summary>
public sealed class AddModel(AppDbContext db, UnitScopeService scope, DecisionService service) : PageModel
{
    public sealed record Candidate(int Id, string Name, string Agency, bool Collective, string Achievement);

    public const int MaxChosen = 1000;
    public Decision D { get; private set; } = null!;
    public List<Candidate> Dossiers { get; private set; } = [];
    public List<Candidate> Proposals { get; private set; } = [];
    [BindProperty] public List<int> Chosen { get; set; } = [];
    [BindProperty] public List<int> ChosenProposals { get; set; } = [];
    public bool Reviewing { get; private set; }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var (d, actor) = await DecisionPages.LoadAsync(db, scope, User, id, ct);
        if (d is null) return NotFound();
        if (!DecisionAccess.CanDraft(actor, d)) return Forbid();
        if (d.State != DecisionState.Draft) return RedirectToPage("Details", new { id });
        D = d;
        Dossiers = await service.Candidates(d).OrderBy(n => n.Subject).ThenBy(n => n.Id)
            .Select(n => new Candidate(n.Id, n.Subject == NominationSubject.Collective ? n.Unit!.Name : n.Person!.FamilyName + " " + (n.Person.MiddleName == null ? "" : n.Person.MiddleName + " ") + n.Person.GivenName,
                n.Agency!.Name, n.Subject == NominationSubject.Collective, n.Achievement)).Take(MaxChosen).ToListAsync(ct);
        if (d.BlocId is not null)
            Proposals = await service.ProposalCandidates(d).Select(p => new Candidate(p.Id, p.Award!.Unit != null ? p.Award.Unit.Name : "", "", true, p.Award.Note ?? "")).ToListAsync(ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>The confirm step: how many and which, before anything is added.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r) return r;
        if (!Bounded()) return Page();
        if (Chosen.Count + ChosenProposals.Count == 0) { ModelState.AddModelError("", "Hãy chọn ít nhất một hồ sơ."); return Page(); }
        if (Chosen.Any(c => Dossiers.All(x => x.Id != c)) || ChosenProposals.Any(c => Proposals.All(x => x.Id != c)))
        {
            ModelState.AddModelError("", "Có hồ sơ không thuộc phạm vi của quyết định này, chưa được Hội đồng đồng ý hoặc đã ở trong quyết định khác.");
            return Page();
        }
        Reviewing = true;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } r) return r;
        if (!Bounded()) return Page();
        if (Chosen.Count > 0)
        {
            var res = await service.AddNominationsAsync(id, Chosen, User.UserName(), ct);
            if (!res.Ok) { ModelState.AddModelError("", res.Error!); return Page(); }
        }
        if (ChosenProposals.Count > 0)
        {
            var res = await service.AddProposalsAsync(id, ChosenProposals, User.UserName(), ct);
            if (!res.Ok) { ModelState.AddModelError("", res.Error!); return Page(); }
        }
        TempData["Message"] = $"Đã thêm {Chosen.Count + ChosenProposals.Count} vào danh sách.";
        return RedirectToPage("Details", new { id });
    }

    private bool Bounded()
    {
        if (!ModelState.IsValid || Chosen.Count > MaxChosen || ChosenProposals.Count > MaxChosen || Chosen.Any(c => c <= 0) || ChosenProposals.Any(c => c <= 0))
        {
            ModelState.AddModelError("", $"Danh sách hồ sơ chọn không hợp lệ (tối đa {MaxChosen}).");
            return false;
        }
        return true;
    }
}
