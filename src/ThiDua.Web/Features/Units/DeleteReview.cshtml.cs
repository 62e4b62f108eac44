using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ThiDua.Data;
using ThiDua.Infrastructure;

namespace ThiDua.Features.Units;

/// <summary>
/// Deletes a review period recorded by mistake, after a confirmation on this page: deleting one that was
/// real would let a collective under inspection be commended.
/// </summary>
public sealed class DeleteReviewModel(AppDbContext db, UnitScopeService scopes) : PageModel
{
    public UnitReviewPeriod Review { get; private set; } = null!;
    public string UnitName { get; private set; } = "";

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var review = await db.UnitReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (review is null) return NotFound();
        var scope = await scopes.GetAsync(User, ct);
        if (!scope.CanEditUnit(review.UnitId)) return Forbid();
        Review = review;
        UnitName = await db.Units.Where(u => u.Id == review.UnitId).Select(u => u.Name).FirstAsync(ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var unitCode = await db.Units.Where(u => u.Id == Review.UnitId).Select(u => u.Code).FirstAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.UnitReviews.Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0) return NotFound();
        db.Audit(User.UserName(), "Xóa thời gian thanh tra, kiểm tra", nameof(Unit), Review.UnitId, $"#{id}; trước: {Review.AuditText()} → sau: —", code: unitCode);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = "Đã xóa thời gian thanh tra, kiểm tra.";
        return RedirectToPage("Details", new { id = Review.UnitId });
    }
}
