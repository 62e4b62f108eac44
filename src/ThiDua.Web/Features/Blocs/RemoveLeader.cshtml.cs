using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Features.Accounts;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Blocs;

/// <summary>Removes one year's leader or deputy assignment, after a confirmation on this page.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.BlocSecretariat}")]
public sealed class RemoveLeaderModel(AppDbContext db) : PageModel
{
    public sealed record Assignment(int Id, int BlocId, string Bloc, string BlocCode, int Year, BlocRole Role, int UnitId, string Agency, string AgencyCode);

    public Assignment Item { get; private set; } = null!;

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var a = await db.BlocLeaderships.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new Assignment(l.Id, l.BlocId, l.Bloc!.Name, l.Bloc.Code, l.Year, l.Role, l.UnitId, l.Unit!.Name, l.Unit.Code)).FirstOrDefaultAsync(ct);
        if (a is null) return NotFound();
        Item = a;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing) return missing;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await DetailsModel.LeadershipText(db, Item.BlocId, Item.Year, ct);
        if (await db.BlocLeaderships.Where(l => l.Id == id).ExecuteDeleteAsync(ct) == 0) return NotFound();
        db.Audit(User.UserName(), "Bỏ phân công khối trưởng, khối phó", nameof(EmulationBloc), Item.BlocId,
            $"năm {Item.Year}: trước: {before} → sau: {await DetailsModel.LeadershipText(db, Item.BlocId, Item.Year, ct)}", code: Item.BlocCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"Đã bỏ phân công {BlocLeadership.RoleName(Item.Role)} năm {Item.Year}: {Item.Agency}.";
        return RedirectToPage("Details", new { id = Item.BlocId });
    }
}
